package report

import (
	"strings"

	"amends/internal/text"
	"amends/score"
)

// The engine's own words about help, in one place.
const (
	// HelpHeading heads the places to get help, on the screen and in reports.
	HelpHeading = "Where to find help"
	// FallbackHelp is said when help is called for and a set names no
	// place to get it.
	FallbackHelp = "If you or anyone is in immediate danger, call your local emergency number. " +
		"You can find free, confidential helplines in your country at findahelpline.com."
)

// HelpText lists places to get help under HelpHeading, one to a line:
// the name, what it is for, and how to reach it. With none, it says
// FallbackHelp.
func HelpText(rs []score.Resource) string {
	var b strings.Builder
	b.WriteString(HelpHeading + ":")
	if len(rs) == 0 {
		b.WriteString("\n" + FallbackHelp)
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
