package report

import (
	"strconv"
	"strings"

	"amends/internal/words"
	"amends/score"
)

// The engine's own words in a report come from the catalogue in the set's
// language (internal/words, ids "report_..."), through the helpers here;
// the PDF, the HTML and the text all take their words from the same
// blocks, so they say the same.

// bandName is a band in the set's language.
func bandName(w *words.Book, band string) string {
	switch band {
	case score.BandWeak:
		return w.T("band_weak")
	case score.BandDeveloping:
		return w.T("band_developing")
	case score.BandStrong:
		return w.T("band_strong")
	case score.BandUnscored:
		return w.T("band_unscored")
	}
	return band
}

// scoreWords is the one way a report says a score, held together on one
// line by no-break spaces.
func scoreWords(w *words.Book, n int) string { return nbsp(w.T("report_score", "n", n)) }

// nbsp joins the words of s with no-break spaces.
func nbsp(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// bandLine is a part's band and score.
func bandLine(w *words.Book, band string, n int) string {
	return w.T("report_band_line", "band", bandName(w, band), "score", scoreWords(w, n))
}

// because joins a step's reasons into one short sentence.
func because(w *words.Book, reasons []string) string {
	var rs []string
	for i, r := range reasons {
		if i < len(reasons)-1 {
			r = strings.TrimRight(r, ". ")
		}
		if r = strings.TrimRight(oneLine(r), ";"); r != "" {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return ""
	}
	b := w.T("text_because", "reasons", strings.Join(rs, "; "))
	if !endsSentence(b) {
		b += "."
	}
	return b
}

// pointerTo splits a message that names a section ({section}) and its page
// ({page}) into the words around them, for a pointer block.
func pointerTo(w *words.Book, id, msg, section string) pointer {
	s := w.T(msg, "section", "\x01", "page", "\x02")
	before, rest, _ := strings.Cut(s, "\x01")
	mid, after, _ := strings.Cut(rest, "\x02")
	return pointer{before: before, section: section, mid: mid, after: after, id: id}
}

// endsSentence says whether s ends with a full stop, a question or an
// exclamation mark, perhaps inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
