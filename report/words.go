package report

import (
	"fmt"

	"amends/internal/words"
	"strconv"
	"strings"
	"time"
)

// The engine's own words in a report, in one place: every sentence a
// person reads that does not come from the question set. The PDF, the HTML
// and the text forms all take their words from here, so they say the same.

// tHelp is the help section's title in English; a report takes it from
// the set's words ("help_heading"), which the set's texts point to.
var tHelp = (*words.Book)(nil).T("help_heading")

// Section titles.
const (
	tStanding  = "Where you stand"
	tRaised    = "What your answers raised"
	tReadiness = "Readiness to change"
	tSteps     = "Next steps"
	tSafeSteps = "Next steps: safety first"
	tHonest    = "The honest look"
	tMeaning   = "What this means"
	tCompare   = "Since last time"
	tAbout     = "About this report"
	tAnswers   = "Your answers"
)

const (
	wReport       = "Your report"
	wDocTitle     = "Report" // the neutral document title
	wVerdictLabel = "Where this leaves you"
	wNoVerdict    = "No verdict"
	wWhy          = "Why"
	wStartLabel   = "Where to start"
	wCallLabel    = "First, where to get help"
	wContents     = "In this report"
	wPrivate      = "Keep this file somewhere private: anyone who can open it can read it."
	wFromAnswers  = "From your answers:"
	wThink        = "To think about"
	wNoChart      = "This question set scores no parts of making amends, so there is no chart."
	wNoComposite  = "There were not enough answers for an overall number, so the parts above are all there is to go on."
	wQuietScores  = "With the verdict you reached, these scores do not change what comes next. They show where the work on yourself stands, for your own sake."
	wComposite    = "This number describes where your side of the repair stands today. It is not a chance of getting back together: nobody can know that from one side, and it is not yours alone to decide."
	wStrengths    = "Your strengths"
	wNoStrengths  = "Nothing stands out as a strength yet. That is common early on, and it is where the next steps begin."
	wWork         = "What needs work"
	wUnscored     = "Not enough answers to say"
	wNoReadiness  = "No readiness questions were answered, so there is nothing to show here."
	wRaisedNote   = "This report leaves out the scores for repairing the relationship. With what your answers raised, they are not what matters now. Safety is."
	wStepsNone    = "None of the next steps in this question set applies to your answers."
	wSafeNone     = "The next step is the help at the start of this report."
	wStepsIntro   = "Most important first."
	wStepsWhy     = "Under a step that answers something you said is what it answers."
	wHelpIntro    = "These come before anything else in this report. You don’t have to work this out alone."
	wAnswersIntro = "You asked for your answers to be included. They are in the order they were asked."
	wNoAnswer     = "(no answer)"
	wKeptNowhere  = "Your answers are kept nowhere: amends saved nothing but this report."
	wWithAnswers  = "This report includes your answers, at the end. Anyone who can open this file can read everything in it, on this device or wherever it is copied, sent or printed."
	wSomeAnswers  = "This report quotes some of your answers where they explain a result, but not the full list. Anyone who can open this file can read it, on this device or wherever it is copied, sent or printed."
	wCompareIntro = "Each part then and now, scored the same way. A number can move for many reasons, and it says nothing about how the other person feels."
	wCompareNone  = "This question set scores no parts, so there is nothing to compare."
	wFont         = "Set in Noto Sans, under the SIL Open Font License."
	wThen         = "Then"
	wNow          = "Now"
	wOverall      = "Overall"
	wPart         = "Part"
)

// kept says where the answers are kept.
func wKept(path string) string {
	return "Your answers are kept in " + path + ". Anyone who can open that file can read them; delete it when you no longer need it."
}

// wMeta is the line under the title on the first page.
func wMeta(date time.Time, answered, asked int) string {
	s := wDate(date)
	if asked > 0 {
		s += fmt.Sprintf(" · you answered %d of the %d questions asked", answered, asked)
	}
	return s
}

func wDate(t time.Time) string { return t.Format("2 January 2006") }

// wScore is the one way a report says a score.
func wScore(n int) string { return fmt.Sprintf("%d out of 100", n) }

// wTogether is the composite, said once.
func wTogether(n int, band string) string {
	return fmt.Sprintf("Taken together: %s (%s).", wScore(n), band)
}

// wScale explains the chart: what a bar is, and where its bands come from.
func wScale(cuts [2]float64, weak, mid, strong string) string {
	return "Each bar is one part of making amends, scored from your answers from 0 to 100; the number at its end is the score. " +
		fmt.Sprintf("The dashed lines mark the bands: %s below %s, %s from %s, %s from %s. ",
			weak, ftoa(cuts[0]), mid, ftoa(cuts[0]), strong, ftoa(cuts[1])) +
		"The author of this question set drew those lines from their own judgement; they are not norms measured from other people’s answers."
}

// wBandLine is a dimension's band and score, under its title.
func wBandLine(band string, score int) string { return band + " · " + wScore(score) }

func wNotAsked(title string) string {
	return title + ": not asked, since your earlier answers made its questions not apply."
}

func wPartAnswered(title string, answered, asked int) string {
	return fmt.Sprintf("%s: you answered %d of its %d questions.", title, answered, asked)
}

// wSeeSteps sends the reader from the first steps on page 1 to all of them.
func wSeeSteps(n int, section string) string {
	if n <= 1 {
		return ""
	}
	return fmt.Sprintf("All %d steps, and what each one answers, are under “%s”.", n, section)
}

// wHelpPointer and wHelpNext point from page 1 to the help.
const (
	wHelpBefore = "The places to get help are under “"
	wHelpAfter  = ". You don’t have to work this out alone."
	wHelpMore   = "More places to get help are under “"
)

func wOnPage(n int) string { return fmt.Sprintf(", on page %d", n) }

func wPage(n, of int) string { return fmt.Sprintf("Page %d of %d", n, of) }

// wMadeBy says where the report comes from, with the set's full hash.
func wMadeBy(title, version, hash string, date time.Time) string {
	src := "Made by amends"
	if title != "" {
		src += " from the question set “" + title + "”"
		if version != "" {
			src += ", version " + version
		}
	}
	if hash != "" {
		src += " (" + hash + ")"
	}
	return src + ", on " + wDate(date) + "."
}

// wFullTitle is the document title asked for with -full-title.
func wFullTitle(set string) string {
	if set == "" {
		return wReport
	}
	return wReport + " — " + set
}

// wBecause joins a step's reasons into one short sentence.
func wBecause(reasons []string) string {
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
	b := "Because: " + strings.Join(rs, "; ")
	if !endsSentence(b) {
		b += "."
	}
	return b
}

// wThenNow is one part then and now, without judgement.
func wThenNow(then, now string) string { return "then " + then + ", now " + now }

// wCompareWhen says when the earlier answers were given, when known.
func wCompareWhen(then time.Time) string {
	if then.IsZero() {
		return "Your earlier answers, and the ones in this report."
	}
	return "Your answers of " + wDate(then) + ", and the ones in this report."
}

// callWords are the words before a short number that make it a phone
// number to link (longer numbers are linked wherever they are).
var callWords = []string{"call", "text", "phone", "dial", "ring"}

// endsSentence says whether s ends with a full stop, a question or an
// exclamation mark, perhaps inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
