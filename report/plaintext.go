package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"amends/score"
)

// textCols is the width of the text form, in characters.
const textCols = 78

// PlainText writes the report of r to w as plain text, the form of
// "report -o report.txt": no colour, no drawing characters a screen
// reader would read out, lines of at most 78 characters, headings on lines
// of their own. It says what the PDF says. (Text is the shorter result
// that "amends score" prints.)
func PlainText(w io.Writer, r *score.Result, o Options) error {
	if r == nil {
		return fmt.Errorf("no result to report")
	}
	d := newBuilder(r, o).build()
	t := &textWriter{}
	t.blocks(d.cover, "")
	for _, s := range d.sections {
		t.blank()
		t.b.WriteString("\n" + s.title + "\n")
		t.gapped = false
		t.blocks(s.blocks, "  ")
	}
	_, err := io.WriteString(w, strings.TrimLeft(t.b.String(), "\n"))
	return err
}

type textWriter struct {
	b      strings.Builder
	gapped bool // a blank line was just written
}

func (t *textWriter) blank() {
	if !t.gapped {
		t.b.WriteString("\n")
		t.gapped = true
	}
}

// say writes text wrapped, the first line after prefix and the others
// indented to match it.
func (t *textWriter) say(indent, prefix, text string) {
	t.b.WriteString(wrapText(text, indent+prefix, indent+strings.Repeat(" ", len([]rune(prefix))), textCols))
	t.gapped = false
}

func (t *textWriter) blocks(bs []block, indent string) {
	for _, b := range bs {
		t.block(b, indent)
	}
}

func (t *textWriter) block(b block, indent string) {
	switch x := b.(type) {
	case gap:
		if x >= 4 {
			t.blank()
		}
	case para:
		for i, p := range paragraphs(x.text) {
			if i > 0 {
				t.blank()
			}
			for _, ln := range strings.Split(p, "\n") {
				if mark, rest, ok := listMark(ln); ok {
					if mark == "•" {
						mark = "-"
					}
					t.say(indent, mark+" ", rest)
					continue
				}
				t.say(indent, "", ln)
			}
		}
	case heading:
		t.blank()
		t.say(indent, "", x.text)
	case bullets:
		for _, it := range x.items {
			t.say(indent, "- ", it)
		}
	case box:
		t.blank()
		t.blocks(x.kids, indent)
		t.blank()
	case group:
		t.blocks(x.kids, indent)
	case chart:
		for _, r := range x.rows {
			s := x.unscored
			if r.scored {
				s = r.line
			}
			t.say(indent, "- ", r.title+": "+s)
		}
	case dimension:
		t.blank()
		t.say(indent, "", x.title+": "+x.bandLine)
		if x.about != "" {
			t.say(indent+"  ", "", oneLine(x.about))
		}
		if x.text != "" {
			t.block(para{body, x.text}, indent+"  ")
		}
		if len(x.items) > 0 {
			t.say(indent+"  ", "", x.fromLabel)
			for _, it := range x.items {
				t.say(indent+"  ", "- ", it)
			}
		}
	case ruler:
		a := x.answer
		if x.numeric {
			a = x.answerLine
		}
		t.say(indent, "", oneLine(x.question)+" "+a)
	case step:
		p := strconv.Itoa(x.n) + ". "
		t.say(indent, p, x.text)
		if x.because != "" {
			t.say(indent+strings.Repeat(" ", len(p)), "", x.because)
		}
	case qa:
		p := strconv.Itoa(x.n) + ". "
		t.say(indent, p, x.q)
		t.block(para{body, x.a}, indent+strings.Repeat(" ", len(p)))
	case contents:
		t.say(indent, "", x.label+":")
		for _, e := range x.entries {
			t.say(indent, "- ", e.title)
		}
	case pointer:
		t.say(indent, "", x.before+x.section+x.mid+x.after)
	case contact:
		t.block(para{strong, x.text}, indent)
	case compare:
		for _, r := range x.rows {
			t.say(indent, "- ", r.title+": "+r.line)
		}
	}
}

// wrapText breaks text into lines of at most width characters, the first
// starting with first and the rest with rest.
func wrapText(text, first, rest string, width int) string {
	var b strings.Builder
	line, empty := first, true
	// A phone number is held together, and printed with plain spaces.
	for _, w := range strings.FieldsFunc(bindNumbers(text), func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }) {
		w = strings.ReplaceAll(w, "\u00a0", " ")
		if !empty && len([]rune(line))+1+len([]rune(w)) > width {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	return b.String()
}

// Since is each part then and now as lines of text, for the screen at the
// end of a quiz: then is the result of earlier answers to the same set.
// It is empty for an urgent result, which shows no scores.
func Since(r, then *score.Result) string {
	if r == nil || then == nil || urgent(r) {
		return ""
	}
	b := newBuilder(r, Options{Compare: then})
	t := &textWriter{}
	t.say("", "", b.w.T("report_compare"))
	t.blocks(b.compare(), "  ")
	return strings.TrimRight(t.b.String(), "\n")
}
