package main

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestTakeDiskFull: on a disk that fills up part-way through, the quiz
// says that what was saved before is still kept, goes on, and saves again
// after the next answer once there is room. The disk is a small tmpfs,
// made full for real.
func TestTakeDiskFull(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	if err := os.MkdirAll(h.state, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", h.state).CombinedOutput(); err != nil {
		// The same story runs with a made-up failure in quiz's
		// TestSaveFailureToldTruthfullyAndRetried, which needs nothing.
		t.Skipf("a real full disk is a small tmpfs, and mounting one needs root: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", h.state).Run() })
	take := startTake(t, bin, h, "-set", h.set(t))
	take.until("Which words should they use?", "", "")
	take.until("question 1 of 5", "2", "")
	take.until("question 2 of 5")

	// Fill the disk to the last byte.
	filler, err := os.Create(h.state + "/filler")
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := filler.Write(block); err != nil {
			break
		}
	}
	for n := len(block) / 2; n > 0; n /= 2 {
		filler.Write(block[:n])
	}
	filler.Close()
	io.WriteString(take.in, "1,2\n")
	take.until("Your progress could not be saved (" + h.progress() + ": cannot keep progress: no space left on device). The 1 answer saved before is still kept, whole, in " + h.progress() + "; amends tries again after your next answer.")

	os.Remove(h.state + "/filler")
	io.WriteString(take.in, "1\n")
	take.until("Your progress is saved again: all 3 answers are kept in " + h.progress() + ".")
	if code := take.end(); code != 1 || !strings.Contains(take.errb.String(), "Stopped. Your 3 answers are kept in "+h.progress()) {
		t.Errorf("exit %d: %s", code, take.errb.String())
	}
}

// TestTakePrivateOutputGoneAtTheEnd: with -private and -o, a report that
// can no longer be written where -o said (its folder became a file while
// the person answered) is offered another name rather than lose every
// answer. On the first version the quiz ended there, exit 1, nothing kept.
func TestTakePrivateOutputGoneAtTheEnd(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	dir := h.work + "/out"
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	take := startTake(t, bin, h, "-private", "-set", h.set(t), "-o", dir+"/r.pdf")
	take.until("Which words should they use?", "", "")
	take.until("question 1 of 5", "2", "")
	take.until("question 2 of 5", "1,2", "1", "2", "3")
	take.until("question 6 of 6")
	os.RemoveAll(dir)
	os.WriteFile(dir, nil, 0o600)
	io.WriteString(take.in, "a note\n\n") // the note; the review: see my result
	take.until("The report could not be written: ")
	take.until("Try another file name?", "1") // yes, under the name offered
	take.until("Kept: your report in amends-report-2026-11-25.pdf")
	if code := take.end(); code != 0 {
		t.Errorf("exit %d: %s", code, take.errb.String())
	}
	if fi, err := os.Stat(h.work + "/amends-report-2026-11-25.pdf"); err != nil || fi.Size() == 0 {
		t.Errorf("report: %v", err)
	}
}
