package quiz

import (
	"os"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"

	"amends/internal/text"
)

// How the terminal asker draws a prompt. Survey draws lists from its
// templates and breaks any line longer than the screen at the edge,
// mid-word, so the templates are replaced by ours, and every piece of
// text they show comes from a function of ours (the prompt's Description,
// which survey's templates may call) that wraps it, at spaces, to the
// width of the screen at the moment it is drawn. Survey keeps the keys,
// the paging and the erasing.

// hintSep separates the parts of a key hint.
const hintSep = " · "

// Styles by what they mark: bold for what is being asked and what was
// answered, faint for what helps. No hue but red for a problem: bright
// green and cyan read poorly on a light background, and bold and faint
// work on any.
var styles = map[string]string{
	"progress": "\x1b[2m",
	"question": "\x1b[1m",
	"hint":     "\x1b[2m",
	"help":     "",
	"problem":  "\x1b[31m",
	"focus":    "\x1b[1m",
	"answer":   "\x1b[1m",
	"result":   "\x1b[1m",
	"reset":    "\x1b[0m",
}

func init() {
	// Survey chooses between its two function maps as it does for its own
	// colours, so NO_COLOR, CLICOLOR and CLICOLOR_FORCE hold for ours too.
	core.TemplateFuncsWithColor["style"] = func(name string) string { return styles[name] }
	core.TemplateFuncsNoColor["style"] = func(string) string { return "" }
	survey.SelectQuestionTemplate = selectTemplate
	survey.MultiSelectQuestionTemplate = multiTemplate
}

// colour reports whether our own output may use colour, by survey's rule.
func colour() bool {
	if core.DisableColor {
		return false
	}
	forced := false
	if v, ok := os.LookupEnv("CLICOLOR_FORCE"); ok && v != "0" {
		forced = true
	}
	return forced || os.Getenv("NO_COLOR") == "" && os.Getenv("CLICOLOR") != "0"
}

// style wraps s in the named style when colour is on.
func style(name, s string) string {
	if !colour() || styles[name] == "" {
		return s
	}
	return styles[name] + strings.ReplaceAll(s, "\n", styles["reset"]+"\n"+styles[name]) + styles["reset"]
}

// The head of every prompt: where it is in the quiz, the question, its
// help when asked for, a problem with the last reply, the typed filter
// and the keys. Each piece comes wrapped from the prompt's Description
// (see list.describe).
const head = `
{{- with call .Description "progress" -1}}{{style "progress"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- style "question"}}? {{call .Description "question" -1}}{{style "reset"}}{{"\n"}}
{{- if .ShowHelp}}{{with call .Description "help" -1}}{{style "help"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}{{end}}
{{- with call .Description "problem" -1}}{{style "problem"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- with .FilterMessage}}{{style "hint"}}{{call $.Description . -2}}{{style "reset"}}{{"\n"}}{{end}}
{{- with call .Description (print "hint" .ShowHelp) -1}}{{style "hint"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}`

const selectTemplate = `
{{- define "option"}}
{{- if eq .SelectedIndex .CurrentIndex}}{{style "focus"}}> {{else}}  {{end}}
{{- call .Description "option" .CurrentOpt.Index}}{{style "reset"}}{{"\n"}}
{{- with call .Description "detail" .CurrentOpt.Index}}{{style "answer"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- end}}` + head + `
{{- range $ix, $option := .PageEntries}}{{template "option" $.IterateOption $ix $option}}{{end}}`

const multiTemplate = `
{{- define "option"}}
{{- if eq .SelectedIndex .CurrentIndex}}{{style "focus"}}>{{else}} {{end}}
{{- if index .Checked .CurrentOpt.Index}} [x] {{else}} [ ] {{end}}
{{- call .Description "option" .CurrentOpt.Index}}{{style "reset"}}{{"\n"}}
{{- end}}` + head + `
{{- range $ix, $option := .PageEntries}}{{template "option" $.IterateOption $ix $option}}{{end}}`

// answeredTemplate is what stays on screen once a prompt is answered.
const answeredTemplate = `
{{- with .Progress}}{{style "progress"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}
{{- if .Question}}? {{.Question}}{{with .Inline}} {{style "answer"}}{{.}}{{style "reset"}}{{end}}{{"\n"}}{{end}}
{{- with .Below}}{{style "answer"}}{{.}}{{style "reset"}}{{"\n"}}{{end}}`

type answered struct{ Progress, Question, Inline, Below string }

// answeredAt lays out a question and its answer in width w: the answer
// after the question's last line when it fits there, else below it.
func answeredAt(progress, question, answer string, w int) answered {
	a := answered{Question: hang(question, 2, w)}
	if progress != "" {
		a.Progress = text.Wrap(progress, "", w)
	}
	lines := strings.Split(a.Question, "\n")
	last := 2 + text.Width(lines[len(lines)-1])
	if !strings.Contains(answer, "\n") && last+1+text.Width(answer) <= w {
		a.Inline = answer
	} else {
		a.Below = text.Wrap(answer, "  ", w)
	}
	return a
}

// hang wraps s to width w for a place after a prefix of n columns that
// the template prints: the lines after the first are indented by n.
func hang(s string, n, w int) string {
	return text.Wrap(s, strings.Repeat(" ", n), w)[n:]
}

// lines counts the lines of s.
func lines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// list is what a list prompt shows; describe hands it to the templates.
type list struct {
	t        *Terminal
	progress string
	question string
	help     string
	keys     []string // the keys to name in the hint
	paged    int      // when not every option fits at once, how many there are
	problem  string
	labels   []string // one line each
	short    []string // the labels as an answer shows them, when not labels
	details  []string // a line under an option, such as a review's answer
	indent   int      // the columns before a label: 2 for a list, 6 for boxes
	noHelp   bool     // help is only the words that there is none
}

// describe is the Description of a list's survey prompt. Survey's own
// templates call it for an option's description; ours call it for every
// piece of text: an option (i >= 0, key "option" or "detail"), a part of
// the head (i == -1, key its name), or the line about a typed filter
// (i == -2, key the filter).
func (l *list) describe(key string, i int) string {
	w := l.t.width()
	switch {
	case i >= 0 && i < len(l.labels) && key == "option":
		return hang(l.labels[i], l.indent, w)
	case i >= 0 && i < len(l.details) && key == "detail" && l.details[i] != "":
		return text.Wrap(l.details[i], strings.Repeat(" ", l.indent+2), w)
	case i == -2:
		return text.Wrap(l.t.w.T("term_filtering", "filter", strings.TrimSpace(key)), "  ", w)
	case i != -1:
		return ""
	}
	switch key {
	case "progress":
		if l.progress != "" {
			return text.Wrap(l.progress, "", w)
		}
	case "question":
		return hang(l.question, 2, w)
	case "help":
		return text.Wrap(l.help, "  ", w)
	case "problem":
		if l.problem != "" {
			return text.Wrap(l.problem, "  ", w)
		}
	case "hintfalse", "hinttrue": // with the help on screen or not
		return foldHint(l.hintLine(key == "hinttrue"), w)
	}
	return ""
}

// pageSize is how many options fit on the screen below the head, taller
// options counted first, so that a prompt never scrolls off the top
// (survey cannot erase what has).
func (l *list) pageSize() int {
	rows := l.t.rows()
	w := l.t.width()
	used := 1 + lines(l.describe("question", -1)) + lines(l.describe("progress", -1)) +
		lines(l.describe("hintfalse", -1)) + lines(l.describe("help", -1)) + 2 // a problem or a filter
	heights := make([]int, len(l.labels))
	for i := range l.labels {
		heights[i] = lines(l.describe("option", i)) + lines(l.describe("detail", i))
	}
	// The tallest first: any page of that many fits.
	for i := range heights {
		for j := i + 1; j < len(heights); j++ {
			if heights[j] > heights[i] {
				heights[i], heights[j] = heights[j], heights[i]
			}
		}
	}
	n, room := 0, rows-used
	for _, h := range heights {
		if room < h {
			break
		}
		room -= h
		n++
	}
	_ = w
	return max(n, 1)
}

// hintLine says which keys do what, and "? help" until the help is shown.
func (l *list) hintLine(helpShown bool) string {
	parts := append([]string{}, l.keys...)
	if l.paged > 0 {
		parts = append(parts, l.t.w.T("term_more", "n", l.paged))
	}
	if l.help != "" && !l.noHelp && !helpShown {
		parts = append(parts, l.t.w.T("term_help"))
	}
	return hints(parts...)
}

// answer is option i as an answer shows it.
func (l *list) answer(i int) string {
	switch {
	case i >= 0 && i < len(l.short):
		return l.short[i]
	case i >= 0 && i < len(l.labels):
		return l.labels[i]
	}
	return ""
}

// foldHint wraps a key hint between its parts where it can, so that a
// key and what it does stay on one line.
func foldHint(hint string, w int) string {
	var lines []string
	cur := ""
	for _, part := range strings.Split(hint, hintSep) {
		switch {
		case cur == "":
			cur = part
		case text.Width("  "+cur+hintSep+part) <= w:
			cur += hintSep + part
		default:
			lines = append(lines, cur)
			cur = part
		}
	}
	lines = append(lines, cur)
	for i, l := range lines {
		lines[i] = text.Wrap(l, "  ", w)
	}
	return strings.Join(lines, "\n")
}

// hints joins the parts of a key hint.
func hints(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, hintSep)
}

// helpOrNone is the help "?" shows: a question without any says so,
// rather than take "?" for filter text.
func (l *list) helpOrNone() string {
	if l.help == "" {
		l.help, l.noHelp = l.t.w.T("term_no_help"), true
	}
	return l.help
}

// selectPrompt is survey's Select drawn from our templates.
type selectPrompt struct {
	*survey.Select
	l *list
}

func newSelect(l *list, def int) selectPrompt {
	s := &survey.Select{Message: l.question, Options: l.labels, Default: def, Filter: neverEmpty(l.labels), Description: l.describe}
	s.Help = l.helpOrNone()
	return selectPrompt{s, l}
}

// Error keeps a problem with a reply for the prompt that is drawn again,
// rather than print survey's own message, which stays on screen.
func (p selectPrompt) Error(_ *survey.PromptConfig, err error) error {
	p.l.problem = err.Error()
	return nil
}

// Cleanup leaves the question and the answer on screen.
func (p selectPrompt) Cleanup(_ *survey.PromptConfig, val any) error {
	ans := ""
	if o, ok := val.(core.OptionAnswer); ok {
		ans = p.l.answer(o.Index)
	}
	p.NewCursor().Restore()
	return p.Render(answeredTemplate, answeredAt(p.l.progress, p.l.question, ans, p.l.t.width()))
}

// multiPrompt is survey's MultiSelect drawn from our templates.
type multiPrompt struct {
	*survey.MultiSelect
	l *list
}

func newMulti(l *list, def []int) multiPrompt {
	m := &survey.MultiSelect{Message: l.question, Options: l.labels, Default: def, Filter: neverEmpty(l.labels), Description: l.describe}
	m.Help = l.helpOrNone()
	return multiPrompt{m, l}
}

func (p multiPrompt) Error(_ *survey.PromptConfig, err error) error {
	p.l.problem = err.Error()
	return nil
}

// PromptAgain asks again after a problem, keeping what was ticked.
func (p multiPrompt) PromptAgain(c *survey.PromptConfig, invalid any, _ error) (any, error) {
	picked := []int{}
	if list, ok := invalid.([]core.OptionAnswer); ok {
		for _, o := range list {
			picked = append(picked, o.Index)
		}
	}
	p.Default = picked
	return p.MultiSelect.Prompt(c)
}

func (p multiPrompt) Cleanup(_ *survey.PromptConfig, val any) error {
	var picked []string
	if list, ok := val.([]core.OptionAnswer); ok {
		for _, o := range list {
			picked = append(picked, p.l.answer(o.Index))
		}
	}
	ans := strings.Join(picked, "; ")
	if ans == "" {
		ans = p.l.t.w.T("term_none_ticked")
	}
	p.NewCursor().Restore()
	return p.Render(answeredTemplate, answeredAt(p.l.progress, p.l.question, ans, p.l.t.width()))
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
