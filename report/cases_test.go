package report

import (
	"testing"

	"amends/quiz"
)

// goldenCase is a report whose bytes are kept in testdata.
type goldenCase struct {
	name string
	r    *quiz.Result
}

func goldenCases(t testing.TB) []goldenCase {
	return []goldenCase{{"safety", safetyResult()}, {"hopeful", hopefulResult()}}
}

// benchResult is a result the size of the built-in set's.
func benchResult(b testing.TB) *quiz.Result { return hopefulResult() }
