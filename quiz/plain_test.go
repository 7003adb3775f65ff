package quiz

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParsePlain(t *testing.T) {
	choice := &Prompt{Kind: "choice", Options: []PromptOption{{Label: "Yes"}, {Label: "No"}}}
	multi := &Prompt{Kind: "multi", Options: []PromptOption{{Label: "a"}, {Label: "b"}, {Label: "c"}}, Min: 0, Max: 3}
	number := &Prompt{Kind: "number", Min: 0, Max: 10}
	for _, c := range []struct {
		p    *Prompt
		in   string
		want Reply
		err  string
	}{
		{choice, "2", Reply{Index: 1}, ""},
		{choice, "no", Reply{Index: 1}, ""},
		{choice, "", Reply{}, "Please type a number from 1 to 2."},
		{choice, "two", Reply{}, `"two" is not one of the numbers; please type a number from 1 to 2.`},
		{multi, "1, 3", Reply{Indices: []int{0, 2}}, ""},
		{multi, "3 1;2", Reply{Indices: []int{2, 0, 1}}, ""},
		{multi, "none", Reply{Indices: []int{}}, ""},
		{multi, "1,x", Reply{}, `"x" is not a number; please type numbers separated by commas, such as 1, 3.`},
		{number, "7", Reply{Number: 7}, ""},
		{number, "7.5", Reply{}, "Please type a whole number from 0 to 10."},
		{&Prompt{Kind: "text"}, "anything", Reply{Text: "anything"}, ""},
	} {
		got, err := parsePlain(nil, c.p, c.in)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s %q: err %v, want %q", c.p.Kind, c.in, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: %+v, %v", c.p.Kind, c.in, got, err)
		}
	}
}

func TestPromptCheck(t *testing.T) {
	multi := &Prompt{Kind: "multi", Options: make([]PromptOption, 4), Min: 1, Max: 2}
	for _, c := range []struct {
		r    Reply
		want string
	}{
		{Reply{Indices: []int{}}, "Please pick 1 to 2."},
		{Reply{Indices: []int{0, 1, 2}}, "Please pick 1 to 2."},
		{Reply{Indices: []int{4}}, "5 is not one of the options; they go from 1 to 4."},
		{Reply{Indices: []int{1, 1}}, ""}, // a repeat counts once
	} {
		err := multi.Check(c.r)
		if (err == nil) != (c.want == "") || (err != nil && err.Error() != c.want) {
			t.Errorf("%v: %v, want %q", c.r.Indices, err, c.want)
		}
	}
	if got := multiCount(nil, 0, 3, 3); got != "pick any number, or none" {
		t.Error(got)
	}
	if got := multiCount(nil, 2, 2, 3); got != "pick 2 options" {
		t.Error(got)
	}
	if got := multiCount(nil, 0, 2, 3); got != "pick up to 2" {
		t.Error(got)
	}
}

func TestPlainLines(t *testing.T) {
	var out strings.Builder
	long := strings.Repeat("x", 3*maxLine)
	a := NewPlain(strings.NewReader("one\r\n  two  \n"+long+"\nlast"), &out)
	for _, want := range []string{"one", "two", strings.Repeat("x", maxLine), "last"} {
		got, err := a.line()
		if err != nil || got != want {
			t.Fatalf("line: %.20q (%d), %v; want %.20q", got, len(got), err, want)
		}
	}
	if _, err := a.line(); !errors.Is(err, ErrEndOfInput) {
		t.Errorf("after the last line: %v", err)
	}
	if _, err := a.line(); !errors.Is(err, ErrEndOfInput) {
		t.Errorf("again: %v", err)
	}
}

func TestPlainConfirmAndInput(t *testing.T) {
	var out strings.Builder
	a := NewPlain(strings.NewReader("maybe\nYES\n\n\nmine.pdf\n"), &out)
	if yes, err := a.Confirm("Save?", false); !yes || err != nil {
		t.Errorf("confirm: %v %v", yes, err)
	}
	if yes, _ := a.Confirm("Save?", true); !yes {
		t.Error("Enter should give the default")
	}
	if s, _ := a.Input("Name:", "default.pdf"); s != "default.pdf" {
		t.Errorf("input default: %q", s)
	}
	if s, _ := a.Input("Name:", "default.pdf"); s != "mine.pdf" {
		t.Errorf("input: %q", s)
	}
	// What Enter does is said before the reply, and again after one that does not fit.
	if !strings.Contains(out.String(), "Save?\nType yes or no, or press Enter for no.\n> Type yes or no, or press Enter for no.") ||
		!strings.Contains(out.String(), "Type it, or press Enter for default.pdf.") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestPlainSayRemovesControlCharacters(t *testing.T) {
	var out strings.Builder
	NewPlain(strings.NewReader(""), &out).Say("a\x1b[2Jb\x07c\td\u202ee")
	if got := out.String(); got != "\nabc de\n" {
		t.Errorf("%q", got)
	}
}
