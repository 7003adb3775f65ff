package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"amends/quiz"
)

// liveTake is "amends take" running with its input and output on pipes.
type liveTake struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	seen  strings.Builder
	errb  strings.Builder
	ended bool
}

func startTake(t *testing.T, bin string, h *home, args ...string) *liveTake {
	t.Helper()
	l := &liveTake{t: t, cmd: exec.Command(bin, append([]string{"take", "-plain"}, args...)...)}
	l.cmd.Dir, l.cmd.Env = h.work, h.env()
	l.in, _ = l.cmd.StdinPipe()
	stdout, _ := l.cmd.StdoutPipe()
	if f, ok := stdout.(*os.File); ok {
		// Only keeps a broken run from hanging; nothing is timed.
		f.SetReadDeadline(time.Now().Add(20 * time.Second))
	}
	l.out = bufio.NewReader(stdout)
	l.cmd.Stderr = &l.errb
	if err := l.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !l.ended {
			l.cmd.Process.Kill()
			l.cmd.Wait()
		}
	})
	return l
}

// until reads what the quiz shows until s appears, then types lines.
func (l *liveTake) until(s string, lines ...string) {
	l.t.Helper()
	for !strings.Contains(l.seen.String(), s) {
		b, err := l.out.ReadByte()
		if err != nil {
			l.t.Fatalf("waiting for %q: %v\n%s", s, err, l.seen.String())
		}
		l.seen.WriteByte(b)
	}
	for _, line := range lines {
		io.WriteString(l.in, line+"\n")
	}
}

// end closes the input and waits for the quiz to exit, returning its code.
func (l *liveTake) end() int {
	l.in.Close()
	go io.Copy(io.Discard, l.out)
	err := l.cmd.Wait()
	l.ended = true
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return 0
}

// TestTakeOneAtATime: while a quiz of a set runs, a second one says so,
// with the first one's process, and exits 1 without touching its answers;
// forget leaves its files alone. After the first is killed, its lock is
// taken over by the next quiz, which carries on from the kept answers and
// at the end leaves nothing behind. On the first version the two quizzes
// overwrote each other's progress.
func TestTakeOneAtATime(t *testing.T) {
	bin := amendsBin(t)
	h := newHome(t)
	first := startTake(t, bin, h, "-set", h.set(t))
	first.until("Which words should they use?", "", "")
	first.until("question 1 of 5", "2", "")
	first.until("question 2 of 5")
	before, err := os.ReadFile(h.progress())
	if err != nil {
		t.Fatal(err)
	}

	code, out, errs := h.pipe(t, bin, pStart+"1\n\n", "take", "-set", h.set(t))
	want := fmt.Sprintf("amends: another \"amends take\" of this set is running (process %d); finish it or stop it first, so that neither overwrites the other's answers\n", first.cmd.Process.Pid)
	if code != 1 || errs != want || out != "" {
		t.Errorf("second take: exit %d, stdout %q, stderr %q\nwant exit 1 and %q", code, out, errs, want)
	}
	code, _, errs = h.pipe(t, bin, "", "forget")
	if code != 1 || !strings.Contains(errs, fmt.Sprintf("left alone: a quiz of this set is running (process %d)", first.cmd.Process.Pid)) {
		t.Errorf("forget: exit %d, stderr %q", code, errs)
	}
	if after, err := os.ReadFile(h.progress()); err != nil || string(after) != string(before) {
		t.Errorf("the running quiz's progress changed: %v\n%s", err, after)
	}

	// Killed: the lock file stays, but no process holds it any more.
	first.cmd.Process.Signal(syscall.SIGKILL)
	first.end()
	if _, err := os.Stat(quiz.LockPath(h.progress())); err != nil {
		t.Fatalf("the lock file: %v", err)
	}
	code, out, errs = h.pipe(t, bin, "\n"+"1,2\n1\n2\n3\nnote\n\n"+pFinish, "take", "-set", h.set(t))
	if code != 0 || !strings.Contains(out, "You stopped part-way through last time; 1 answer is kept.") {
		t.Fatalf("after the kill: exit %d\n%s\n%s", code, out, errs)
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("left %v", f)
	}
	if _, err := os.Stat(h.state + "/amends"); !os.IsNotExist(err) {
		t.Errorf("left the state folder: %v", err)
	}
}

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
