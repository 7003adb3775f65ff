package quiz

import (
	"strings"

	"amends/internal/text"
)

// The engine's own words about help, in one place.
const (
	// HelpHeading heads the places to get help, on the screen and in reports.
	HelpHeading = "Where to find help"
	// FallbackHelp is said when help is called for and a set names no
	// place to get it.
	FallbackHelp = "If you or anyone is in immediate danger, call your local emergency number. " +
		"You can find free, confidential helplines in your country at findahelpline.com."
	// earlyEnd is said when answers leave nothing more to ask after the
	// current part and no raised flag says why in the set's words.
	earlyEnd = "Your answers make the rest of the questions not apply, so the quiz ends after this part. The report will say why."
	// helpAgain is said at the end of an urgent result when no report was saved.
	helpAgain = "No report was saved, so here, once more, is the first place to turn to:"
)

// HelpText lists places to get help under HelpHeading, one to a line:
// the name, what it is for, and how to reach it. With none, it says
// FallbackHelp.
func HelpText(rs []Resource) string {
	var b strings.Builder
	b.WriteString(HelpHeading + ":")
	if len(rs) == 0 {
		b.WriteString("\n" + FallbackHelp)
	}
	for _, r := range rs {
		b.WriteString("\n- " + resourceLine(r))
	}
	return b.String()
}

// resourceLine is one place to get help on one line.
func resourceLine(r Resource) string {
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
