package report_test

import (
	"bytes"
	"fmt"
	"time"

	"amends/report"
	"amends/score"
)

func ExamplePDF() {
	r := &score.Result{
		Set:     score.SetInfo{Title: "An honest look", Version: "1.0.0", Disclaimer: "A reflection, not a diagnosis."},
		Verdict: score.Verdict{ID: "possible", Title: "Possible, slowly", Text: "Go gently, and let him lead."},
	}
	var b bytes.Buffer
	o := report.Options{Paper: "a4", Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}
	if err := report.PDF(&b, r, o); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(b.Bytes(), []byte("%PDF-")))
	// Output: true
}
