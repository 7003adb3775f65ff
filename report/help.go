package report

import (
	"strings"

	"amends/internal/text"
	"amends/internal/words"
	"amends/score"
)

// HelpText lists places to get help under the heading "help_heading",
// one to a line: the name, what it is for, and how to reach it. With
// none, it says "help_fallback". w are the set's words (nil: English).
func HelpText(w *words.Book, rs []score.Resource) string {
	var b strings.Builder
	b.WriteString(w.T("help_heading") + ":")
	if len(rs) == 0 {
		b.WriteString("\n" + w.T("help_fallback"))
	}
	for _, r := range rs {
		b.WriteString("\n- " + ResourceLine(r))
	}
	return b.String()
}

// ResourceLine is one place to get help on one line.
func ResourceLine(r score.Resource) string {
	line := text.OneLine(r.Title)
	what, contact := text.OneLine(r.Text), r.Contact()
	switch {
	case what != "" && contact != "":
		line += ": " + strings.TrimSuffix(what, ".") + ". " + contact
	case what != "":
		line += ": " + what
	case contact != "":
		line += ": " + contact
	}
	return line
}
