package quiz

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"amends/internal/file"
	"amends/internal/text"
	"amends/internal/words"
)

// Plain asks line by line: the question, its numbered options and a hint,
// then one line of input. It never moves the cursor and never uses colour,
// so it suits screen readers, pipes and files. Typing "?" shows a
// question's help and "back" returns to the previous question.
type Plain struct {
	in   *bufio.Reader
	out  io.Writer
	eof  bool
	w    *words.Book // nil: English
	werr error       // the first write that failed: nobody can see the questions
}

// SetWords gives the asker the set's words for its hints.
func (a *Plain) SetWords(w *words.Book) { a.w = w }

// is reports whether s is one of the words of the message key (a list
// separated by commas, such as "y, yes"), or of its English words.
func is(w *words.Book, s, key string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, b := range []*words.Book{w, nil} {
		for _, k := range strings.Split(b.T(key), ",") {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" && k == s {
				return true
			}
		}
	}
	return false
}

// first is the first word of the message key, the one a hint shows.
func first(w *words.Book, key string) string {
	k, _, _ := strings.Cut(w.T(key), ",")
	return strings.TrimSpace(k)
}

// NewPlain returns a Plain asker reading from in and writing to out.
func NewPlain(in io.Reader, out io.Writer) *Plain {
	return &Plain{in: bufio.NewReader(in), out: out}
}

// maxLine is the longest input line kept, in bytes; the rest is dropped.
const maxLine = 16 << 10

// line reads one line without its line ending. The last line of an input
// need not end in a newline; after it comes ErrEndOfInput.
func (a *Plain) line() (string, error) {
	if a.werr != nil {
		return "", outputClosed{file.Cause(a.werr)}
	}
	if a.eof {
		return "", ErrEndOfInput
	}
	var b []byte
	for {
		chunk, err := a.in.ReadSlice('\n')
		if len(b) < maxLine {
			b = append(b, chunk[:min(len(chunk), maxLine-len(b))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			a.eof = true
			if len(b) == 0 {
				fmt.Fprintln(a.out)
				return "", ErrEndOfInput
			}
			if !errors.Is(err, io.EOF) {
				return "", ErrEndOfInput
			}
		}
		break
	}
	s := strings.TrimRight(string(b), "\r\n")
	return strings.TrimSpace(s), nil
}

func (a *Plain) printf(format string, args ...any) {
	if a.werr == nil {
		_, a.werr = io.WriteString(a.out, text.Clean(fmt.Sprintf(format, args...)))
	}
}

// Say prints text followed by a blank line.
func (a *Plain) Say(text string) {
	a.printf("\n%s\n", strings.TrimSpace(text))
}

// Ask prints p and reads replies until one is valid.
func (a *Plain) Ask(p *Prompt) (Reply, error) {
	a.printf("\n%s\n%s\n", p.Progress, p.Text)
	w := a.w
	if p.w != nil {
		w = p.w
	}
	var hint string
	switch p.Kind {
	case "choice", "scale", "multi":
		for i, o := range p.Options {
			a.printf("  %d. %s\n", i+1, o.Label)
			if o.Help != "" {
				a.printf("     %s\n", o.Help)
			}
		}
		how := multiCount(w, p.Min, p.Max, len(p.Options))
		switch {
		case p.Kind == "multi" && p.Min == 0:
			hint = w.T("plain_hint_multi_none", "how", how, "none", first(w, "key_none"))
		case p.Kind == "multi":
			hint = w.T("plain_hint_multi", "how", how)
		default:
			hint = w.T("plain_hint_choice", "n", len(p.Options))
		}
	case "number":
		hint = w.T("plain_hint_number", "min", numberLabel(w, p.Min, p.MinLabel), "max", numberLabel(w, p.Max, p.MaxLabel))
	default:
		hint = w.T("plain_hint_text")
	}
	if p.HasDefault && p.Kind != "text" {
		hint += "; " + w.T("plain_hint_keep", "current", a.current(w, p))
	} else if p.HasDefault && p.Default.Text != "" {
		hint = w.T("plain_hint_keep_text")
	}
	if p.Help != "" {
		hint += "; " + w.T("plain_hint_help")
	}
	if p.CanGoBack {
		hint += "; " + w.T("plain_hint_back", "back", first(w, "key_back"))
	}
	a.printf("%s.\n", hint)
	for {
		a.printf("> ")
		s, err := a.line()
		if err != nil {
			return Reply{}, err
		}
		switch {
		case s == "?" || is(w, s, "key_help"):
			if p.Help != "" {
				a.printf("%s\n", p.Help)
			} else {
				a.printf("%s\n", w.T("plain_no_help", "hint", hint))
			}
			continue
		case is(w, s, "key_back"):
			if p.CanGoBack {
				return Reply{}, ErrBack
			}
			a.printf("%s\n", w.T("plain_first", "hint", hint))
			continue
		}
		if s == "" && p.HasDefault {
			return p.Default, nil
		}
		r, err := parsePlain(w, p, s)
		if err == nil {
			err = p.Check(r)
		}
		if err != nil {
			a.printf("%s\n", err.Error())
			continue
		}
		return r, nil
	}
}

func numberLabel(w *words.Book, n int, label string) string {
	if label == "" {
		return strconv.Itoa(n)
	}
	return w.T("plain_number_label", "n", strconv.Itoa(n), "label", label)
}

// current names the default answer of p in words.
func (a *Plain) current(w *words.Book, p *Prompt) string {
	switch p.Kind {
	case "choice", "scale":
		if p.Default.Index >= 0 && p.Default.Index < len(p.Options) {
			return w.T("plain_number_label", "n", strconv.Itoa(p.Default.Index+1), "label", p.Options[p.Default.Index].Label)
		}
	case "multi":
		if len(p.Default.Indices) == 0 {
			return first(w, "key_none")
		}
		n := make([]string, len(p.Default.Indices))
		for i, x := range p.Default.Indices {
			n[i] = strconv.Itoa(x + 1)
		}
		return strings.Join(n, ", ")
	case "number":
		return strconv.Itoa(p.Default.Number)
	}
	return w.T("plain_your_answer")
}

// parsePlain reads a typed reply to p; the error says what to type instead.
func parsePlain(w *words.Book, p *Prompt, s string) (Reply, error) {
	switch p.Kind {
	case "choice", "scale":
		if s == "" {
			return Reply{}, errors.New(w.T("plain_type_number", "n", len(p.Options)))
		}
		if n, err := strconv.Atoi(s); err == nil {
			return Reply{Index: n - 1}, nil
		}
		for i, o := range p.Options {
			if strings.EqualFold(s, o.Label) {
				return Reply{Index: i}, nil
			}
		}
		return Reply{}, errors.New(w.T("plain_not_number_of", "got", short(s), "n", len(p.Options)))
	case "multi":
		if is(w, s, "key_none") {
			return Reply{Indices: []int{}}, nil
		}
		if s == "" {
			return Reply{}, errors.New(w.T("plain_type_numbers"))
		}
		r := Reply{Indices: []int{}}
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return Reply{}, errors.New(w.T("plain_not_a_number", "got", short(f)))
			}
			r.Indices = append(r.Indices, n-1)
		}
		return r, nil
	case "number":
		n, err := strconv.Atoi(s)
		if err != nil {
			return Reply{}, errors.New(w.T("plain_whole_number", "min", p.Min, "max", p.Max))
		}
		return Reply{Number: n}, nil
	}
	return Reply{Text: s}, nil
}

func short(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// Notice prints msg at once, on a line of its own.
func (a *Plain) Notice(msg string) {
	a.printf("%s\n", strings.TrimSpace(msg))
}

// Verdict prints the result's title on a line of its own, then more.
func (a *Plain) Verdict(title, more string) {
	a.printf("\n%s\n", text.OneLine(title))
	if s := strings.TrimSpace(more); s != "" {
		a.printf("%s\n", s)
	}
}

// Choose prints numbered options and reads a number; Enter picks def.
// An option's second line (a review's answer) follows it after a dash.
func (a *Plain) Choose(msg string, options []string, def int) (int, error) {
	a.printf("\n%s\n", msg)
	for i, o := range options {
		a.printf("  %d. %s\n", i+1, strings.ReplaceAll(o, "\n", " — "))
	}
	hint := a.w.T("plain_choose_hint", "n", len(options), "default", def+1)
	a.printf("%s\n", hint)
	for {
		a.printf("> ")
		s, err := a.line()
		if err != nil {
			return 0, err
		}
		if s == "" {
			return def, nil
		}
		if is(a.w, s, "key_back") {
			return 0, ErrBack
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		a.printf("%s\n", a.w.T("plain_not_one", "got", short(s), "hint", hint))
	}
}

// Confirm asks a yes or no question; Enter gives def, and the hint says so.
func (a *Plain) Confirm(msg string, def bool) (bool, error) {
	hint := a.w.T("plain_confirm_no")
	if def {
		hint = a.w.T("plain_confirm_yes")
	}
	a.printf("\n%s\n%s\n", msg, hint)
	for {
		a.printf("> ")
		s, err := a.line()
		if err != nil {
			return false, err
		}
		switch {
		case s == "":
			return def, nil
		case is(a.w, s, "key_yes"):
			return true, nil
		case is(a.w, s, "key_no"):
			return false, nil
		case is(a.w, s, "key_back"):
			return false, ErrBack
		}
		a.printf("%s\n", hint)
	}
}

// Input reads a line; Enter gives def, and the hint says so.
func (a *Plain) Input(msg, def string) (string, error) {
	a.printf("\n%s\n", msg)
	if def != "" {
		a.printf("%s\n", a.w.T("plain_input_default", "default", def))
	}
	a.printf("> ")
	s, err := a.line()
	if err != nil {
		return "", err
	}
	if is(a.w, s, "key_back") {
		return "", ErrBack
	}
	if s == "" {
		return def, nil
	}
	return s, nil
}
