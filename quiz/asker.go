package quiz

import (
	"errors"
	"fmt"

	"amends/internal/words"
)

// Asker is how a session talks to a person: one thing at a time. The
// terminal implementation uses survey prompts; the plain one reads lines,
// for screen readers and pipes. Every text an Asker is given has already
// had its partner words filled in.
type Asker interface {
	// Say shows text: a heading, an intro, a progress line. Paragraphs
	// are separated by blank lines.
	Say(text string)
	// Ask asks one question and returns the reply.
	Ask(p *Prompt) (Reply, error)
	// Choose asks for one of options and returns its index; def is the
	// index chosen by pressing Enter.
	Choose(msg string, options []string, def int) (int, error)
	// Confirm asks a yes or no question.
	Confirm(msg string, def bool) (bool, error)
	// Input asks for a line of text; Enter alone gives def.
	Input(msg, def string) (string, error)
	// Notice says msg with the next prompt, such as why a reply was not
	// taken; the terminal shows it in that prompt, until it is answered.
	Notice(msg string)
	// Verdict shows the result's title so that it stands out, then more.
	Verdict(title, more string)
}

// ErrBack is returned by an Asker when the person asked to go back, to
// whatever came before the prompt.
var ErrBack = errors.New("back")

// ErrInterrupted is returned by an Asker when the person pressed Ctrl-C.
var ErrInterrupted = errors.New("interrupted")

// ErrEndOfInput is returned by an Asker when its input ended before an answer.
var ErrEndOfInput = errors.New("end of input")

// ErrOutputClosed is returned by an Asker when what it writes can no
// longer be shown, such as a pipe closed by the program reading it.
var ErrOutputClosed = errors.New("the output closed")

// outputClosed is ErrOutputClosed with its cause, which Unwrap gives.
type outputClosed struct{ cause error }

func (e outputClosed) Error() string        { return "the output closed (" + e.cause.Error() + ")" }
func (e outputClosed) Unwrap() error        { return e.cause }
func (e outputClosed) Is(target error) bool { return target == ErrOutputClosed }

// ErrEndKey is returned by an Asker when the person pressed Ctrl-D, the
// terminal's key for the end of input: the quiz stops as at Ctrl-C.
var ErrEndKey = fmt.Errorf("%w: Ctrl-D", ErrEndOfInput)

// Prompt is one question as an Asker shows it.
type Prompt struct {
	ID       string
	Kind     string // "choice", "multi", "scale", "number" or "text"
	Progress string // "What happened — question 3 of 6"
	Text     string
	Help     string
	Options  []PromptOption // choice, multi and scale, in order
	Min, Max int            // number: the range; multi: how many to pick
	MinLabel string         // number: what Min means
	MaxLabel string         // number: what Max means

	// The current answer, shown as the default when a question is asked
	// again: Index for choice and scale, Indices for multi, Number for
	// number, Text for text. HasDefault says whether there is one.
	HasDefault bool
	Default    Reply

	// CanGoBack says whether there is a previous question to go back to.
	CanGoBack bool

	w *words.Book // the set's words, for hints and what is wrong with a reply
}

// PromptOption is one option of a prompt.
type PromptOption struct {
	Label string
	Help  string
}

// Reply is an answer to a Prompt.
type Reply struct {
	Index   int    // choice and scale: the option picked, from 0
	Indices []int  // multi: the options picked, in order
	Number  int    // number
	Text    string // text
}

// multiCount says how many options of a multi prompt may be picked, in words.
func multiCount(w *words.Book, min, max, n int) string {
	switch {
	case min == 0 && max >= n:
		return w.T("multi_any")
	case min == max:
		return w.T("multi_exactly", "n", min)
	case min == 0:
		return w.T("multi_up_to", "max", max)
	case max >= n:
		return w.T("multi_at_least", "min", min)
	}
	return w.T("multi_between", "min", min, "max", max)
}

// Worded is an Asker that says things of its own (hints, what to type):
// the session gives it the set's words before the first question.
type Worded interface {
	SetWords(w *words.Book)
}
