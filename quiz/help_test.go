package quiz

import (
	"errors"
	"strings"
	"testing"

	"amends/internal/screentest"
	"amends/questions"
	"amends/score"
)

func helpSet(t *testing.T) *questions.Set {
	t.Helper()
	s, err := questions.LoadFile("testdata/help.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestUrgentHelpBeforeTheSavePrompt(t *testing.T) {
	for _, private := range []bool{false, true} {
		s := helpSet(t)
		// afraid: yes; low: no; last: no; the review: see my result; no report; no answers file.
		r := runPlain(t, s, start+"2\n1\n1\n\n3\n\n", func(sess *Session) {
			if private {
				sess.ProgressPath = ""
			}
		})
		if r.err != nil {
			t.Fatalf("private %v: %v\n%s", private, r.err, r.out)
		}
		screentest.InOrder(t, r.out,
			"Safety — question 1 of 5", "Is anyone afraid?",
			// Right after the answer: why the quiz stops early.
			"Because of that answer, the questions after this part are left out: the report will be about safety.",
			"Safety — question 2 of 3",
			"Your result: Safety first",
			"Where to find help:\n- The Safety Line (Testland): For anyone worried about safety. 0800 000 000 · free, day and night\n- In an emergency: Call your local emergency number.",
			"Save your report as a PDF?",
			// Declined: the first place to turn to, once more, at the end.
			"No report was saved, so here, once more, is the first place to turn to:\n- The Safety Line (Testland)")
		if strings.Contains(r.out, "Find a helpline:") {
			t.Errorf("the help at the verdict lists a resource no raised flag names:\n%s", r.out)
		}
	}
}

func TestCrisisHelpRightAfterTheAnswer(t *testing.T) {
	s := helpSet(t)
	// afraid: no; low: yes; last: no; the review: see my result; the report; no answers file.
	r := runPlain(t, s, start+"1\n2\n1\n"+finish, nil)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.out)
	}
	screentest.InOrder(t, r.out,
		"Are you struggling?", "> ",
		"Thank you for saying so. You can talk to someone now; the questions go on below whenever you are ready.\n\n"+
			"Where to find help:\n- The Crisis Line (Testland): call or text 111 · crisis.example\n- In an emergency: Call your local emergency number.",
		// The quiz goes on, and says kindly why it ends early.
		"Your answers make the rest of the questions not apply, so the quiz ends after this part.",
		"Safety — question 3 of 3", "One more safety question?",
		"Your result: Support first",
		"Where to find help:\n- The Crisis Line (Testland)",
		"Save your report as a PDF?", "Kept: your report in")
	if strings.Contains(r.out, "No report was saved") {
		t.Error("the reminder came after a report was saved")
	}
	if n := strings.Count(r.out, "Thank you for saying so."); n != 1 {
		t.Errorf("the crisis words were said %d times", n)
	}
}

func TestUrgentHelpWithOutputFlag(t *testing.T) {
	s := helpSet(t)
	r := runPlain(t, s, start+"2\n1\n1\n\n\n", func(sess *Session) {
		sess.ReportPath = sess.Dir + "/report.pdf"
		sess.ProgressPath = ""
	})
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.out)
	}
	screentest.InOrder(t, r.out, "Your result: Safety first", "Where to find help:", "0800 000 000", "Kept: your report in")
}

func TestNoHelpBlockWhenNothingCallsForIt(t *testing.T) {
	s := helpSet(t)
	r := runPlain(t, s, start+"1\n1\n1\n\n3\n3\n\n"+finish, nil)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.out)
	}
	if strings.Contains(r.out, "Where to find help:") || strings.Contains(r.out, "left out") || strings.Contains(r.out, "leaves out") {
		t.Errorf("help or an early end with nothing raised:\n%s", r.out)
	}
	res := score.Score(s, r.sess.Answers)
	if got := strings.Join(res.Verdict.Why, "|"); got != "Nothing you said called for more care.|Overall: 100 out of 100" {
		t.Errorf("why %q", got)
	}
	if len(res.Resources) != 1 || res.Resources[0].ID != "general" || len(res.Help) != 0 {
		t.Errorf("resources %v, help %v", res.Resources, res.Help)
	}
}

func TestHelpOfAFlagThatIsNotUrgent(t *testing.T) {
	s := helpSet(t)
	a := score.NewAnswers(s)
	a.Values = map[string]any{"afraid": "unsaid", "low": "no", "last": "no", "kind": 2}
	r := score.Score(s, a)
	if len(r.Help) != 1 || r.Help[0].ID != "line" || r.Urgent() {
		t.Errorf("help %v, urgent %v", r.Help, r.Urgent())
	}
	var ids []string
	for _, x := range r.Resources {
		ids = append(ids, x.ID)
	}
	if got := strings.Join(ids, " "); got != "line general" {
		t.Errorf("resources %s", got)
	}
}

func TestAnAnswerThatLeavesOutLaterQuestionsSaysSo(t *testing.T) {
	s := helpSet(t)
	// afraid: no; low: no; last: yes, which leaves out "gentle"; review; kind: agree; review; the end.
	r := runPlain(t, s, start+"1\n1\n2\n\n3\n\n"+finish, nil)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.out)
	}
	screentest.InOrder(t, r.out, "Safety — question 3 of 5", "One more safety question?", "> ",
		"That answer leaves out 1 later question, which no longer applies.", "Care — question 4 of 4")
	if strings.Contains(r.out, "I am gentle.") {
		t.Error("the question left out was asked")
	}
	if got := r.sess.words().T("quiz_left_out", "n", 7); got != "That answer leaves out 7 later questions, which no longer apply." {
		t.Errorf("quiz_left_out for 7: %q", got)
	}
}

func TestStopAfterAnUrgentAnswerSaysWhereToGetHelp(t *testing.T) {
	s := helpSet(t)
	// afraid: yes, then the input ends at the next question.
	r := runPlain(t, s, start+"2\n", nil)
	if !errors.Is(r.err, ErrEndOfInput) {
		t.Fatalf("err = %v\n%s", r.err, r.out)
	}
	msg := r.sess.Stop()
	if !strings.Contains(msg, "Stopped. Your 1 answer is kept") ||
		!strings.Contains(msg, "Where to find help:\n- The Safety Line (Testland): For anyone worried about safety. 0800 000 000") {
		t.Errorf("Stop says:\n%s", msg)
	}
	// Nothing urgent: the message alone.
	r = runPlain(t, s, start+"1\n", nil)
	if msg := r.sess.Stop(); strings.Contains(msg, "Where to find help") {
		t.Errorf("Stop says:\n%s", msg)
	}
}
