// Package questions defines the question-set format of amends: its types, strict
// loading from TOML with errors that name a file and line, validation, the
// conditions written in sets, and the built-in set.
//
// The package knows nothing of terminals or PDFs. A Set is read-only once
// loaded, so one Set may serve many sessions at once.
//
// Imports go one way: questions ← score ← report ← quiz ← main; questions
// imports none of them.
package questions

import (
	"amends/internal/words"
)

// Kind is what sort of answer a question takes.
type Kind string

// The kinds of question a set may ask.
const (
	KindChoice Kind = "choice" // one option out of several
	KindMulti  Kind = "multi"  // any number of options, between Min and Max
	KindScale  Kind = "scale"  // one step of a shared labelled scale, scored 1..n
	KindNumber Kind = "number" // a whole number between Min and Max, a ruler
	KindText   Kind = "text"   // free text, never scored
)

// Set is a whole question set: metadata, its own words, the
// scales, the dimensions scored, the sections asked, and the rules that turn
// answers into flags, a verdict, next steps and resources.
type Set struct {
	ID         string `toml:"id"`
	Title      string `toml:"title"`
	Version    string `toml:"version"`
	Language   string `toml:"language"`
	Intro      string `toml:"intro"`      // shown before the first question: what this is, privacy
	Disclaimer string `toml:"disclaimer"` // one line, printed at the top of every report
	// Font is a TrueType font to set the report in, for a script the
	// report's own font cannot draw: a path relative to the set's file.
	Font string `toml:"font"`

	// Engine holds the set's own words for messages of the engine, by id,
	// in place of the catalogue of its language (see internal/words).
	Engine map[string]words.Msg `toml:"engine"`
	// Words are the set's own placeholders, such as {he} or {friend},
	// the words they are written with and what a person may pick.
	Words []*WordGroup `toml:"words"`
	// Partner is the old form of Words, turned into groups by Load.
	Partner Partner `toml:"partner"`
	// Renames maps the old ids of renamed questions to their new ones,
	// so that answers kept before the rename still count.
	Renames map[string]string `toml:"renamed"`
	// Conditions are named conditions, each defined once and used by
	// its name in any condition (see named.go).
	Conditions map[string]*Cond  `toml:"conditions"`
	Scales     map[string]*Scale `toml:"scale"`
	Scoring    Scoring           `toml:"scoring"`
	Readiness  Readiness         `toml:"readiness"`
	Honest     []Paragraph       `toml:"honest"`

	Dimensions []*Dimension `toml:"dimension"`
	Flags      []*Flag      `toml:"flag"`
	Sections   []*Section   `toml:"section"`
	Verdicts   []*Verdict   `toml:"verdict"`
	Phases     []*Phase     `toml:"phase"`
	Steps      []*Step      `toml:"step"`
	Resources  []*Resource  `toml:"resource"`

	// Filled by Load.
	Hash  string `toml:"-"` // "sha256:" and the hex digest of the source bytes
	Name  string `toml:"-"` // the file name used in messages
	index *index `toml:"-"` // ids to items, built once
	order []*Question
	zero  map[string]any // every question's unanswered value, for Env
	usedCache
}

// Scale is a shared answer scale. The first label scores 1, the last len(Labels).
type Scale struct {
	Labels []string `toml:"labels"`
}

// Scoring holds the set's thresholds.
type Scoring struct {
	// MinAnswered is the share of a dimension's questions, among those
	// asked, that must be answered for it to be scored (default 0.5).
	MinAnswered float64 `toml:"min_answered"`
	// MinDimensions is how many dimensions must be scored for a composite
	// (default: all of them).
	MinDimensions int `toml:"min_dimensions"`
	// Bands are the two cut points on 0..100 between "needs work",
	// "developing" and "strong" (default [40, 70]).
	Bands []float64 `toml:"bands"`
}

// Readiness names the questions that measure readiness to change, for the
// report's readiness section, and the reflection it closes with.
type Readiness struct {
	Stage      string `toml:"stage"`
	Importance string `toml:"importance"`
	Confidence string `toml:"confidence"`
	Reflection string `toml:"reflection"`
}

// Paragraph is a titled piece of text the report always prints, unless its
// condition says otherwise.
type Paragraph struct {
	Title string `toml:"title"`
	Text  string `toml:"text"`
	When  *Cond  `toml:"when"`
}

// Dimension is one criterion answers are scored on, 0..100.
type Dimension struct {
	ID     string  `toml:"id"`
	Title  string  `toml:"title"`
	About  string  `toml:"about"`  // one sentence: what this dimension means
	Weight float64 `toml:"weight"` // relative weight in the composite
	Strong string  `toml:"strong"` // what the report says when it is a strength
	Weak   string  `toml:"weak"`   // what it says when it needs work, and the first thing to do
}

// Flag is a signal that overrides scores, such as a safety concern. It is
// raised by options that name it, or by its own condition.
type Flag struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Text  string `toml:"text"` // what the report says when it is raised
	When  *Cond  `toml:"when"`
	// Urgent marks a flag about safety or a crisis: when it is raised the
	// report leads with help and shows no scores, and the places to get
	// help are on the screen with the verdict, before anything is offered.
	Urgent bool `toml:"urgent"`
	// Resources are the ids of the places to get help that go with this
	// flag, the first to turn to first. They are shown whenever it is
	// raised: on the screen at the verdict, and first in the report.
	Resources []string `toml:"resources"`
	// AtOnce shows Say and the flag's resources on the screen right after
	// the answer that raised it, and the quiz goes on.
	AtOnce bool `toml:"at_once"`
	// Say is what is said on the screen when the flag is raised at once;
	// without it, Text is said.
	Say string `toml:"say"`
	// Ends is said right after the answer that raised this flag, when
	// that answer leaves out questions that were to come: why, and what
	// the report will be about.
	Ends string `toml:"ends"`
}

// Section is a group of questions asked together under a title.
type Section struct {
	ID        string      `toml:"id"`
	Title     string      `toml:"title"`
	Intro     string      `toml:"intro"`
	When      *Cond       `toml:"when"`
	Questions []*Question `toml:"question"`
}

// Question is one thing the quiz asks.
type Question struct {
	ID      string    `toml:"id"`
	Kind    Kind      `toml:"kind"`
	Text    string    `toml:"text"`
	Help    string    `toml:"help"`
	When    *Cond     `toml:"when"`
	Options []*Option `toml:"options"`

	Scale     string  `toml:"scale"`     // the shared scale of a scale question
	Dimension string  `toml:"dimension"` // the dimension a scale or number question feeds
	Reverse   bool    `toml:"reverse"`   // a higher answer is worse
	Weight    float64 `toml:"weight"`    // relative weight within its dimensions (default 1)

	Min      *int   `toml:"min"` // number: lowest value; multi: fewest options
	Max      *int   `toml:"max"` // number: highest value; multi: most options
	MinLabel string `toml:"min_label"`
	MaxLabel string `toml:"max_label"`

	Section *Section `toml:"-"`
	Pos     int      `toml:"-"` // position in asking order, from 0
}

// Option is one answer to a choice or multi question.
type Option struct {
	Value  string             `toml:"value"`
	Label  string             `toml:"label"`
	Help   string             `toml:"help"`
	Flag   string             `toml:"flag"`   // raised when this option is chosen
	Points map[string]float64 `toml:"points"` // dimension id to points (choice only)
}

// Verdict is one rule of the ordered verdict list: the first whose
// condition holds decides.
type Verdict struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Summary string `toml:"summary"` // one line, for the screen
	Text    string `toml:"text"`
	When    *Cond  `toml:"when"`
	// Because is the reason given for the verdict, in the set's words. It
	// takes the place of the reasons read from When, for a condition whose
	// parts would not make a sentence a person can use (or no condition).
	Because string `toml:"because"`
	// Urgent marks a verdict about safety or a crisis rather than repair:
	// the report leads with help and shows no scores.
	Urgent bool `toml:"urgent"`
	// QuietScores marks a verdict that scores must not seem to argue
	// with: the report puts the next steps first, names what needs work
	// before any strength, and gives no overall number as a headline.
	QuietScores bool `toml:"quiet_scores"`
}

// Phase is a group of next steps, such as "now" or "in the coming weeks".
type Phase struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
}

// Step is one next step; every step whose condition holds is shown.
type Step struct {
	ID       string `toml:"id"`
	Phase    string `toml:"phase"`
	Priority int    `toml:"priority"` // higher comes first within its phase
	Text     string `toml:"text"`
	When     *Cond  `toml:"when"`
	// Because is the reason given for the step, in the set's words, in
	// place of the reasons read from When.
	Because string `toml:"because"`
}

// Resource is a place to get help. One that flags name is shown when one
// of them is raised or its own condition holds; one that no flag names is
// shown when its condition holds, or always when it has none.
type Resource struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Text  string `toml:"text"`  // what it is for; may be left out when Phone or Site says it all
	Phone string `toml:"phone"` // how to call or text it, as a person would dial it
	Site  string `toml:"site"`  // its web address
	Hours string `toml:"hours"` // when it answers, and what it costs
	When  *Cond  `toml:"when"`
}

// Questions returns every question in the order they are asked.
func (s *Set) Questions() []*Question { return s.order }

// Question returns the question with the given id, or nil.
func (s *Set) Question(id string) *Question { return s.index.questions[id] }

// Dimension returns the dimension with the given id, or nil.
func (s *Set) Dimension(id string) *Dimension { return s.index.dimensions[id] }

// Flag returns the flag with the given id, or nil.
func (s *Set) Flag(id string) *Flag { return s.index.flags[id] }

// Phase returns the phase with the given id, or nil.
func (s *Set) Phase(id string) *Phase { return s.index.phases[id] }

// Verdict returns the verdict with the given id, or nil.
func (s *Set) Verdict(id string) *Verdict { return s.index.verdicts[id] }

// Resource returns the resource with the given id, or nil.
func (s *Set) Resource(id string) *Resource { return s.index.resources[id] }

// Named reports whether any flag names the resource with the given id.
func (s *Set) Named(id string) bool { return s.index.named[id] }

// Option returns the option of q with the given value, or nil.
func (q *Question) Option(value string) *Option {
	for _, o := range q.Options {
		if o.Value == value {
			return o
		}
	}
	return nil
}

// Labels returns the labels a user picks from: the options' labels for
// choice and multi, the scale's labels for scale, nil otherwise.
func (s *Set) Labels(q *Question) []string {
	switch q.Kind {
	case KindChoice, KindMulti:
		l := make([]string, len(q.Options))
		for i, o := range q.Options {
			l[i] = o.Label
		}
		return l
	case KindScale:
		if sc := s.Scales[q.Scale]; sc != nil {
			return sc.Labels
		}
	}
	return nil
}

// Range returns the lowest and highest answer of a number or scale question.
func (s *Set) Range(q *Question) (lo, hi int) {
	switch q.Kind {
	case KindScale:
		if sc := s.Scales[q.Scale]; sc != nil {
			return 1, len(sc.Labels)
		}
	case KindNumber, KindMulti:
		if q.Min != nil {
			lo = *q.Min
		}
		if q.Max != nil {
			hi = *q.Max
		} else if q.Kind == KindMulti {
			hi = len(q.Options)
		}
	}
	return lo, hi
}
