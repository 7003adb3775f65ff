package quiz

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"

	"amends/internal/text"
)

// line is a prompt for a line of text, edited in place: what is typed is
// wrapped at spaces like everything else, a paste stays one answer, and
// the prompt is drawn and erased by survey's renderer, so that Ctrl-C
// leaves nothing of it behind. Survey's own Input asks the terminal where
// its cursor is and miscounts an answer that wraps; this does neither.
type line struct {
	survey.Renderer
	t        *Terminal
	progress string
	question string
	help     string
	hint     string
	problem  string
	showHelp bool
	buf      []rune
	// check says what is wrong with a reply, "" when nothing is.
	check func(string) string
}

// lineTemplate draws a line prompt; the cursor stays after the answer.
const lineTemplate = `
{{- with .Progress}}{{style "progress"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- style "question"}}? {{.Question}}{{style "reset"}}{{"\n"}}
{{- with .Help}}{{style "help"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- with .Problem}}{{style "problem"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- with .Hint}}{{style "hint"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- .Typed}}`

type lineData struct{ Progress, Question, Help, Problem, Hint, Typed string }

func (l *line) draw() error {
	w := l.t.width()
	hint := hints(l.hint, l.t.w.T("term_back"))
	if l.help != "" && !l.showHelp {
		hint = hints(hint, l.t.w.T("term_help"))
	}
	d := lineData{Question: hang(l.question, 2, w), Hint: foldHint(hint, w)}
	if l.progress != "" {
		d.Progress = text.Wrap(l.progress, "", w)
	}
	if l.showHelp && l.help != "" {
		d.Help = text.Wrap(l.help, "  ", w)
	}
	if l.problem != "" {
		d.Problem = text.Wrap(l.problem, "  ", w)
	}
	typed := string(l.buf)
	d.Typed = text.Wrap(typed, "> ", w)
	if strings.HasSuffix(typed, " ") && strings.TrimSpace(typed) != "" {
		// Show the space just typed: the cursor moves on.
		last := d.Typed[strings.LastIndexByte(d.Typed, '\n')+1:]
		if text.Width(last)+1 < w {
			d.Typed += " "
		}
	}
	return l.Render(lineTemplate, d)
}

// read edits the line until Enter and returns it; Ctrl-C and Ctrl-D on an
// empty line end the quiz (ErrInterrupted, ErrEndOfInput).
func (l *line) read() (string, error) {
	l.WithStdio(terminal.Stdio{In: l.t.In, Out: l.t.Out, Err: l.t.Err})
	rr := terminal.NewRuneReader(l.Stdio())
	_ = rr.SetTermMode()
	defer func() { _ = rr.RestoreTermMode() }()
	// Bracketed paste: a pasted text arrives marked, so that its line
	// breaks do not answer this question and the next ones.
	l.t.Out.Write([]byte("\x1b[?2004h"))
	defer l.t.Out.Write([]byte("\x1b[?2004l"))
	if err := l.draw(); err != nil {
		return "", err
	}
	var pending []byte // the first bytes of a character
	pasting := false
	for {
		c, err := l.t.readByte()
		if err != nil {
			// The end of input: a line typed but not entered is no
			// answer, as at Ctrl-C.
			if errors.Is(err, io.EOF) {
				return "", l.stop(ErrEndKey)
			}
			return "", l.stop(ErrEndOfInput)
		}
		switch {
		case c >= 0x80 || len(pending) > 0:
			pending = append(pending, c)
			if utf8.FullRune(pending) {
				r, _ := utf8.DecodeRune(pending)
				pending = pending[:0]
				l.insert(r)
			}
		case pasting && (c == '\r' || c == '\n' || c == '\t'):
			if n := len(l.buf); n > 0 && l.buf[n-1] != ' ' {
				l.insert(' ') // a pasted line break: one space between the lines
			}
		case c == '\r' || c == '\n':
			if s, ok := l.submit(); ok {
				return s, nil
			}
		case c == 3: // Ctrl-C, or a key standing for an event (see Keys)
			return "", l.stop(l.t.stopped())
		case c == 4 && len(l.buf) == 0:
			return "", l.stop(ErrEndOfInput)
		case c == 0x7f || c == 8:
			if len(l.buf) > 0 {
				l.buf = l.buf[:len(l.buf)-1]
			}
		case c == 0x15: // Ctrl-U
			l.buf = l.buf[:0]
		case c == 0x17: // Ctrl-W
			s := strings.TrimRight(string(l.buf), " ")
			l.buf = []rune(s[:strings.LastIndexByte(s, ' ')+1])
		case c == 0x1b:
			switch l.t.escape() {
			case "[200~":
				pasting = true
			case "[201~":
				pasting = false
			}
		case c == '?' && len(l.buf) == 0 && l.help != "" && !l.showHelp:
			l.showHelp = true
		case c == '\t':
			l.insert(' ')
		case c >= 0x20:
			l.insert(rune(c))
		}
		// Drawn once a character is whole, and once a paste is in.
		if len(pending) == 0 && !pasting {
			if err := l.draw(); err != nil {
				return "", err
			}
		}
	}
}

func (l *line) insert(r rune) {
	if len(string(l.buf))+utf8.RuneLen(r) > maxLine {
		return
	}
	l.buf = append(l.buf, r)
}

// submit checks the line; a problem is drawn with the prompt.
func (l *line) submit() (string, bool) {
	s := strings.TrimSpace(string(l.buf))
	if l.check != nil {
		if p := l.check(s); p != "" {
			l.problem = p
			return "", false
		}
	}
	_, err := l.done()
	return s, err == nil
}

// done leaves the question and the answer on screen.
func (l *line) done() (string, error) {
	s := strings.TrimSpace(string(l.buf))
	ans := s
	if ans == "" {
		ans = l.t.w.T("quiz_left_empty")
	}
	err := l.Render(answeredTemplate, answeredAt(l.progress, l.question, ans, l.t.width()))
	return s, err
}

// stop erases the prompt, as after Ctrl-C in a list.
func (l *line) stop(err error) error {
	l.Render("", nil)
	l.t.erased = true
	return err
}

// readByte reads one byte from the terminal, so that nothing typed after
// it is taken from the prompts that follow.
func (t *Terminal) readByte() (byte, error) {
	one := make([]byte, 1)
	for {
		n, err := t.In.Read(one)
		if n == 1 {
			return one[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// escape reads the rest of an escape sequence after ESC and returns it:
// "[A" for an arrow, "[Z" for Shift+Tab, "[200~" for the start of a paste.
func (t *Terminal) escape() string {
	c, err := t.readByte()
	if err != nil {
		return ""
	}
	seq := []byte{c}
	switch c {
	case '[':
		for len(seq) < 16 {
			c, err := t.readByte()
			if err != nil {
				break
			}
			seq = append(seq, c)
			if c >= 0x40 && c <= 0x7e {
				break
			}
		}
	case 'O':
		if c, err := t.readByte(); err == nil {
			seq = append(seq, c)
		}
	}
	return string(seq)
}
