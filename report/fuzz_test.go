package report

import (
	"bytes"
	"testing"

	"amends/score"
)

// FuzzPDF puts arbitrary text everywhere a set or an answer can put text:
// the report is always made, as a PDF, as HTML and as text, never an error
// or a panic.
func FuzzPDF(f *testing.F) {
	f.Add("Hurt him?", "Possible, slowly", "Go gently — “slowly”.", "Zażółć gęślą jaźń", 55)
	f.Add("😀\x1b[31m", "\x00\a\t\r\n", "\u202e\u200d\ufe0f", "\xff\xfe", -5)
	f.Add("", "", "", "", 1000)
	f.Add("<script>alert(1)</script>", "<img src=x>", "a & b < c", "\"quoted\" & 'single'", 7)
	f.Add("Ελληνικά", "Русский", "中文 العربية עברית", "\U0010FFFF\uFFFF\uE000", 100)
	f.Fuzz(func(t *testing.T, title, verdict, text, answer string, n int) {
		r := hopefulResult()
		r.Set.Title, r.Set.Disclaimer, r.Set.Hash = title, text, answer
		r.Verdict.Title, r.Verdict.Text, r.Verdict.Summary = verdict, text, answer
		r.Verdict.Why = []string{text, answer}
		r.Dimensions[0].Title, r.Dimensions[0].Text, r.Dimensions[0].Score = title, text, n
		r.Dimensions[0].Items = []score.Item{{Text: text, Answer: answer}}
		r.Composite = n
		r.Phases[0].Title = verdict
		r.Phases[0].Steps[0].Text, r.Phases[0].Steps[0].Because = text, []string{answer}
		r.Honest[0] = score.Paragraph{Title: title, Text: text}
		r.Resources[0] = score.Resource{Title: verdict, Text: answer}
		r.Readiness.Importance.Value = n
		r.Answers = append(r.Answers, score.Answer{Text: text, Answer: answer})
		var b bytes.Buffer
		if err := PDF(&b, r, Options{Date: testDate, Appendix: true, Kept: answer}); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
		// The other forms take the same text: no error, and no text of
		// the set's becomes markup.
		b.Reset()
		if err := HTML(&b, r, Options{Date: testDate, Appendix: true}); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b.Bytes(), []byte("<script")) || bytes.Contains(b.Bytes(), []byte("<img")) {
			t.Fatal("text became markup")
		}
		b.Reset()
		if err := PlainText(&b, r, Options{Date: testDate, Appendix: true}); err != nil {
			t.Fatal(err)
		}
	})
}
