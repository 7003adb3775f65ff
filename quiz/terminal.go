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
// hangs otherwise. Survey cannot go back, so the session offers a review
// at the end of each section instead.
type Terminal struct {
	In  *Keys               // every key comes through it (see Keys)
	Out terminal.FileWriter // through In.Output, for the same reason
	Err io.Writer
	w   *words.Book // nil: English
}

// SetWords gives the asker the set's words for its hints, and survey's.
func (t *Terminal) SetWords(w *words.Book) {
	t.w = w
	surveyWords(w)
}

// NewTerminal returns a Terminal asker on the given terminal streams.
func NewTerminal(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer) *Terminal {
	keys := NewKeys(in)
	return &Terminal{In: keys, Out: keys.Output(out), Err: errOut}
}

// errBack is returned by ask when a key bound to Back ended the prompt.
var errBack = errors.New("back")

// stopped turns the Ctrl-C that ended a prompt into what its key stood for.
func (t *Terminal) stopped() error {
	switch t.In.Event() {
	case EndOfInput:
		return ErrEndKey
	case Back:
		return errBack
	}
	return ErrInterrupted
}

func (t *Terminal) opts(n int) []survey.AskOpt {
	page := 12
	if _, h, err := term.GetSize(int(t.Out.Fd())); err == nil && h > 8 {
		page = min(page, h-6)
	}
	if n > 0 && n < page {
		page = n
	}
	return []survey.AskOpt{survey.WithStdio(t.In, t.Out, t.Err), survey.WithPageSize(max(page, 3))}
}

// ask runs one survey prompt. A prompt struct is never reused (survey
// then erases what was printed in between), a panic inside survey
// becomes an error, and Ctrl-C, Ctrl-D or the end of input become
// ErrInterrupted, ErrEndKey or ErrEndOfInput after a newline, so that
// what comes next does not land on the prompt's last line.
func (t *Terminal) ask(p survey.Prompt, resp any, n int, extra ...survey.AskOpt) (err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(t.Out)
			err = fmt.Errorf("the terminal prompt failed (%v); your answers so far are kept, and \"amends take -resume -plain\" carries on without it", r)
		}
	}()
	err = survey.AskOne(p, resp, append(t.opts(n), extra...)...)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr):
		// Survey leaves the prompt and its options on screen after
		// Ctrl-C; rendering nothing over them erases them.
		if r, ok := p.(interface{ Render(string, any) error }); ok {
			r.Render("", nil)
		}
		fmt.Fprintln(t.Out)
		return t.stopped()
	case errors.Is(err, io.EOF):
		fmt.Fprintln(t.Out)
		return ErrEndOfInput
	}
	return err
}

// width is the width to wrap text at: the terminal's, at most 80.
func (t *Terminal) width() int {
	w, _, err := term.GetSize(int(t.Out.Fd()))
	if err != nil || w <= 0 {
		return 80
	}
	return min(w-1, 80)
}

// Say prints text wrapped to the terminal, after a blank line. A line
// that starts with "- " is a list item, whose wrapped lines hang under
// its text.
func (t *Terminal) Say(msg string) {
	lines := strings.Split(text.Clean(strings.TrimSpace(msg)), "\n")
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			// A list item hangs: its wrapped lines stand in under its text.
			lines[i] = text.Wrap(rest, "- ", t.width())
		} else {
			lines[i] = text.Wrap(l, "", t.width())
		}
	}
	fmt.Fprintf(t.Out, "\n%s\n", strings.Join(lines, "\n"))
}

// Ask asks p with the survey prompt that suits its kind.
func (t *Terminal) Ask(p *Prompt) (r Reply, err error) {
	defer func() {
		if errors.Is(err, errBack) {
			r, err = Reply{Back: true}, nil
		}
	}()
	fmt.Fprintf(t.Out, "\n%s\n", text.Clean(p.Progress))
	// Survey breaks long lines at the edge of the screen, mid-word; break
	// the question at spaces instead ("? " comes before it).
	msg, help := text.Wrap(text.Clean(text.OneLine(p.Text)), "", t.width()-2), text.Clean(p.Help)
	if t.overflows(p, msg) {
		// The key hints and then the answer go on a line of their own
		// rather than break mid-word at the edge of the screen.
		msg += "\n"
	}
	if help != "" {
		help = text.Wrap(help, "", t.width()-2)
	}
	labels := make([]string, len(p.Options))
	for i, o := range p.Options {
		labels[i] = text.Clean(o.Label)
	}
	describe := func(_ string, i int) string {
		if i >= 0 && i < len(p.Options) {
			return text.Clean(p.Options[i].Help)
		}
		return ""
	}
	switch p.Kind {
	case "choice", "scale":
		sel := &survey.Select{Message: msg, Options: labels, Help: help, Filter: neverEmpty(labels)}
		if p.Kind == "choice" {
			sel.Description = describe
		}
		if p.HasDefault {
			sel.Default = p.Default.Index
		}
		var i int
		err := t.ask(sel, &i, len(labels))
		return Reply{Index: i}, err
	case "multi":
		ms := &survey.MultiSelect{Message: msg, Options: labels, Help: help, Description: describe, Filter: neverEmpty(labels)}
		if p.HasDefault {
			ms.Default = append([]int{}, p.Default.Indices...)
		}
		picked := []int{}
		err := t.ask(ms, &picked, len(labels), survey.WithRemoveSelectAll(), survey.WithRemoveSelectNone(), survey.WithValidator(func(ans any) error {
			if list, ok := ans.([]core.OptionAnswer); ok && (len(list) < p.Min || len(list) > p.Max) {
				return errors.New(t.w.T("term_please", "how", multiCount(t.w, p.Min, p.Max, len(p.Options))))
			}
			return nil
		}))
		return Reply{Indices: picked}, err
	case "number":
		if p.Max-p.Min <= 20 {
			// A ruler: every whole number, the ends labelled.
			nums := make([]string, 0, p.Max-p.Min+1)
			for n := p.Min; n <= p.Max; n++ {
				s := strconv.Itoa(n)
				if n == p.Min && p.MinLabel != "" {
					s += " — " + text.Clean(p.MinLabel)
				} else if n == p.Max && p.MaxLabel != "" {
					s += " — " + text.Clean(p.MaxLabel)
				}
				nums = append(nums, s)
			}
			sel := &survey.Select{Message: msg, Options: nums, Help: help, Filter: neverEmpty(nums)}
			if p.HasDefault && p.Default.Number >= p.Min && p.Default.Number <= p.Max {
				sel.Default = p.Default.Number - p.Min
			}
			var i int
			err := t.ask(sel, &i, len(nums))
			return Reply{Number: p.Min + i}, err
		}
		in := &survey.Input{Message: fmt.Sprintf("%s (%s)", msg, t.w.T("term_range", "min", numberLabel(t.w, p.Min, p.MinLabel), "max", numberLabel(t.w, p.Max, p.MaxLabel))), Help: help}
		if p.HasDefault {
			in.Default = strconv.Itoa(p.Default.Number)
		}
		var s string
		err := t.ask(in, &s, 0, survey.WithValidator(func(ans any) error {
			str, _ := ans.(string)
			n, err := strconv.Atoi(strings.TrimSpace(str))
			if err != nil || n < p.Min || n > p.Max {
				return errors.New(t.w.T("term_whole_number", "min", p.Min, "max", p.Max))
			}
			return nil
		}))
		n, _ := strconv.Atoi(strings.TrimSpace(s))
		return Reply{Number: n}, err
	}
	return t.text(p, msg, help)
}

// text asks for free text on a line of its own, read with the terminal's
// own line editing. Survey's Input miscounts a typed answer that wraps
// and erases lines above it, and free text is what wraps.
func (t *Terminal) text(p *Prompt, msg, help string) (Reply, error) {
	hint := t.w.T("term_text_hint")
	if p.HasDefault && p.Default.Text != "" {
		hint = t.w.T("term_text_keep", "answer", text.Clean(text.OneLine(p.Default.Text)))
	}
	if help != "" {
		hint += "; " + t.w.T("term_hint_help")
	}
	fmt.Fprintf(t.Out, "? %s\n%s.\n", strings.TrimSuffix(msg, "\n"), text.Wrap(hint, "", t.width()))
	for {
		fmt.Fprint(t.Out, "> ")
		line, err := t.line()
		if err != nil {
			return Reply{}, err
		}
		switch {
		case line == "?" && help != "":
			fmt.Fprintf(t.Out, "%s\n", help)
			continue
		case line == "" && p.HasDefault:
			return p.Default, nil
		}
		return Reply{Text: line}, nil
	}
}

// line reads a line from the terminal a byte at a time, so that nothing
// typed after it is taken from the prompts that follow. In raw mode (no
// signals) Ctrl-C and Ctrl-D arrive as keys; in the terminal's own line
// mode Ctrl-C is a signal and Ctrl-D on an empty line the end of input.
func (t *Terminal) line() (string, error) {
	var b []byte
	one := make([]byte, 1)
	for {
		n, err := t.In.Read(one)
		if n == 1 {
			switch c := one[0]; {
			case c == '\n' || c == '\r':
				return strings.TrimSpace(string(b)), nil
			case c == 3: // Ctrl-C, or a key standing for an event
				fmt.Fprintln(t.Out)
				return "", t.stopped()
			case len(b) < maxLine:
				b = append(b, c)
			}
		}
		if err != nil {
			fmt.Fprintln(t.Out)
			if errors.Is(err, io.EOF) {
				// Ctrl-D in the terminal's line mode: a line typed but
				// not entered is no answer, as at Ctrl-C.
				return "", ErrEndKey
			}
			return "", ErrEndOfInput
		}
	}
}

// overflows reports whether the last line of msg, after survey's "? ",
// leaves no room on the screen for the longest answer, which would then
// break mid-word. (The key hint may still wrap; it goes once answered.)
func (t *Terminal) overflows(p *Prompt, msg string) bool {
	if strings.Contains(msg, "\n") {
		return true
	}
	answer := 0
	switch p.Kind {
	case "multi":
		return false // a list of picks: it may wrap
	case "text":
		// Room to type: survey miscounts a line typed to the very edge
		// and erases the line above it.
		answer = 40
	case "number":
		answer = len([]rune(p.MaxLabel)) + 8
	}
	for _, o := range p.Options {
		answer = max(answer, len([]rune(o.Label))+1)
	}
	return 2+len([]rune(msg))+answer > t.width()+1
}

// fitLine shortens s to w runes with an ellipsis. A review line,
// "question — answer", keeps as much of the answer as it can.
func fitLine(s string, w int) string {
	r := []rune(s)
	if len(r) <= w || w < 20 {
		return s
	}
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return strings.TrimSpace(string(r[:max(n-1, 0)])) + "…"
	}
	if i := strings.LastIndex(s, " — "); i >= 0 {
		q, a := s[:i], s[i+len(" — "):]
		a = cut(a, max(w/2-3, w-3-len([]rune(q))))
		return cut(q, w-3-len([]rune(a))) + " — " + a
	}
	return cut(s, w)
}

func promptOptions(labels []string) []PromptOption {
	out := make([]PromptOption, len(labels))
	for i, l := range labels {
		out[i] = PromptOption{Label: l}
	}
	return out
}

// neverEmpty is survey's own filter (case-insensitive, anywhere in the
// option) except that when nothing matches it shows every option:
// MultiSelect panics on an empty filtered list.
func neverEmpty(options []string) func(filter, value string, index int) bool {
	return func(filter, value string, _ int) bool {
		f := strings.ToLower(filter)
		for _, o := range options {
			if strings.Contains(strings.ToLower(o), f) {
				return strings.Contains(strings.ToLower(value), f)
			}
		}
		return true
	}
}

// Choose asks for one of options with a list; def is highlighted first.
func (t *Terminal) Choose(msg string, options []string, def int) (int, error) {
	labels := make([]string, len(options))
	w := t.width() - 3 // "> " comes before each
	for i, o := range options {
		labels[i] = fitLine(text.Clean(text.OneLine(o)), w)
	}
	m := text.Wrap(text.Clean(text.OneLine(msg)), "", t.width()-2)
	if t.overflows(&Prompt{Kind: "choice", Options: promptOptions(labels)}, m) {
		m += "\n"
	}
	sel := &survey.Select{Message: m, Options: labels, Default: def, Filter: neverEmpty(labels)}
	fmt.Fprintln(t.Out)
	var i int
	err := t.ask(sel, &i, len(labels))
	return i, err
}

// Confirm asks a yes or no question. Survey's own takes only y and yes
// for yes; in another language, the two answers are a list to pick from.
func (t *Terminal) Confirm(msg string, def bool) (bool, error) {
	if t.w.Catalogue() != words.Fallback {
		d := 1
		if def {
			d = 0
		}
		i, err := t.Choose(msg, []string{t.w.T("term_yes"), t.w.T("term_no")}, d)
		return i == 0, err
	}
	m := text.Wrap(text.Clean(text.OneLine(msg)), "", t.width()-2)
	if t.overflows(&Prompt{Kind: "choice", Options: []PromptOption{{Label: "(y/N) Yes"}}}, m) {
		m += "\n"
	}
	c := &survey.Confirm{Message: m, Default: def}
	fmt.Fprintln(t.Out)
	yes := def
	err := t.ask(c, &yes, 0)
	return yes, err
}

// Input asks for a line of text.
func (t *Terminal) Input(msg, def string) (string, error) {
	in := &survey.Input{Message: text.Clean(text.OneLine(msg)), Default: text.Clean(def)}
	fmt.Fprintln(t.Out)
	var s string
	err := t.ask(in, &s, 0)
	return s, err
}
