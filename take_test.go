package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"amends/questions"
	"amends/quiz"
	"amends/score"
)

const takeSet = "quiz/testdata/small.toml"

// buildAmends builds the real binary into a temporary directory.
func buildAmends(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "amends")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// home is a temporary home and state directory for one test.
type home struct {
	dir, state, work string
}

func newHome(t *testing.T) *home {
	d := t.TempDir()
	h := &home{dir: d, state: filepath.Join(d, "state"), work: filepath.Join(d, "work")}
	if err := os.MkdirAll(h.work, 0o700); err != nil {
		t.Fatal(err)
	}
	return h
}

func (h *home) env() []string {
	return append(os.Environ(), "HOME="+h.dir, "XDG_STATE_HOME="+h.state, "NO_COLOR=1", "TERM=xterm", "SOURCE_DATE_EPOCH=1795564800")
}

// set is the test set's absolute path, for the binary running elsewhere.
func (h *home) set(t *testing.T) string {
	p, err := filepath.Abs(takeSet)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (h *home) progress() string { return filepath.Join(h.state, "amends", "progress-small.toml") }

// stateFiles lists every file under the state directory.
func (h *home) stateFiles(t *testing.T) []string {
	var files []string
	filepath.WalkDir(h.state, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// pipe runs the binary with input on a pipe and returns its output and exit code.
func (h *home) pipe(t *testing.T, bin, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = h.work, h.env()
	cmd.Stdin = strings.NewReader(input)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func loadTakeSet(t *testing.T) *questions.Set {
	s, err := questions.LoadFile(takeSet)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Typed lines for the small set: partner words as written, no name; the end.
const (
	pStart  = "\n\n"
	pFinish = "\n\n\n\n" // see my result; save the report; its default name; keep no answers
)

func TestTakePlainThroughPipes(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	set := h.set(t)
	in := pStart + "2\n\n" + "1,2\n1\n2\n3\nI listen now\n\n" + "\n" + "\n\n" + "y\n\n"
	code, out, errs := h.pipe(t, bin, in, "take", "-set", set)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("an escape sequence in plain mode (stdin is a pipe)")
	}
	for _, want := range []string{"What happened — question 3 of 6", "Type numbers separated by commas", "Your result: ", "Your report is in amends-report-2026-11-25.pdf"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	a, err := score.ReadAnswersFile(filepath.Join(h.work, "amends-answers-2026-11-25.toml"), loadTakeSet(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "trust_detail": "told", "blame": 2, "texts": 3, "note": "I listen now"}
	if !reflect.DeepEqual(a.Values, want) {
		t.Errorf("answers %v, want %v", a.Values, want)
	}
	if fi, err := os.Stat(filepath.Join(h.work, "amends-report-2026-11-25.pdf")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("report: %v", err)
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("a finished quiz left %v", f)
	}
}

func TestTakePlainEndOfInputThenResume(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	code, _, errs := h.pipe(t, bin, pStart+"2\n\n1\n", "take", "-set", h.set(t))
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, "The input ended before the quiz did. Stopped. Your 2 answers are kept in "+h.progress()) ||
		!strings.Contains(errs, "amends take -resume -set "+h.set(t)) {
		t.Errorf("stderr: %s", errs)
	}
	fi, err := os.Stat(h.progress())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("progress file: %v %v", err, fi)
	}
	code, out, errs := h.pipe(t, bin, "2\n3\n1\n\n\n"+pFinish, "take", "-resume", "-set", h.set(t))
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, "Welcome back") || strings.Contains(out, "Has he ever") {
		t.Errorf("resume should carry on at trust_detail\n%s", out)
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("left %v", f)
	}
}

func TestTakeAskedToCarryOn(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	h.pipe(t, bin, pStart+"2\n\n", "take", "-set", h.set(t))
	// Without -resume, the kept answers are offered; 2 starts again.
	code, out, _ := h.pipe(t, bin, "2\n", "take", "-set", h.set(t))
	if code != 1 || !strings.Contains(out, "You stopped part-way through last time; 1 answer is kept.") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if _, err := os.Stat(h.progress()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("starting again should delete the kept answers: %v", err)
	}
}

func TestTakePrivateWritesNothing(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	code, out, errs := h.pipe(t, bin, pStart+"2\n\n1,3\n", "take", "-private", "-set", h.set(t))
	if code != 1 || !strings.Contains(errs, "private mode, so nothing was kept") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Private mode: nothing is saved while you answer") {
		t.Errorf("no privacy notice\n%s", out)
	}
	// A whole run with -o: the report and nothing else.
	code, _, errs = h.pipe(t, bin, pStart+"1\n\n\n", "take", "-private", "-plain", "-set", h.set(t), "-o", "r.pdf")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("-private wrote %v", f)
	}
	if _, err := os.Stat(h.state); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("-private created the state directory")
	}
	entries, _ := os.ReadDir(h.work)
	if len(entries) != 1 || entries[0].Name() != "r.pdf" {
		t.Errorf("files written: %v", entries)
	}
}

func TestTakeKilledBetweenAnswersKeepsThem(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	cmd := exec.Command(bin, "take", "-set", h.set(t))
	cmd.Dir, cmd.Env = h.work, h.env()
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	waitFor := func(s string) {
		t.Helper()
		var seen strings.Builder
		for !strings.Contains(seen.String(), s) {
			b, err := r.ReadByte()
			if err != nil {
				t.Fatalf("waiting for %q: %v\n%s", s, err, seen.String())
			}
			seen.WriteByte(b)
		}
	}
	// Each answer is saved before the next question is shown.
	io.WriteString(stdin, pStart+"2\n\n1,2\n1\n4\n")
	waitFor("question 5 of 6")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	p, err := quiz.LoadProgress(h.progress())
	if err != nil {
		t.Fatal(err)
	}
	rest := p.Restore(loadTakeSet(t))
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "trust_detail": "told", "blame": 4}
	if !reflect.DeepEqual(rest.Answers.Values, want) || len(rest.Dropped) > 0 || p.Position != "texts" {
		t.Errorf("kept %v (dropped %v, position %q), want %v", rest.Answers.Values, rest.Dropped, p.Position, want)
	}
	for _, f := range h.stateFiles(t) {
		if f != h.progress() {
			t.Errorf("left a temporary file %s", f)
		}
	}
}

func TestTakeSignals(t *testing.T) {
	bin := buildAmends(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		h := newHome(t)
		cmd := exec.Command(bin, "take", "-set", h.set(t))
		cmd.Dir, cmd.Env = h.work, h.env()
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		io.WriteString(stdin, pStart+"2\n\n")
		r := bufio.NewReader(stdout)
		var seen strings.Builder
		for !strings.Contains(seen.String(), "What kind of hurt") {
			b, err := r.ReadByte()
			if err != nil {
				t.Fatal(err)
			}
			seen.WriteByte(b)
		}
		cmd.Process.Signal(sig)
		go io.Copy(io.Discard, r)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("%v: exit: %v", sig, err)
		}
		if !strings.Contains(errb.String(), "Stopped. Your 1 answer is kept in") {
			t.Errorf("%v: stderr: %s", sig, errb.String())
		}
	}
}

func TestTakeUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"take", "yes"}, `take: unexpected "yes"; answers are never taken from the command line`},
		{[]string{"take", "-resume", "-private"}, "-resume and -private do not go together"},
		{[]string{"take", "-force"}, "-force only applies to -o"},
	} {
		code, _, errs := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %s", c.args, code, errs)
		}
	}
}

func TestTakeOutputExistsFailsFirst(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	out := writeTemp(t, "r.pdf", "mine")
	code, stdout, errs := runCmd("take", "-set", takeSet, "-o", out)
	if code != 1 || !strings.Contains(errs, "file exists; choose another name, or pass -force") || stdout != "" {
		t.Errorf("exit %d\n%s\n%s", code, stdout, errs)
	}
}

func TestForget(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	code, out, _ := runCmd("forget")
	if code != 0 || !strings.Contains(out, "amends has nothing saved in "+filepath.Join(state, "amends")) {
		t.Errorf("exit %d: %s", code, out)
	}
	// Leave progress behind through the in-process command, then forget it.
	var o, e strings.Builder
	if c := run([]string{"take", "-set", takeSet}, strings.NewReader(pStart+"2\n\n"), &o, &e); c != 1 {
		t.Fatalf("take: exit %d\n%s", c, e.String())
	}
	p := filepath.Join(state, "amends", "progress-small.toml")
	code, out, _ = runCmd("forget")
	if code != 0 || !strings.Contains(out, p+` (progress of "small": 1 answer)`) || !strings.Contains(out, "Done.") {
		t.Errorf("exit %d: %s", code, out)
	}
	if _, err := os.Stat(filepath.Dir(p)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("forget left the directory: %v", err)
	}
}

func TestTakeResumeAfterTheSetChanged(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	src, err := os.ReadFile(takeSet)
	if err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(h.dir, "my set.toml")
	if err := os.WriteFile(set, src, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := h.pipe(t, bin, pStart+"2\n\n1,2\n1\n2\n", "take", "-set", set)
	if code != 1 || !strings.Contains(errs, `amends take -resume -set '`+set+`'`) {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The author drops "Hurtful words" and bumps the version.
	changed := strings.Replace(string(src), `version = "0.1.0"`, `version = "0.2.0"`, 1)
	changed = strings.Replace(changed, `    { value = "words", label = "Hurtful words" },`+"\n", "", 1)
	if err := os.WriteFile(set, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	// -resume without -set finds the set from the progress file.
	code, out, errs := h.pipe(t, bin, "1\n4\n\n\n"+pFinish, "take", "-resume")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	want := "The question set has changed since you started (it was version 0.1.0, it is now 0.2.0). 1 answer no longer fits and will be asked again where the question is still there; the other 3 answers are kept."
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q\n%s", want, out)
	}
	// Only hurt (which no longer fits), texts and note (never answered) are asked.
	if n := strings.Count(out, "— question"); n != 3 {
		t.Errorf("%d questions asked, want 3\n%s", n, out)
	}
}

func TestTakeResumeThenStopAtOnceKeepsEverything(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	h.pipe(t, bin, pStart+"2\n\n1\n", "take", "-set", h.set(t))
	code, _, errs := h.pipe(t, bin, "", "take", "-resume", "-set", h.set(t))
	if code != 1 || !strings.Contains(errs, "Your 2 answers are kept in") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if p, err := quiz.LoadProgress(h.progress()); err != nil || len(p.Values) != 2 {
		t.Errorf("progress: %v", err)
	}
}

func TestTakePrivateLeavesEarlierProgressAlone(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	h.pipe(t, bin, pStart+"2\n\n", "take", "-set", h.set(t))
	before, err := os.ReadFile(h.progress())
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := h.pipe(t, bin, pStart+"1\n\n", "take", "-private", "-set", h.set(t))
	if code != 1 || !strings.Contains(out, "Answers from an earlier run are still kept in "+h.progress()+"; private mode leaves them alone") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if after, _ := os.ReadFile(h.progress()); string(after) != string(before) {
		t.Error("private mode changed the earlier progress")
	}
}

func TestTakeStopAtTheCarryOnQuestion(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	h.pipe(t, bin, pStart+"2\n\n", "take", "-set", h.set(t))
	code, _, errs := h.pipe(t, bin, "", "take", "-set", h.set(t))
	if code != 1 || !strings.Contains(errs, "The answers from before are still kept in "+h.progress()) {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// TestHostileConditions: a set whose conditions could exhaust memory or
// the stack is refused by check and by take with one line naming the
// file and line, never a Go fatal error and its goroutine dump. On the
// first version, check passed the repeat and took gigabytes, and take
// crashed once the condition first ran, losing the answer just given.
func TestHostileConditions(t *testing.T) {
	bin := buildAmends(t)
	h := newHome(t)
	for _, c := range []struct{ name, old, new, want string }{
		{"repeat", `when = '"trust" in hurt'`, `when = 'len(repeat(repeat("ab",100000),100000)) > 0 && "trust" in hurt'`,
			":69: question \"trust_detail\": condition calls repeat, which is not one of the functions a condition may use"},
		{"parentheses", `when = '!flagged("safety")'`, `when = '` + strings.Repeat("(", 1_000_000) + `!flagged("safety")` + strings.Repeat(")", 1_000_000) + `'`,
			":53: section \"what\": condition is 2000018 characters long; a condition may have at most 4000"},
		{"not", `when = '!flagged("safety")'`, `when = '` + strings.Repeat("!", 1_000_001) + `flagged("safety")'`,
			":53: section \"what\": condition is 1000018 characters long"},
		{"brackets", `when = '"trust" in hurt'`, `when = '"trust" in ` + strings.Repeat("[", 300) + `hurt` + strings.Repeat("]", 300) + `'`,
			":69: question \"trust_detail\": condition nests 300 deep"},
	} {
		set := writeBroken(t, h.dir, c.name+".toml", c.old, c.new)
		for _, args := range [][]string{{"check", set}, {"take", "-plain", "-set", set}} {
			code, out, errs := h.pipe(t, bin, pStart+"2\n\n1\n", args...)
			want := "amends: " + set + c.want
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, want) || strings.Contains(errs, "goroutine") {
				t.Errorf("%s: amends %s: exit %d\nstdout %.300q\nstderr %.300q\nwant one line starting %q", c.name, args[0], code, out, errs, want)
			}
		}
	}
	if f := h.stateFiles(t); len(f) > 0 {
		t.Errorf("a refused set left %v", f)
	}
}
