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
