package quiz

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"amends/questions"
	"amends/score"
)

func takeSet(t *testing.T) *questions.Set {
	t.Helper()
	s, err := questions.LoadFile("testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type plainRun struct {
	out      string
	sess     *Session
	err      error
	reports  []string
	progress string
}

// runPlain takes set with typed lines and returns what was shown.
func runPlain(t *testing.T, s *questions.Set, input string, mod func(*Session)) *plainRun {
	t.Helper()
	dir := t.TempDir()
	var out strings.Builder
	r := &plainRun{progress: filepath.Join(dir, "state", "progress-"+s.ID+".toml")}
	sess := &Session{
		Set: s, Asker: NewPlain(strings.NewReader(input), &out),
		ProgressPath: r.progress, ResumeCommand: "amends take -resume",
		Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Dir: dir,
	}
	sess.writeReport = func(path string, res *score.Result, kept string, overwrite bool) error {
		r.reports = append(r.reports, path)
		return os.WriteFile(path, []byte("%PDF "+res.Verdict.ID), 0o600)
	}
	if mod != nil {
		mod(sess)
	}
	r.err = sess.Run()
	r.out, r.sess = out.String(), sess
	return r
}

// The small set answered straight through: partner words, the safety
// question, the five questions of "What happened", the review of all six
// (they are one part, too few for two reviews), the report under its
// default name, no answers file.
const straight = "\n\n" + // partner words: as written, no name
	"2\n" + // afraid: No
	"1,2\n1\n2\n3\nI want to listen more\n" + // hurt, trust_detail, blame, texts, note
	"\n" + // the review: see my result
	"\n" + // save the report: yes, under its default name
	"\n" // keep answers: no

// Pieces of typed input: partner words as written and no name; the end
// (see my result, save the report under its default name, keep no answers).
const (
	start  = "\n\n"
	finish = "\n\n\n"
)

func TestPlainStraightThrough(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, straight, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "words"}, "trust_detail": "told", "blame": 2, "texts": 3, "note": "I want to listen more"}
	if !reflect.DeepEqual(r.sess.Answers.Values, want) {
		t.Errorf("answers = %#v, want %#v", r.sess.Answers.Values, want)
	}
	for _, s := range []string{
		"A short set for the tests. Nothing leaves this machine.",
		"Your answers are saved as you go in " + r.progress + " (only you can read it)",
		"Before anything else — question 1 of 5",
		"Has he ever seemed afraid of you?",
		"  3. I'd rather not say",
		`"?" for help`,
		"What happened — question 2 of 5",
		"What happened — question 3 of 6",
		"Did he find out, or did you tell him?",
		"Type numbers separated by commas (pick at least 1)",
		"Type a number from 0 (none) to 10 (ten or more)",
		"That was the last question: you answered 6 of 6. See your result, or pick an answer to change:",
		"What kind of hurt was it? — Broken trust; Hurtful words",
		"Your result: ",
		"Kept: your report in " + filepath.Join(r.sess.Dir, "amends-report-2026-11-25.pdf") + " (only you can read it). Nothing else is kept: the progress file is deleted.",
	} {
		if !strings.Contains(r.out, s) {
			t.Errorf("output lacks %q\n%s", s, r.out)
		}
	}
	if strings.Contains(r.out, "\x1b") {
		t.Error("plain output has an escape sequence")
	}
	if len(r.reports) != 1 {
		t.Errorf("reports written: %v", r.reports)
	}
	if _, err := os.Stat(r.progress); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress file left behind: %v", err)
	}
}

func TestPlainProgressCountsOnlyAskedQuestions(t *testing.T) {
	s := takeSet(t)
	// No "trust" among the hurts: trust_detail is never asked, so there are 5.
	r := runPlain(t, s, "\n\n2\n\n2,3\n", nil)
	if !errors.Is(r.err, ErrEndOfInput) {
		t.Fatalf("err = %v", r.err)
	}
	if !strings.Contains(r.out, "What happened — question 2 of 5") || !strings.Contains(r.out, "What happened — question 3 of 5") {
		t.Errorf("progress should count 5 questions\n%s", r.out)
	}
	if strings.Contains(r.out, "Did he find out") {
		t.Error("trust_detail asked without trust")
	}
}

func TestPlainConditionalSectionSkipped(t *testing.T) {
	s := takeSet(t)
	// "Yes" raises the safety flag; the whole "What happened" section is skipped.
	r := runPlain(t, s, start+"1\n"+finish, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if strings.Contains(r.out, "What kind of hurt") {
		t.Errorf("section asked despite the safety flag\n%s", r.out)
	}
	if !strings.Contains(r.out, "Your result: Safety first") {
		t.Errorf("no safety verdict\n%s", r.out)
	}
}

func TestPlainInvalidInputReasks(t *testing.T) {
	s := takeSet(t)
	in := "\n\n" +
		"9\nmaybe\nno\n" + // out of range, not a number, then a label
		"1,7\nx\n\n1\n" + // multi: out of range, not a number, empty, then fine
		"?\n1\n" + // trust_detail has no help
		"0\n5\n" + // scale
		"11\n-1\nten\n3\n" + // number
		"hello \x1b[31mred\x1b[0m\n" + finish
	r := runPlain(t, s, in, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	for _, msg := range []string{
		"Please pick one of the options, 1 to 3.",
		`"maybe" is not one of the numbers; please type a number from 1 to 3.`,
		"7 is not one of the options; they go from 1 to 3.",
		`"x" is not a number; please type numbers separated by commas`,
		"Please type numbers separated by commas, such as 1, 3.",
		"There is no more help for this question.",
		"Please pick one of the options, 1 to 5.",
		"Please give a whole number from 0 to 10.",
		"Please type a whole number from 0 to 10.",
	} {
		if !strings.Contains(r.out, msg) {
			t.Errorf("output lacks %q", msg)
		}
	}
	if got := r.sess.Answers.Values["afraid"]; got != "no" {
		t.Errorf("afraid = %v", got)
	}
	if got := r.sess.Answers.Values["note"]; got != "hello red" {
		t.Errorf("note = %q, want the escape removed", got)
	}
	if strings.Contains(r.out, "\x1b") {
		t.Error("an escape reached the output")
	}
}

func TestPlainHelp(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, "\n\n?\n", nil)
	if !strings.Contains(r.out, "> We ask everyone.") {
		t.Errorf("help not shown\n%s", r.out)
	}
}

func TestPlainBack(t *testing.T) {
	s := takeSet(t)
	in := "\n\n2\n" +
		"1\nback\n" + // hurt, then back to it
		"1,3\n1\n" + // hurt again, trust_detail
		"back\nback\n\n\n" + // from blame back twice to hurt, Enter keeps hurt and trust_detail
		"4\n0\n\n" + finish
	r := runPlain(t, s, in, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust", "neglect"}, "trust_detail": "told", "blame": 4, "texts": 0, "note": ""}
	if !reflect.DeepEqual(r.sess.Answers.Values, want) {
		t.Errorf("answers = %#v\nwant %#v\n%s", r.sess.Answers.Values, want, r.out)
	}
	if !strings.Contains(r.out, "press Enter to keep 1, 3") {
		t.Errorf("going back should offer the current answer\n%s", r.out)
	}
	// Back from the first question is the partner words, and nothing is before them.
	r = runPlain(t, s, "\n\nback\nback\n", nil)
	if strings.Count(r.out, "Which words should they use?") < 2 || !strings.Contains(r.out, "This is the first question; there is nothing before it.") {
		t.Errorf("back at the first question\n%s", r.out)
	}
}

func TestSectionReviewChangesAnswer(t *testing.T) {
	s := takeSet(t)
	in := "\n\n2\n" +
		"2\n3\n1\n\n" + // hurt: words only; blame, texts, note
		"3\n1,2\n2\n" + // review: change hurt to trust+words; trust_detail now asked
		finish
	r := runPlain(t, s, in, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if got := r.sess.Answers.Values["trust_detail"]; got != "found" {
		t.Errorf("trust_detail = %v, want found (asked after the change)\n%s", got, r.out)
	}
	if got := r.sess.Answers.Values["hurt"]; !reflect.DeepEqual(got, []string{"trust", "words"}) {
		t.Errorf("hurt = %v", got)
	}
}

func TestFinalReviewChange(t *testing.T) {
	s := takeSet(t)
	in := "\n\n2\n2\n3\n1\n\n" +
		"5\n5\n" + // the review: texts, to 5; then the review again
		finish
	r := runPlain(t, s, in, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if got := r.sess.Answers.Values["texts"]; got != 5 {
		t.Errorf("texts = %v, want 5\n%s", got, r.out)
	}
}

func TestEndOfInputThenResume(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, "\n\n2\n1,2\n1\n", nil)
	if !errors.Is(r.err, ErrEndOfInput) {
		t.Fatalf("err = %v", r.err)
	}
	msg := r.sess.Stop()
	if !strings.Contains(msg, "Your 3 answers are kept in "+r.progress) || !strings.Contains(msg, "amends take -resume") {
		t.Errorf("stop message: %s", msg)
	}
	p, err := LoadProgress(r.progress)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(r.progress); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	rest := p.Restore(s)
	if rest.Changed || len(rest.Dropped) > 0 || len(rest.Answers.Values) != 3 {
		t.Fatalf("restored %+v", rest)
	}
	// Carry on: blame is next.
	r2 := runPlain(t, s, "2\n3\n\n"+finish, func(ss *Session) {
		ss.Answers, ss.Resumed, ss.Position = rest.Answers, true, p.Position
	})
	if r2.err != nil {
		t.Fatalf("Run: %v\n%s", r2.err, r2.out)
	}
	if !strings.Contains(r2.out, "3 answers are kept; carrying on") || strings.Contains(r2.out, "question 1 of") {
		t.Errorf("resume should start at blame\n%s", r2.out)
	}
	if !strings.Contains(r2.out, "What happened — question 4 of 6") {
		t.Errorf("progress after resume\n%s", r2.out)
	}
	if len(r2.sess.Answers.Values) != 6 {
		t.Errorf("answers %v", r2.sess.Answers.Values)
	}
}

func TestResumeChangedSetReasksOnlyWhatNoLongerFits(t *testing.T) {
	s := takeSet(t)
	p := &Progress{Set: "small", Version: "0.0.9", Hash: "sha256:old", Position: "note",
		Values: map[string]any{"afraid": "no", "hurt": []any{"words", "gone"}, "blame": int64(2), "texts": int64(3), "old_question": "x"}}
	rest := p.Restore(s)
	if !rest.Changed || !reflect.DeepEqual(rest.Dropped, []string{"hurt", "old_question"}) {
		t.Fatalf("restore: changed=%v dropped=%v", rest.Changed, rest.Dropped)
	}
	// Only hurt (dropped) and note (never answered) are asked.
	r := runPlain(t, s, "2\n\n\n\n\n\n\n", func(ss *Session) {
		ss.Answers, ss.Resumed, ss.Position = rest.Answers, true, p.Position
	})
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if strings.Contains(r.out, "Part of me thinks") && !strings.Contains(r.out, "Part of me thinks he brought this on himself. — Disagree") {
		t.Errorf("blame asked again\n%s", r.out)
	}
	if strings.Count(r.out, "— question") != 2 {
		t.Errorf("want exactly 2 questions asked\n%s", r.out)
	}
}

func TestPartnerWords(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, "2\nSam \x1b[2J\n", nil)
	if got := r.sess.Answers.Words; got["he"] != "she" || got["his"] != "her" || got["partner"] != "Sam" {
		t.Errorf("partner = %+v", got)
	}
	if !strings.Contains(r.out, "Has she ever seemed afraid of you?") {
		t.Errorf("pronoun not used\n%s", r.out)
	}
}

func TestReportFailureKeepsAnswers(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, straight+"3\n", func(ss *Session) { // no other name
		ss.writeReport = func(string, *score.Result, string, bool) error { return errors.New("disk full") }
	})
	if r.err == nil {
		t.Fatal("want an error")
	}
	if !strings.Contains(r.out, "The report could not be written: disk full") || !strings.Contains(r.out, "Your answers are kept in "+r.progress) {
		t.Errorf("output\n%s", r.out)
	}
	p, err := LoadProgress(r.progress)
	if err != nil || len(p.Values) != 6 {
		t.Fatalf("progress: %v %+v", err, p)
	}
}

func TestOutputFlagAsksNothingAtTheEnd(t *testing.T) {
	s := takeSet(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r.pdf")
	in := "\n\n2\n1\n1\n2\n3\n\n\n" // up to the review, nothing more
	r := runPlain(t, s, in, func(ss *Session) { ss.ReportPath = out })
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if !reflect.DeepEqual(r.reports, []string{out}) || strings.Contains(r.out, "Save your report") || !strings.Contains(r.out, "Kept: your report in "+out) {
		t.Errorf("reports %v\n%s", r.reports, r.out)
	}
}

func TestKeepAnswersFile(t *testing.T) {
	s := takeSet(t)
	in := strings.TrimSuffix(straight, "\n") + "1\n" // yes, under its default name
	r := runPlain(t, s, in, nil)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	path := filepath.Join(r.sess.Dir, "amends-answers-2026-11-25.toml")
	a, err := score.ReadAnswersFile(path, s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Values, r.sess.Answers.Values) {
		t.Errorf("kept %v, want %v", a.Values, r.sess.Answers.Values)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
}

func TestPrivateSavesNothing(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, "\n\n2\n1\n", func(ss *Session) { ss.ProgressPath = "" })
	if !errors.Is(r.err, ErrEndOfInput) {
		t.Fatal(r.err)
	}
	if _, err := os.Stat(filepath.Dir(r.progress)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("private mode wrote into the state directory")
	}
	if msg := r.sess.Stop(); !strings.Contains(msg, "private mode, so nothing was kept") {
		t.Errorf("stop: %s", msg)
	}
	if !strings.Contains(r.out, "Private mode: nothing is saved while you answer") {
		t.Errorf("intro\n%s", r.out)
	}
}

func BenchmarkSaveProgress(b *testing.B) {
	s, err := questions.LoadFile("testdata/small.toml")
	if err != nil {
		b.Fatal(err)
	}
	p := &Progress{Set: s.ID, Version: s.Version, Hash: s.Hash, Position: "note",
		Values: map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "told", "blame": 2, "texts": 3}}
	path := filepath.Join(b.TempDir(), "progress-small.toml")
	for b.Loop() {
		if err := SaveProgress(path, p, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstQuestion is the work between start and the first
// question: loading and checking the built-in set, then planning.
func BenchmarkFirstQuestion(b *testing.B) {
	for b.Loop() {
		s, err := questions.Builtin()
		if err != nil {
			b.Fatal(err)
		}
		sess := &Session{Set: s, Answers: score.NewAnswers(s)}
		if len(sess.plan()) == 0 {
			b.Fatal("nothing to ask")
		}
	}
}

// BenchmarkSaveAfterAnswer is what follows every answer with the built-in
// set nearly done: working out what is asked next and saving the progress.
func BenchmarkSaveAfterAnswer(b *testing.B) {
	s, err := questions.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	sess := &Session{Set: s, Answers: score.NewAnswers(s), ProgressPath: filepath.Join(b.TempDir(), "progress.toml")}
	for _, q := range s.Questions() {
		p := sess.prompt(q)
		r := Reply{Indices: []int{0}, Number: p.Min, Text: "a few words of text"}
		if q.Kind == questions.KindScale {
			r.Index = 1
		}
		sess.Answers.Values[q.ID], _ = s.Normalize(q, sess.value(q, r))
	}
	for b.Loop() {
		plan := sess.plan()
		sess.save(plan[len(plan)-1].ID)
	}
	if sess.saveFail {
		b.Fatal("save failed")
	}
}

func TestNameAskedOnlyWhenUsed(t *testing.T) {
	s := takeSet(t)
	r := runPlain(t, s, "\nSam\n2\n\n1\n1\n2\n3\n", nil)
	if !strings.Contains(r.out, "Anything else you want to remember about you and Sam?") {
		t.Errorf("name not used\n%s", r.out)
	}
	b, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if g := b.Group("partner"); g != nil && b.Asks(g) {
		return // the built-in set came to use {partner}; nothing to check
	}
	r = runPlain(t, b, "\n", nil)
	if strings.Contains(r.out, "A name or nickname") {
		t.Errorf("a name asked for though no text uses it\n%s", r.out)
	}
}

func TestSaveFailureIsSaidOnceAndTheQuizGoesOn(t *testing.T) {
	s := takeSet(t)
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	r := runPlain(t, s, straight, func(ss *Session) { ss.ProgressPath = filepath.Join(blocker, "amends", "progress-small.toml") })
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if n := strings.Count(r.out, "Your progress could not be saved"); n != 1 {
		t.Errorf("said %d times\n%s", n, r.out)
	}
	if len(r.sess.Answers.Values) != 6 {
		t.Errorf("answers %v", r.sess.Answers.Values)
	}
}

func TestReportAnotherNameAfterFailure(t *testing.T) {
	s := takeSet(t)
	tries := 0
	r := runPlain(t, s, straight+"2\nother.pdf\n", func(ss *Session) {
		ss.writeReport = func(path string, _ *score.Result, _ string, _ bool) error {
			tries++
			if tries == 1 {
				return errors.New(path + ": cannot write: permission denied")
			}
			return nil
		}
	})
	if r.err != nil || tries != 2 {
		t.Fatalf("Run: %v, %d tries\n%s", r.err, tries, r.out)
	}
	if !strings.Contains(r.out, "Try another file name?\n  1. Yes, as ") || !strings.Contains(r.out, "Kept: your report in other.pdf") {
		t.Errorf("output\n%s", r.out)
	}
}

// TestPartsOfTheBuiltinSet: reviews come after parts of at least eight
// questions, whole sections each, so the built-in set has a handful of
// them rather than one a section.
func TestPartsOfTheBuiltinSet(t *testing.T) {
	b, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sess := &Session{Set: b, Answers: score.NewAnswers(b)}
	plan := sess.plan()
	ps := parts(plan)
	n := 0
	for i, p := range ps {
		n += len(p.qs)
		if len(p.qs) < reviewEvery {
			t.Errorf("part %d has %d questions", i, len(p.qs))
		}
		if last := p.qs[len(p.qs)-1]; last.Section != p.last() {
			t.Errorf("part %d ends inside a section", i)
		}
	}
	if n != len(plan) || len(ps) < 3 || len(ps) > len(plan)/reviewEvery {
		t.Errorf("%d parts over %d of %d questions", len(ps), n, len(plan))
	}
}
