package score

import (
	"strings"

	"amends/internal/text"
	"amends/internal/words"
)

// Result is what a set's rules make of one person's answers: the scores,
// the flags, the verdict and the next steps, each with the answers behind
// it. Score builds it; the screen, `amends score -json` and the PDF all
// read the same Result. Every text in it has the partner's words filled in.
type Result struct {
	Set      SetInfo `json:"set"`
	Asked    int     `json:"asked"`    // questions whose conditions held
	Answered int     `json:"answered"` // of those, how many were answered

	Dimensions []DimensionScore `json:"dimensions"` // in the set's order
	// Composite is the weighted mean of the scored dimensions, rounded to
	// a whole number; meaningful only when HasComposite.
	Composite    int  `json:"composite"`
	HasComposite bool `json:"has_composite"`

	Readiness Readiness    `json:"readiness"`
	Flags     []RaisedFlag `json:"flags"`
	Verdict   Verdict      `json:"verdict"`
	Phases    []Phase      `json:"phases"`    // next steps by phase, in the set's phase order; empty phases left out
	Resources []Resource   `json:"resources"` // in the set's order
	// Help are the places to get help that the raised flags name, those
	// of urgent flags first, each once: what the screen shows at the
	// verdict and the first page of the report puts first. When an
	// urgent flag names none, it is every resource shown.
	Help   []Resource  `json:"help"`
	Honest []Paragraph `json:"honest"` // the honest look, in the set's order

	// Answers are every answer given to a question that was asked, in
	// asking order, for the report's optional appendix.
	Answers []Answer `json:"answers"`

	// Words are the engine's words in the set's language, with the
	// set's own messages and placeholders: what a report says besides
	// the set's texts. Nil speaks English.
	Words *words.Book `json:"-"`
}

// SetInfo names the set a Result comes from.
type SetInfo struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Version    string `json:"version"`
	Hash       string `json:"hash"`
	Disclaimer string `json:"disclaimer"`
	// Bands are the set's two cut points between "needs work",
	// "developing" and "strong", for drawing them.
	Bands []float64 `json:"bands"`
	// HasReadiness says the set asks about readiness to change, so that
	// a report has a place for it even when nothing there was answered.
	HasReadiness bool `json:"has_readiness,omitempty"`
	// Font is the TrueType font the set names for its report, as a path.
	Font string `json:"font,omitempty"`
	// Language is the set's language, a BCP 47 tag such as "es".
	Language string `json:"language,omitempty"`
}

// Band names for a dimension's score.
const (
	BandWeak       = "needs work"
	BandDeveloping = "developing"
	BandStrong     = "strong"
	BandUnscored   = "not enough answers"
)

// DimensionScore is one dimension's score and the answers behind it.
type DimensionScore struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	About  string  `json:"about,omitempty"`
	Weight float64 `json:"weight"`
	Scored bool    `json:"scored"`
	Score  int     `json:"score"` // 0..100, rounded; 0 when not scored
	Band   string  `json:"band"`
	// Text is the set's words for this dimension: its "strong" text when
	// the band is strong, its "weak" text otherwise.
	Text     string `json:"text"`
	Asked    int    `json:"asked"`    // its questions that were asked
	Answered int    `json:"answered"` // of those, answered
	// Items are the answers that fed it, the ones that moved it most
	// first: for a strong dimension the highest, otherwise the lowest.
	Items []Item `json:"items"`
}

// Item is one answer's part in a score.
type Item struct {
	Question string `json:"question"` // id
	Text     string `json:"text"`     // the question as asked
	Answer   string `json:"answer"`   // the answer in words
	Points   int    `json:"points"`   // what it scored, 0..100, after reverse scoring
}

// Readiness is the readiness-to-change block: the stage and the two
// rulers, with the set's reflection.
type Readiness struct {
	Stage      *Answer `json:"stage,omitempty"`
	Importance *Answer `json:"importance,omitempty"`
	Confidence *Answer `json:"confidence,omitempty"`
	Reflection string  `json:"reflection,omitempty"`
}

// Answer is one question and its answer, in words and as given.
type Answer struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	Answer   string `json:"answer"`
	Value    any    `json:"value"`
}

// RaisedFlag is a flag that holds, and the answers that raised it.
type RaisedFlag struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Text  string   `json:"text"`
	By    []Answer `json:"by"`
	// Urgent is set for a flag about safety or a crisis.
	Urgent bool `json:"urgent"`
}

// Verdict is the first verdict rule that held, and why.
type Verdict struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Text    string `json:"text"`
	// Urgent is set for a verdict about safety or a crisis rather than
	// repair: a report leads with help and shows no scores.
	Urgent bool `json:"urgent"`
	// QuietScores is set for a verdict that scores must not seem to argue
	// with: next steps first, what needs work before strengths, and no
	// overall number as a headline.
	QuietScores bool `json:"quiet_scores"`
	// Why says in plain words which answers, flags and numbers made the
	// rule hold, one reason a line.
	Why []string `json:"why"`
	// Passed are the rules above it that did not hold, in order.
	Passed []Rule `json:"passed"`
}

// Rule names a verdict rule.
type Rule struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Phase is a group of next steps.
type Phase struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Steps []Step `json:"steps"`
}

// Step is one next step that applies, most important first within its phase.
type Step struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Because says which answers or scores it answers, one a line.
	Because []string `json:"because"`
}

// Resource is a place to get help.
type Resource struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Phone string `json:"phone,omitempty"`
	Site  string `json:"site,omitempty"`
	Hours string `json:"hours,omitempty"`
}

// Contact is how to reach a resource on one line: its phone, site and
// hours, those it has, joined by " · ".
func (r Resource) Contact() string {
	var parts []string
	for _, p := range []string{r.Phone, r.Site, r.Hours} {
		if p = text.OneLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// Urgent reports whether a result is about safety rather than repair: its
// verdict, or a raised flag, is marked urgent.
func (r *Result) Urgent() bool {
	for _, f := range r.Flags {
		if f.Urgent {
			return true
		}
	}
	return r.Verdict.Urgent
}

// Paragraph is a titled text of the honest look.
type Paragraph struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}
