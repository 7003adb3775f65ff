package report

import "amends/internal/words"

// A report is first built as blocks: what it says and how the pieces hang
// together, before any page. The PDF lays the blocks out on pages; the HTML
// and the text forms print the same blocks, so all three say the same words.

// tone is how a run of text reads: its size, weight and colour in the PDF,
// its element in the HTML.
type tone int

const (
	body tone = iota
	lead
	small
	strong
	label
	kicker
	title
	verdictTone
)

// tint is a box's colour.
type tint int

const (
	calm tint = iota // the verdict of a repair report
	soft             // a reflection
	warm             // safety
	note             // a pointer, a flag that is not about safety
)

type block interface{ isBlock() }

// para is text in one tone. Blank lines divide paragraphs; lines starting
// "- " or "1. " are list items.
type para struct {
	tone tone
	text string
}

// heading titles what follows it, and is kept on a page with it.
// Level 2 is a part of a section, level 3 an item's title.
type heading struct {
	level int
	text  string
	id    string // a section's, for links
}

// bullets is a list.
type bullets struct {
	tone  tone
	items []string
}

// box is a tinted panel, kept whole on a page.
type box struct {
	tint tint
	kids []block
}

// group is a run of blocks kept together on a page.
type group struct{ kids []block }

// gap is vertical space in the PDF, in millimetres; the other forms leave
// it to their own spacing.
type gap float64

// chart is the dimensions as bars.
type chart struct {
	rows     []chartRow
	cuts     [2]float64
	bands    [3]string // the bands' names, weakest first
	unscored string    // what an unscored bar says
}

type chartRow struct {
	title    string
	scored   bool
	score    int
	band     string // score.BandWeak and so on, for the colour
	bandName string // the band in the set's language
	line     string // band and score in words
}

// dimension is one scored part: its title, band and score, what it means,
// the set's words for it and the answers that moved it most.
type dimension struct {
	title, about string
	band         string
	score        int
	scored       bool
	text         string
	items        []string
	bandLine     string // band and score in words
	fromLabel    string // what goes before the answers
}

// ruler is a 0..10 answer.
type ruler struct {
	question   string
	value      int
	answer     string
	numeric    bool
	answerLine string // the value in words, "7 out of 10"
}

// step is one numbered next step and what in the answers it answers.
type step struct {
	n             int
	text, because string
}

// qa is a question and its answer, in the appendix.
type qa struct {
	n      int
	q, a   string
	answer bool // whether there was an answer
}

// contents lists the report's sections.
type contents struct {
	label   string
	entries []entry
}

type entry struct{ id, title string }

// pointer sends the reader to a section: before, the section's title,
// mid, in the PDF its page, after.
type pointer struct {
	before, section, mid, after string
	id                          string
}

// compare is each part then and now.
type compare struct {
	part, then, now string // the columns' headings
	rows            []compareRow
}

type compareRow struct {
	title     string
	then, now string
	line      string // then and now in a sentence
}

// contact is how to reach a place to get help, on a line: its phone, site
// and hours. The numbers of its phone are phone numbers, however short.
type contact struct {
	text   string
	phones []string
}

func (contact) isBlock()   {}
func (para) isBlock()      {}
func (heading) isBlock()   {}
func (bullets) isBlock()   {}
func (box) isBlock()       {}
func (group) isBlock()     {}
func (gap) isBlock()       {}
func (chart) isBlock()     {}
func (dimension) isBlock() {}
func (ruler) isBlock()     {}
func (step) isBlock()      {}
func (qa) isBlock()        {}
func (contents) isBlock()  {}
func (pointer) isBlock()   {}
func (compare) isBlock()   {}

// section is a titled part of the report after the first page.
type section struct {
	id, title string
	blocks    []block
}

// doc is a whole report as blocks: the first page and the sections.
type doc struct {
	lang     string
	title    string // the document's title
	cover    []block
	later    []block // what opens the second page, in the PDF only
	sections []section
	footer   string // beside the page number; "" for none
	mark     string // the outline's entry for the first page
	w        *words.Book
}
