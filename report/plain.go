package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"amends/internal/text"
	"amends/score"
)

// Text writes r as plain text for a terminal or a screen reader, as
// `amends score` prints it: no colour, no cursor movement, lines of at most
// 78 characters, and nothing that text.Clean would remove.
func Text(w io.Writer, r *score.Result) error {
	t := r.Words.Or()
	var b strings.Builder
	p := func(indent string, s string) { b.WriteString(text.Wrap(strings.TrimSpace(s), indent, 78) + "\n") }
	// paragraphs prints a text of the set: its paragraphs, each wrapped,
	// a blank line between them.
	paragraphs := func(indent string, s string) {
		for i, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
			if i > 0 {
				b.WriteString("\n")
			}
			p(indent, strings.Join(strings.Fields(para), " "))
		}
	}
	resource := func(res score.Resource) {
		p("  ", res.Title)
		if res.Text != "" {
			p("    ", res.Text)
		}
		if c := res.Contact(); c != "" {
			p("    ", c)
		}
	}
	steps := func() {
		if len(r.Phases) == 0 {
			return
		}
		b.WriteString("\n" + t.T("text_steps") + "\n")
		for _, ph := range r.Phases {
			b.WriteString("  " + ph.Title + "\n")
			for i, st := range ph.Steps {
				p(fmt.Sprintf("  %2d. ", i+1), st.Text)
				if len(st.Because) > 0 {
					p("      ", t.T("text_because", "reasons", strings.Join(st.Because, "; ")))
				}
			}
		}
	}
	p("", t.T("text_set", "title", r.Set.Title, "version", r.Set.Version))
	p("", t.T("text_answered", "answered", r.Answered, "n", r.Asked))
	if r.Set.Disclaimer != "" {
		p("", r.Set.Disclaimer)
	}

	b.WriteString("\n" + t.T("text_verdict", "title", r.Verdict.Title) + "\n")
	p("  ", r.Verdict.Summary)
	if r.Verdict.Text != "" {
		b.WriteString("\n")
		paragraphs("  ", r.Verdict.Text)
	}
	if len(r.Verdict.Why) > 0 {
		b.WriteString("\n  " + t.T("text_why") + "\n")
		for _, w := range r.Verdict.Why {
			p("    - ", w)
		}
	}

	// Where to get help comes right after the verdict when the answers
	// call for it, as on the screen at the end of a quiz.
	if len(r.Help) > 0 || r.Urgent() {
		b.WriteString("\n" + t.T("text_help_first") + "\n")
		if len(r.Help) == 0 {
			p("  ", t.T("help_fallback"))
		}
		for _, res := range r.Help {
			resource(res)
		}
	}

	if len(r.Flags) > 0 {
		b.WriteString("\n" + t.T("text_flags") + "\n")
		for _, f := range r.Flags {
			p("  ", f.Title+": "+f.Text)
		}
	}

	if r.Verdict.QuietScores {
		steps() // what to do comes before any score
	}
	if scored := scoredDimensions(r); scored > 0 {
		b.WriteString("\n" + t.T("text_standing") + "\n")
		width := 0
		for _, d := range r.Dimensions {
			width = max(width, len([]rune(d.Title)))
		}
		width = min(width, 40)
		for _, d := range r.Dimensions {
			title := clip(d.Title, width) + strings.Repeat(" ", width-len([]rune(clip(d.Title, width))))
			if !d.Scored {
				fmt.Fprintf(&b, "  %s %s  --  %s\n", title, bar(0, false), bandName(t, d.Band))
				continue
			}
			fmt.Fprintf(&b, "  %s %s %3d  %s\n", title, bar(d.Score, true), d.Score, bandName(t, d.Band))
		}
		if r.HasComposite && !r.Verdict.QuietScores {
			b.WriteString("  " + t.T("text_overall", "score", r.Composite) + "\n")
		}
	}

	rd := r.Readiness
	if rd.Stage != nil || rd.Importance != nil || rd.Confidence != nil {
		b.WriteString("\n" + t.T("text_readiness") + "\n")
		for _, a := range []*score.Answer{rd.Stage, rd.Importance, rd.Confidence} {
			if a != nil {
				p("  ", a.Text+" "+a.Answer)
			}
		}
		if rd.Reflection != "" {
			p("  ", rd.Reflection)
		}
	}

	if !r.Verdict.QuietScores {
		steps()
	}

	if len(r.Honest) > 0 {
		b.WriteString("\n" + t.T("text_honest") + "\n")
		for i, h := range r.Honest {
			if i > 0 {
				b.WriteString("\n")
			}
			p("  ", h.Title)
			paragraphs("    ", h.Text)
		}
	}

	// The rest of the places to get help; those named first are not
	// repeated.
	var rest []score.Resource
	for _, res := range r.Resources {
		if !slices.ContainsFunc(r.Help, func(h score.Resource) bool { return h.ID == res.ID }) {
			rest = append(rest, res)
		}
	}
	if len(rest) > 0 {
		if len(r.Help) > 0 {
			b.WriteString("\n" + t.T("text_help_more") + "\n")
		} else {
			b.WriteString("\n" + t.T("help_heading") + "\n")
		}
		for _, res := range rest {
			resource(res)
		}
	}
	_, err := io.WriteString(w, text.Clean(b.String()))
	return err
}

func scoredDimensions(r *score.Result) int {
	n := 0
	for _, d := range r.Dimensions {
		if d.Scored {
			n++
		}
	}
	return n
}

// bar draws a score as ten cells, in characters a screen reader skips.
func bar(n int, scored bool) string {
	if !scored {
		return strings.Repeat(".", 10)
	}
	n = (n + 5) / 10
	return strings.Repeat("#", n) + strings.Repeat(".", 10-n)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
