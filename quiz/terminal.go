package quiz

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"amends/internal/text"
	"amends/internal/words"
)

// Terminal asks with survey prompts: a list to move through for choices
// and scales, boxes to tick for multi, a ruler for numbers, a line for
// text. Use it only when both In and Out are terminals: survey panics or
// hangs otherwise. Every text it shows is wrapped at spaces to the screen
// as it is drawn (screen.go); once a prompt is answered, the question and
// its answer stay on screen and the rest goes. Shift+Tab or Escape goes
// back, in every prompt.
type Terminal struct {
	In  *Keys               // every key comes through it (see Keys)
	Out terminal.FileWriter // through In.Output, for the same reason
	Err io.Writer
	w   *words.Book // nil: English

	notice string // said in the next prompt, until it is answered
	erased bool   // the last prompt was erased, leaving a blank line
}

// SetWords gives the asker the set's words for its hints. Survey's own
// English hints are not shown: our templates replace them (screen.go).
func (t *Terminal) SetWords(w *words.Book) { t.w = w }

// The keys that go back: Shift+Tab, and Escape on its own.
const (
	keyShiftTab = "\x1b[Z"
	keyEscape   = "\x1b"
)

// NewTerminal returns a Terminal asker on the given terminal streams.
func NewTerminal(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer) *Terminal {
	keys := NewKeys(in)
	keys.Bind(keyShiftTab, Back)
	keys.Bind(keyEscape, Back)
	watchResize(keys)
	return &Terminal{In: keys, Out: &steady{out: keys.Output(out)}, Err: errOut}
}

// steady is the terminal's output without survey's saving and restoring
// of the cursor, and without the moves up to the highlighted option that
// come between (for screen magnifiers, which the plain mode serves
// better). A terminal that reflows its lines when resized keeps a saved
// position that no longer points where the prompt ends, and survey then
// erases the lines above it; with the cursor always at the prompt's end,
// the erasing is right at any width.
type steady struct {
	out        terminal.FileWriter
	offsetting bool // after a save: the moves up to the highlight
}

func (s *steady) Write(p []byte) (int, error) {
	switch string(p) {
	case "\x1b7":
		s.offsetting = true
		return len(p), nil
	case "\x1b8":
		s.offsetting = false
		return len(p), nil
	case "\x1b[1A", "\x1b[0G":
		if s.offsetting {
			return len(p), nil
		}
	default:
		s.offsetting = false
	}
	return s.out.Write(p)
}

func (s *steady) Fd() uintptr { return s.out.Fd() }

// stopped turns the Ctrl-C that ended a prompt into what its key stood for.
func (t *Terminal) stopped() error {
	switch t.In.Event() {
	case EndOfInput:
		return ErrEndKey
	case Back:
		return ErrBack
	}
	return ErrInterrupted
}

// ask runs one survey prompt. A prompt struct is never reused (survey
// then erases what was printed in between), a panic inside survey
// becomes an error, and Ctrl-C, Ctrl-D, the back key or the end of input
// erase the prompt and become ErrInterrupted, ErrEndKey, ErrBack or
// ErrEndOfInput. What comes next takes the prompt's first line, below
// the blank line before it.
func (t *Terminal) ask(p survey.Prompt, resp any, page int, extra ...survey.AskOpt) (err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(t.Out)
			err = fmt.Errorf("the terminal prompt failed (%v); your answers so far are kept, and \"amends take -resume -plain\" carries on without it", r)
		}
	}()
	opts := append([]survey.AskOpt{survey.WithStdio(t.In, t.Out, t.Err), survey.WithPageSize(page),
		survey.WithRemoveSelectAll(), survey.WithRemoveSelectNone()}, extra...)
	err = survey.AskOne(p, resp, opts...)
	erase := func() {
		if r, ok := p.(interface{ Render(string, any) error }); ok {
			r.Render("", nil)
			t.erased = true
		} else {
			fmt.Fprintln(t.Out)
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr):
		erase()
		return t.stopped()
	case errors.Is(err, io.EOF):
		erase()
		return ErrEndOfInput
	}
	return err
}

// width is the width to wrap text at: one less than the terminal's, so
// that no line ends in its last column (some terminals then stand ready
// to wrap), and at most 80, which reads best.
func (t *Terminal) width() int {
	w, _, err := term.GetSize(int(t.Out.Fd()))
	if err != nil || w <= 0 {
		return 80
	}
	return max(min(w-1, 80), 10)
}

// rows is the height of the terminal.
func (t *Terminal) rows() int {
	_, h, err := term.GetSize(int(t.Out.Fd()))
	if err != nil || h <= 0 {
		return 24
	}
	return h
}

// Say prints text wrapped to the terminal, after a blank line. A line
// that starts with "- " is a list item, whose wrapped lines hang under
// its text.
func (t *Terminal) Say(msg string) {
	t.gap()
	fmt.Fprintf(t.Out, "%s\n", t.fold(msg))
}

// fold wraps msg to the screen, list items hanging.
func (t *Terminal) fold(msg string) string {
	lines := strings.Split(text.Clean(strings.TrimSpace(msg)), "\n")
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			lines[i] = text.Wrap(rest, "- ", t.width())
		} else {
			lines[i] = text.Wrap(l, "", t.width())
		}
	}
	return strings.Join(lines, "\n")
}

// gap leaves a blank line before a prompt, unless the one erased before
// it left one.
func (t *Terminal) gap() {
	if !t.erased {
		fmt.Fprintln(t.Out)
	}
	t.erased = false
}

// Fit wraps msg to the screen, for what is said from outside a prompt,
// such as the message after Ctrl-C.
func (t *Terminal) Fit(msg string) string { return t.fold(msg) }

// Notice keeps msg for the next prompt, which shows it where a problem
// with a reply goes; it goes once that prompt is answered.
func (t *Terminal) Notice(msg string) { t.notice = text.Clean(text.OneLine(msg)) }

// takeNotice returns the notice kept for this prompt, once.
func (t *Terminal) takeNotice() string {
	n := t.notice
	t.notice = ""
	return n
}

// Verdict shows the result between two rules, its title in bold, so that
// it stands out with colour or without.
func (t *Terminal) Verdict(title, more string) {
	w := t.width()
	rule := strings.Repeat("━", w)
	head := text.Wrap(text.Clean(text.OneLine(title)), "", w)
	t.gap()
	fmt.Fprintf(t.Out, "%s\n%s\n%s\n", rule, style("result", head), rule)
	if s := strings.TrimSpace(more); s != "" {
		fmt.Fprintf(t.Out, "%s\n", t.fold(s))
	}
}

// Ask asks p with the prompt that suits its kind.
func (t *Terminal) Ask(p *Prompt) (Reply, error) {
	l := &list{t: t, progress: text.Clean(p.Progress), question: text.Clean(text.OneLine(p.Text)),
		help: text.Clean(strings.TrimSpace(p.Help)), problem: t.takeNotice(), indent: 2}
	for _, o := range p.Options {
		label := text.Clean(text.OneLine(o.Label))
		l.short = append(l.short, label)
		if h := text.Clean(text.OneLine(o.Help)); h != "" {
			label += " — " + h
		}
		l.labels = append(l.labels, label)
	}
	t.gap()
	switch p.Kind {
	case "choice", "scale":
		l.keys = t.listKeys()
		def := 0
		if p.HasDefault {
			def = p.Default.Index
		}
		i, err := t.pick(l, def)
		return Reply{Index: i}, err
	case "multi":
		l.indent = 6
		l.keys = []string{text.Capital(multiCount(t.w, p.Min, p.Max, len(p.Options))),
			t.w.T("term_move"), t.w.T("term_tick"), t.w.T("term_done"), t.w.T("term_back")}
		picked := []int{}
		if p.HasDefault {
			picked = append(picked, p.Default.Indices...)
		}
		m := newMulti(l, picked)
		picked = []int{}
		err := t.ask(m, &picked, t.page(l), survey.WithValidator(func(ans any) error {
			if list, ok := ans.([]core.OptionAnswer); ok && (len(list) < p.Min || len(list) > p.Max) {
				return errors.New(t.multiProblem(len(list), p.Min, p.Max, len(p.Options)))
			}
			return nil
		}))
		return Reply{Indices: picked}, err
	case "number":
		if p.Max-p.Min <= 20 {
			// A ruler: every whole number, the ends labelled.
			l.labels, l.short = nil, nil
			for n := p.Min; n <= p.Max; n++ {
				s := strconv.Itoa(n)
				if n == p.Min && p.MinLabel != "" {
					s += " — " + text.Clean(p.MinLabel)
				} else if n == p.Max && p.MaxLabel != "" {
					s += " — " + text.Clean(p.MaxLabel)
				}
				l.labels = append(l.labels, s)
			}
			l.keys = t.listKeys()
			def := 0
			if p.HasDefault && p.Default.Number >= p.Min && p.Default.Number <= p.Max {
				def = p.Default.Number - p.Min
			}
			i, err := t.pick(l, def)
			return Reply{Number: p.Min + i}, err
		}
		in := t.line(l, t.w.T("term_number_hint", "min", numberLabel(t.w, p.Min, p.MinLabel), "max", numberLabel(t.w, p.Max, p.MaxLabel)))
		if p.HasDefault {
			in.buf = []rune(strconv.Itoa(p.Default.Number))
		}
		in.check = func(s string) string {
			n, err := strconv.Atoi(s)
			if err != nil || n < p.Min || n > p.Max {
				return t.w.T("term_whole_number", "min", p.Min, "max", p.Max)
			}
			return ""
		}
		s, err := in.read()
		n, _ := strconv.Atoi(s)
		return Reply{Number: n}, err
	}
	in := t.line(l, t.w.T("term_text_hint"))
	if p.HasDefault && p.Default.Text != "" {
		in.hint = t.w.T("term_text_keep")
		in.buf = []rune(text.Clean(text.OneLine(p.Default.Text)))
	}
	s, err := in.read()
	return Reply{Text: s}, err
}

// listKeys are the keys a list's hint names.
func (t *Terminal) listKeys() []string {
	return []string{t.w.T("term_move"), t.w.T("term_pick"), t.w.T("term_back")}
}

// multiProblem says what to do when the number ticked does not fit.
func (t *Terminal) multiProblem(n, min, max, total int) string {
	how := text.Capital(multiCount(t.w, min, max, total))
	switch {
	case n == 0:
		return t.w.T("term_nothing_ticked", "how", how)
	case n < min:
		return t.w.T("term_too_few", "how", how)
	}
	return t.w.T("term_too_many", "how", how)
}

// page is how many options of l to show at once; when that is not all,
// the hint says so.
func (t *Terminal) page(l *list) int {
	n := l.pageSize()
	if n < len(l.labels) {
		l.paged = len(l.labels)
		n = l.pageSize()
	}
	return n
}

// pick asks for one option of a list, def highlighted first.
func (t *Terminal) pick(l *list, def int) (int, error) {
	if def < 0 || def >= len(l.labels) {
		def = 0
	}
	s := newSelect(l, def)
	var i int
	err := t.ask(s, &i, t.page(l))
	return i, err
}

// line makes a line prompt with the head of l.
func (t *Terminal) line(l *list, hint string) *line {
	return &line{t: t, progress: l.progress, question: l.question, help: l.help, hint: hint, problem: l.problem}
}

// Choose asks for one of options with a list; def is highlighted first.
// The lines of an option after its first are shown under it (a review's
// answers).
func (t *Terminal) Choose(msg string, options []string, def int) (int, error) {
	l := &list{t: t, question: text.Clean(text.OneLine(msg)), problem: t.takeNotice(), indent: 2, keys: t.listKeys()}
	for _, o := range options {
		label, detail, _ := strings.Cut(text.Clean(o), "\n")
		l.labels = append(l.labels, text.OneLine(label))
		l.details = append(l.details, text.OneLine(detail))
	}
	t.gap()
	return t.pick(l, def)
}

// Confirm asks a yes or no question, with a list of the two.
func (t *Terminal) Confirm(msg string, def bool) (bool, error) {
	l := &list{t: t, question: text.Clean(text.OneLine(msg)), problem: t.takeNotice(), indent: 2,
		labels: []string{t.w.T("term_yes"), t.w.T("term_no")}, keys: t.listKeys()}
	d := 1
	if def {
		d = 0
	}
	t.gap()
	i, err := t.pick(l, d)
	return i == 0, err
}

// Input asks for a line of text, def already typed.
func (t *Terminal) Input(msg, def string) (string, error) {
	l := &list{t: t, question: text.Clean(text.OneLine(msg)), problem: t.takeNotice()}
	hint := t.w.T("term_text_hint")
	if def != "" {
		hint = t.w.T("term_name_hint")
	}
	in := t.line(l, hint)
	in.buf = []rune(text.Clean(text.OneLine(def)))
	t.gap()
	return in.read()
}
