package questions

import (
	"fmt"
	"strings"
	"testing"
)

// TestEngineWords: a set's [engine] table gives messages of the engine in
// its own words; check names an unknown id, a placeholder the engine fills
// that a message lacks, one it does not fill, and plural forms where the
// message says no count, each at its line.
func TestEngineWords(t *testing.T) {
	src := readSmall(t) + `
[engine]
text_verdict = "Veredicto: {title}"
text_answered = { one = "{answered} de {n} pregunta", other = "{answered} de {n} preguntas" }
band_strong = "solide pour {him}"
`
	s, err := Load("name.toml", []byte(src))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	w := s.BookFor(Picked{"he": "she", "him": "her", "his": "her"})
	if got := w.T("text_verdict", "title", "Sí"); got != "Veredicto: Sí" {
		t.Errorf("override: %q", got)
	}
	if got := w.T("text_answered", "answered", 1, "n", 1); got != "1 de 1 pregunta" {
		t.Errorf("plural override: %q", got)
	}
	if got := w.T("band_strong"); got != "solide pour her" {
		t.Errorf("the set's placeholder in a message: %q", got)
	}

	bad := readSmall(t) + `
[engine]
text_verdikt = "Veredicto: {title}"
text_verdict = "Veredicto"
text_why = "Por qué {reason}:"
text_steps = { one = "Paso", other = "Pasos" }
text_honest = 3
`
	c := Check("name.toml", []byte(bad))
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.String())
	}
	n := strings.Count(readSmall(t), "\n") + 2
	want := []string{
		lineMsg(n+1, `unknown message "text_verdikt" (did you mean "text_verdict"?)`),
		lineMsg(n+2, `message "text_verdict" lacks {title}, which the engine fills in`),
		lineMsg(n+3, `message "text_why" has {reason}, which the engine does not fill in; it fills none`),
		lineMsg(n+4, `message "text_steps" says no count, so it takes one text, not plural forms`),
		lineMsg(n+5, `message "text_honest": a message should be text in quotes, or a table of plural forms such as { one = "...", other = "..." }`),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func lineMsg(line int, msg string) string { return fmt.Sprintf("name.toml:%d: %s", line, msg) }

// TestLanguageWarning: a language amends has no words in works, with a
// warning; one that is no language tag is an error.
func TestLanguageWarning(t *testing.T) {
	src := strings.Replace(readSmall(t), `version = "0.1.0"`, "version = \"0.1.0\"\nlanguage = \"fr\"", 1)
	c := Check("name.toml", []byte(src))
	if c.Errors() != 0 || c.Warnings() != 1 || !strings.Contains(c.Problems[0].String(), `name.toml:5: warning: amends has no words of its own in "fr"`) {
		t.Errorf("%v", c.Problems)
	}
	src = strings.Replace(readSmall(t), `version = "0.1.0"`, "version = \"0.1.0\"\nlanguage = \"español\"", 1)
	if c := Check("name.toml", []byte(src)); c.Errors() != 1 || !strings.Contains(c.Problems[0].String(), `name.toml:5: language "español" is not a language tag`) {
		t.Errorf("%v", c.Problems)
	}
}
