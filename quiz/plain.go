package quiz

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"amends/internal/text"
)

// Plain asks line by line: the question, its numbered options and a hint,
// then one line of input. It never moves the cursor and never uses colour,
// so it suits screen readers, pipes and files. Typing "?" shows a
// question's help and "back" returns to the previous question.
type Plain struct {
	in  *bufio.Reader
	out io.Writer
	eof bool
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
	fmt.Fprint(a.out, text.Clean(fmt.Sprintf(format, args...)))
}

// Say prints text followed by a blank line.
func (a *Plain) Say(text string) {
	a.printf("\n%s\n", strings.TrimSpace(text))
}

// Ask prints p and reads replies until one is valid.
func (a *Plain) Ask(p *Prompt) (Reply, error) {
	a.printf("\n%s\n%s\n", p.Progress, p.Text)
	var hint string
	switch p.Kind {
	case "choice", "scale", "multi":
		for i, o := range p.Options {
			a.printf("  %d. %s\n", i+1, o.Label)
			if o.Help != "" {
				a.printf("     %s\n", o.Help)
			}
		}
		if p.Kind == "multi" {
			hint = fmt.Sprintf("Type numbers separated by commas (%s)", multiCount(p.Min, p.Max, len(p.Options)))
			if p.Min == 0 {
				hint += `, or "none"`
			}
		} else {
			hint = fmt.Sprintf("Type a number from 1 to %d", len(p.Options))
		}
	case "number":
		hint = "Type a number from " + numberLabel(p.Min, p.MinLabel) + " to " + numberLabel(p.Max, p.MaxLabel)
	default:
		hint = "Type your answer on one line, or press Enter to leave it empty"
	}
	if p.HasDefault && p.Kind != "text" {
		hint += "; press Enter to keep " + a.current(p)
	} else if p.HasDefault && p.Default.Text != "" {
		hint = "Type your answer on one line, or press Enter to keep what you wrote"
	}
	if p.Help != "" {
		hint += `; "?" for help`
	}
	if p.CanGoBack {
		hint += `; "back" for the previous question`
	}
	a.printf("%s.\n", hint)
	for {
		a.printf("> ")
		s, err := a.line()
		if err != nil {
			return Reply{}, err
		}
		switch strings.ToLower(s) {
		case "?", "help":
			if p.Help != "" {
				a.printf("%s\n", p.Help)
			} else {
				a.printf("There is no more help for this question. %s.\n", hint)
			}
			continue
		case "back":
			if p.CanGoBack {
				return Reply{Back: true}, nil
			}
			a.printf("This is as far back as you can go here. %s.\n", hint)
			continue
		}
		if s == "" && p.HasDefault {
			return p.Default, nil
		}
		r, err := parsePlain(p, s)
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

func numberLabel(n int, label string) string {
	if label == "" {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%s)", n, label)
}

// current names the default answer of p in words.
func (a *Plain) current(p *Prompt) string {
	switch p.Kind {
	case "choice", "scale":
		if p.Default.Index >= 0 && p.Default.Index < len(p.Options) {
			return fmt.Sprintf("%d (%s)", p.Default.Index+1, p.Options[p.Default.Index].Label)
		}
	case "multi":
		if len(p.Default.Indices) == 0 {
			return "none"
		}
		n := make([]string, len(p.Default.Indices))
		for i, x := range p.Default.Indices {
			n[i] = strconv.Itoa(x + 1)
		}
		return strings.Join(n, ", ")
	case "number":
		return strconv.Itoa(p.Default.Number)
	}
	return "your answer"
}

// parsePlain reads a typed reply to p; the error says what to type instead.
func parsePlain(p *Prompt, s string) (Reply, error) {
	switch p.Kind {
	case "choice", "scale":
		if s == "" {
			return Reply{}, fmt.Errorf("Please type a number from 1 to %d.", len(p.Options))
		}
		if n, err := strconv.Atoi(s); err == nil {
			return Reply{Index: n - 1}, nil
		}
		for i, o := range p.Options {
			if strings.EqualFold(s, o.Label) {
				return Reply{Index: i}, nil
			}
		}
		return Reply{}, fmt.Errorf("%q is not one of the numbers; please type a number from 1 to %d.", short(s), len(p.Options))
	case "multi":
		if strings.EqualFold(s, "none") {
			return Reply{Indices: []int{}}, nil
		}
		if s == "" {
			return Reply{}, fmt.Errorf("Please type numbers separated by commas, such as 1, 3.")
		}
		r := Reply{Indices: []int{}}
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return Reply{}, fmt.Errorf("%q is not a number; please type numbers separated by commas, such as 1, 3.", short(f))
			}
			r.Indices = append(r.Indices, n-1)
		}
		return r, nil
	case "number":
		n, err := strconv.Atoi(s)
		if err != nil {
			return Reply{}, fmt.Errorf("Please type a whole number from %d to %d.", p.Min, p.Max)
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

// Choose prints numbered options and reads a number; Enter picks def.
func (a *Plain) Choose(msg string, options []string, def int) (int, error) {
	a.printf("\n%s\n", msg)
	for i, o := range options {
		a.printf("  %d. %s\n", i+1, o)
	}
	hint := fmt.Sprintf("Type a number from 1 to %d, or press Enter for %d.", len(options), def+1)
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
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		a.printf("%q is not one of the numbers. %s\n", short(s), hint)
	}
}

// Confirm asks a yes or no question; Enter gives def.
func (a *Plain) Confirm(msg string, def bool) (bool, error) {
	yn := "y/N"
	if def {
		yn = "Y/n"
	}
	for {
		a.printf("\n%s [%s] ", msg, yn)
		s, err := a.line()
		if err != nil {
			return false, err
		}
		switch strings.ToLower(s) {
		case "":
			return def, nil
		case "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		}
		a.printf("Please type yes or no.\n")
	}
}

// Input reads a line; Enter gives def.
func (a *Plain) Input(msg, def string) (string, error) {
	if def != "" {
		a.printf("\n%s [%s] ", msg, def)
	} else {
		a.printf("\n%s ", msg)
	}
	s, err := a.line()
	if err != nil {
		return "", err
	}
	if s == "" {
		return def, nil
	}
	return s, nil
}
