//go:build !windows

package quiz

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"

	"amends/internal/screentest"
)

const (
	down  = "\x1b[B"
	up    = "\x1b[A"
	enter = "\r"
	space = " "
)

// onTerminal runs ask with a Terminal asker on a pseudo-terminal while
// user types (research/libraries.md §1.6, with both of its fixes).
func onTerminal(t *testing.T, user func(c *expect.Console), ask func(a *Terminal)) string {
	t.Helper()
	t.Setenv("NO_COLOR", "1")
	c, term := screentest.Console(t, 80, 30, true)
	done := make(chan struct{})
	go func() {
		defer close(done)
		user(c)
		if t.Failed() {
			c.Close() // the prompt's read fails, rather than wait for keys
			return
		}
		c.ExpectEOF()
	}()
	ask(NewTerminal(c.Tty(), c.Tty(), c.Tty()))
	c.Tty().Close()
	<-done
	return expect.StripTrailingEmptyLines(term.String())
}

func expectThen(t *testing.T, c *expect.Console, s string, keys ...string) {
	if _, err := c.ExpectString(s); err != nil {
		t.Errorf("waiting for %q: %v", s, err)
		return
	}
	for _, k := range keys {
		c.Send(k)
	}
}

func TestTerminalEveryKind(t *testing.T) {
	choice := &Prompt{Kind: "choice", Progress: "Part — question 1 of 5", Text: "Pick one?", Help: "Why we ask.",
		Options: []PromptOption{{Label: "Yes"}, {Label: "No", Help: "also fine"}, {Label: "Rather not say"}}}
	multi := &Prompt{Kind: "multi", Text: "Pick some?", Min: 1, Max: 2,
		Options: []PromptOption{{Label: "a"}, {Label: "b"}, {Label: "c"}}}
	scale := &Prompt{Kind: "scale", Text: "Agree?", Options: []PromptOption{{Label: "No"}, {Label: "Maybe"}, {Label: "Yes"}},
		HasDefault: true, Default: Reply{Index: 2}}
	ruler := &Prompt{Kind: "number", Text: "How sure?", Min: 0, Max: 10, MinLabel: "not at all", MaxLabel: "completely"}
	wide := &Prompt{Kind: "number", Text: "How many days?", Min: 0, Max: 365}
	text := &Prompt{Kind: "text", Text: "Anything else?"}
	var got []Reply
	screen := onTerminal(t, func(c *expect.Console) {
		expectThen(t, c, "Pick one?", "?")
		expectThen(t, c, "Why we ask.", down, enter)
		expectThen(t, c, "Pick some?", enter)                       // none: refused
		expectThen(t, c, "Nothing is ticked yet", "zzz", up, space) // a filter that matches nothing, then Space: no panic
		expectThen(t, c, "[x]", "\x17", down, space, enter)         // c (Up wrapped round); clear the filter (Ctrl-W); a
		expectThen(t, c, "Agree?", up, enter)
		expectThen(t, c, "How sure?", down, down, down, enter)
		expectThen(t, c, "How many days?", "400", enter)
		expectThen(t, c, "whole number from 0 to 365", "\b\b\b42", enter)
		expectThen(t, c, "Anything else?", "Zażółć", enter)
	}, func(a *Terminal) {
		for _, p := range []*Prompt{choice, multi, scale, ruler, wide, text} {
			r, err := a.Ask(p)
			if err != nil {
				t.Errorf("%s: %v", p.Kind, err)
				return
			}
			got = append(got, r)
		}
	})
	want := []Reply{{Index: 1}, {Indices: []int{0, 2}}, {Index: 1}, {Number: 3}, {Number: 42}, {Text: "Zażółć"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("replies %+v\nwant %+v\n%s", got, want, screen)
	}
	for _, s := range []string{"Part — question 1 of 5", "? Pick one? No", "? How sure? 3", "? Anything else? Zażółć", "? Pick some? a; c"} {
		if !strings.Contains(screen, s) {
			t.Errorf("screen lacks %q:\n%s", s, screen)
		}
	}
}

func TestTerminalInterrupt(t *testing.T) {
	var err error
	screen := onTerminal(t, func(c *expect.Console) {
		expectThen(t, c, "Pick one?", down, "\x03")
	}, func(a *Terminal) {
		_, err = a.Ask(&Prompt{Kind: "choice", Text: "Pick one?", Options: []PromptOption{{Label: "Yes"}, {Label: "No"}}})
		if err == nil {
			return
		}
		a.Say("after")
	})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	// What follows starts on a line of its own, below the abandoned list.
	lines := strings.Split(screen, "\n")
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "after" {
		t.Errorf("last line %q:\n%s", last, screen)
	}
}

func TestTerminalChooseConfirmInput(t *testing.T) {
	var i int
	var yes bool
	var name string
	onTerminal(t, func(c *expect.Console) {
		expectThen(t, c, "Where?", down, enter)
		expectThen(t, c, "Save?", "y", enter)
		expectThen(t, c, "Name:", enter)
	}, func(a *Terminal) {
		i, _ = a.Choose("Where?", []string{"here", "there"}, 0)
		yes, _ = a.Confirm("Save?", false)
		name, _ = a.Input("Name:", "report.pdf")
	})
	if i != 1 || !yes || name != "report.pdf" {
		t.Errorf("choose %d, confirm %v, input %q", i, yes, name)
	}
}

func TestTerminalTextHelpDefaultAndInterrupt(t *testing.T) {
	p := &Prompt{Kind: "text", Text: "Anything else?", Help: "Only for you.", HasDefault: true, Default: Reply{Text: "kept"}}
	var got []Reply
	var errs []error
	screen := onTerminal(t, func(c *expect.Console) {
		// The answer so far is there to change; "?" on an empty line is help.
		expectThen(t, c, "Change it if you like, then Enter", "\x15?")
		expectThen(t, c, "Only for you.", "new", enter)
		expectThen(t, c, "? Anything else? new", enter)
		expectThen(t, c, "? Anything else? kept", " abc\x03")
	}, func(a *Terminal) {
		for range 3 {
			r, err := a.Ask(p)
			got, errs = append(got, r), append(errs, err)
		}
	})
	if !reflect.DeepEqual(got[:2], []Reply{{Text: "new"}, {Text: "kept"}}) || !errors.Is(errs[2], ErrInterrupted) {
		t.Errorf("replies %+v, errors %v", got, errs)
	}
	// Ctrl-C erases the prompt it was pressed in, help and all.
	if strings.Count(screen, "Anything else?") != 2 || strings.Contains(screen, "abc") {
		t.Errorf("after Ctrl-C:\n%s", screen)
	}
}

func TestTerminalSayHangsListItems(t *testing.T) {
	screen := onTerminal(t, func(c *expect.Console) {}, func(a *Terminal) {
		a.Say("Where to find help:\n- Samaritans (UK and Ireland): 116 123 · samaritans.org · free, day and night, for anyone who is struggling\nAfter the list.")
	})
	want := "Where to find help:\n" +
		"- Samaritans (UK and Ireland): 116 123 · samaritans.org · free, day and night,\n" +
		"  for anyone who is struggling\n" +
		"After the list."
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(screen), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("screen:\n%s\nwant:\n%s", got, want)
	}
}

// TestTerminalTypeAhead: every key of five prompts, typed before the
// first of them has even asked, is taken by the prompt it was meant for.
// Survey's Input and Confirm ask the terminal where the cursor is and
// used to throw away the keys read along with the reply.
func TestTerminalTypeAhead(t *testing.T) {
	choice := &Prompt{Kind: "choice", Text: "Pick one?", Options: []PromptOption{{Label: "Yes"}, {Label: "No"}, {Label: "Maybe"}}}
	multi := &Prompt{Kind: "multi", Text: "Pick some?", Max: 3, Options: []PromptOption{{Label: "a"}, {Label: "b"}, {Label: "c"}}}
	wide := &Prompt{Kind: "number", Text: "How many days?", Min: 0, Max: 365}
	var got []Reply
	var yes bool
	var name string
	var errs []error
	onTerminal(t, func(c *expect.Console) {
		expectThen(t, c, "Pick one?", down+down+enter+"Ann"+enter+"y"+enter+space+down+space+enter+"42"+enter)
		c.ExpectString("? How many days? 42")
	}, func(a *Terminal) {
		r, err := a.Ask(choice)
		got, errs = append(got, r), append(errs, err)
		name, err = a.Input("Name:", "")
		errs = append(errs, err)
		yes, err = a.Confirm("Save?", false)
		errs = append(errs, err)
		for _, p := range []*Prompt{multi, wide} {
			r, err := a.Ask(p)
			got, errs = append(got, r), append(errs, err)
		}
	})
	want := []Reply{{Index: 2}, {Indices: []int{0, 1}}, {Number: 42}}
	if !reflect.DeepEqual(got, want) || name != "Ann" || !yes || errors.Join(errs...) != nil {
		t.Errorf("replies %+v, name %q, confirm %v, errors %v\nwant %+v, Ann, true", got, name, yes, errs, want)
	}
}

// TestTerminalCtrlD: Ctrl-D in every kind of prompt ends the input, as in
// any terminal, rather than answer with what is highlighted (survey takes
// it for Enter).
func TestTerminalCtrlD(t *testing.T) {
	opts := []PromptOption{{Label: "No"}, {Label: "Yes"}}
	for _, c := range []struct {
		name string
		ask  func(a *Terminal) (any, error)
	}{
		{"choice", func(a *Terminal) (any, error) { return a.Ask(&Prompt{Kind: "choice", Text: "Asked?", Options: opts}) }},
		{"scale", func(a *Terminal) (any, error) { return a.Ask(&Prompt{Kind: "scale", Text: "Asked?", Options: opts}) }},
		{"multi", func(a *Terminal) (any, error) {
			return a.Ask(&Prompt{Kind: "multi", Text: "Asked?", Max: 2, Options: opts})
		}},
		{"ruler", func(a *Terminal) (any, error) { return a.Ask(&Prompt{Kind: "number", Text: "Asked?", Min: 0, Max: 10}) }},
		{"number", func(a *Terminal) (any, error) {
			return a.Ask(&Prompt{Kind: "number", Text: "Asked?", Min: 0, Max: 365})
		}},
		{"text", func(a *Terminal) (any, error) { return a.Ask(&Prompt{Kind: "text", Text: "Asked?"}) }},
		{"choose", func(a *Terminal) (any, error) { return a.Choose("Asked?", []string{"a", "b"}, 0) }},
		{"confirm", func(a *Terminal) (any, error) { return a.Confirm("Asked?", true) }},
		{"input", func(a *Terminal) (any, error) { return a.Input("Asked?", "name.pdf") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got any
			var err error
			onTerminal(t, func(con *expect.Console) {
				expectThen(t, con, "Asked?", down, "\x04")
			}, func(a *Terminal) {
				got, err = c.ask(a)
			})
			if !errors.Is(err, ErrEndKey) || !errors.Is(err, ErrEndOfInput) {
				t.Errorf("Ctrl-D gave %v, %v; want the end of input", got, err)
			}
		})
	}
}

// TestTerminalRedrawAtNewWidth: when the terminal changes size (SIGWINCH
// calls Redraw), the prompt on screen is drawn again at once, wrapped to
// the new width, not at the next key.
func TestTerminalRedrawAtNewWidth(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	c, term := screentest.Console(t, 80, 30, true)
	a := NewTerminal(c.Tty(), c.Tty(), c.Tty())
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		_, err = a.Ask(&Prompt{Kind: "choice", Text: "Which of these words would you rather keep for the end of the line?",
			Options: []PromptOption{{Label: "Yes"}, {Label: "No"}}})
	}()
	expectThen(t, c, "Enter pick")
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 40, Rows: 30}); err != nil {
		t.Fatal(err)
	}
	a.In.Redraw()
	expectThen(t, c, "? Which of these words would you rather\r\n  keep for the end of the line?", enter)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if s := term.String(); strings.Contains(s, "rather keep") {
		t.Errorf("the prompt was not drawn again at 40 columns:\n%s", s)
	}
}

// TestTerminalNoHelpAndPaste: "?" on a question without help says so
// rather than become filter text; a paste into a line prompt, line breaks
// and all, is one answer, not the answers to the questions after it.
func TestTerminalNoHelpAndPaste(t *testing.T) {
	var got []Reply
	screen := onTerminal(t, func(c *expect.Console) {
		expectThen(t, c, "Pick one?", "?")
		expectThen(t, c, "There is no more help for this question.", down, enter)
		expectThen(t, c, "Anything else?", "\x1b[200~first line\r\nsecond line\x1b[201~", enter)
	}, func(a *Terminal) {
		for _, p := range []*Prompt{
			{Kind: "choice", Text: "Pick one?", Options: []PromptOption{{Label: "Yes"}, {Label: "No"}}},
			{Kind: "text", Text: "Anything else?"},
		} {
			r, err := a.Ask(p)
			if err != nil {
				t.Error(err)
				return
			}
			got = append(got, r)
		}
	})
	want := []Reply{{Index: 1}, {Text: "first line second line"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("replies %+v, want %+v\n%s", got, want, screen)
	}
	if strings.Contains(screen, "Showing the options") {
		t.Errorf("? became filter text:\n%s", screen)
	}
}
