package quiz

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"amends/questions"
	"amends/score"
)

// diskFull fails the saves of progress numbered in fail (from 1) as a
// full disk does, and makes the others.
func diskFull(fail func(n int) bool) func(*Session) {
	n := 0
	return func(ss *Session) {
		ss.writeProgress = func(path string, p *Progress, s *questions.Set) error {
			n++
			if fail(n) {
				return fmt.Errorf("%s: cannot keep progress: %v", path, syscall.ENOSPC)
			}
			return SaveProgress(path, p, s)
		}
	}
}

// TestSaveFailureToldTruthfullyAndRetried: a save that fails (a full
// disk) says that what was saved before is still kept, and the next
// answer saves again. On the first version the person was told that
// stopping would lose every answer, and saving was never tried again.
func TestSaveFailureToldTruthfullyAndRetried(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, straight, diskFull(func(n int) bool { return n == 3 })) // after trust_detail
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	failed := "Your progress could not be saved (" + r.progress + ": cannot keep progress: no space left on device). " +
		"The 2 answers saved before are still kept, whole, in " + r.progress + "; amends tries again after your next answer."
	again := "Your progress is saved again: all 4 answers are kept in " + r.progress + "."
	if strings.Count(r.out, failed) != 1 || strings.Count(r.out, again) != 1 || strings.Index(r.out, failed) > strings.Index(r.out, again) {
		t.Errorf("output lacks, once each and in order,\n%s\n%s\n%s", failed, again, r.out)
	}
	if strings.Contains(r.out, "answers are gone") {
		t.Errorf("said the answers were gone\n%s", r.out)
	}
}

// TestStopWhileSavingFails: stopping while saves fail says exactly what is
// kept: the answers saved before the failure, in the progress file.
func TestStopWhileSavingFails(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, start+"2\n1,2\n1\n2\n", diskFull(func(n int) bool { return n >= 3 }))
	if !errors.Is(r.err, ErrEndOfInput) {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	want := "Stopped. The latest answers could not be saved; the 2 answers saved before are kept in " + r.progress + ".\nTo carry on from there: amends take -resume"
	if got := r.sess.Stop(); got != want {
		t.Errorf("Stop() = %q\nwant %q", got, want)
	}
	p, err := LoadProgress(r.progress)
	if err != nil || !reflect.DeepEqual(p.Restore(s).Answers.Values, map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}}) {
		t.Errorf("progress %v, %v", p, err)
	}
	// Nothing ever saved: nothing is said to be kept.
	r = runPlain(t, s, start+"2\n1,2\n", diskFull(func(int) bool { return true }))
	if got := r.sess.Stop(); got != "Stopped before anything was saved; nothing was kept." {
		t.Errorf("Stop() = %q", got)
	}
}

// TestPrivateOutputFailureOffersAnotherName: with -private and -o, a
// report that cannot be written is not the end of the answers: another
// name is offered; if the person wants none, a file for the answers; and
// one that cannot be written either is followed by another offer.
func TestPrivateOutputFailureOffersAnotherName(t *testing.T) {
	s := takeSet(t)
	toReview := start + "2\n1,2\n1\n2\n3\nI want to listen more\n\n" // through "see my result"
	failing := func(bad func(path string) bool) func(*Session) {
		return func(ss *Session) {
			ss.ProgressPath, ss.ReportPath = "", filepath.Join(ss.Dir, "r.pdf")
			ss.writeReport = func(path string, res *score.Result, _ string, _ bool) error {
				if bad(path) {
					return errors.New(path + ": cannot write: no space left on device")
				}
				return os.WriteFile(path, []byte("%PDF"), 0o600)
			}
		}
	}
	other := filepath.Join(t.TempDir(), "other.pdf")
	r := runPlain(t, s, toReview+"2\n"+other+"\n", failing(func(p string) bool { return filepath.Base(p) == "r.pdf" }))
	if r.err != nil || !strings.Contains(r.out, "Try another file name?") || !strings.Contains(r.out, "Kept: your report in "+other) {
		t.Errorf("Run: %v\n%s", r.err, r.out)
	}

	// No other name: the answers, offered at once; the first file fails
	// (its folder is a file), the second is written.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	r = runPlain(t, s, toReview+"3\n"+"2\n"+filepath.Join(blocker, "a.toml")+"\n"+"1\n", failing(func(string) bool { return true }))
	if r.err == nil || r.err.Error() != "the report could not be written" {
		t.Errorf("Run: %v", r.err)
	}
	for _, want := range []string{"Nothing has been kept so far. Save your answers in a file so they are not lost?", "Your answers could not be written: ", "makes a report from your answers again."} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q\n%s", want, r.out)
		}
	}
	a, err := score.ReadAnswersFile(filepath.Join(r.sess.Dir, "amends-answers-2026-11-25.toml"), s)
	if err != nil || len(a.Values) != 6 {
		t.Errorf("answers file: %v", err)
	}
}
