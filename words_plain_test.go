package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpanishSetPlain(t *testing.T) {
	out, pdf := takePlain(t, spanishSet, spanishPlain)
	screen := seen(out)
	noLeaks(t, "the quiz", screen, englishEngine, builtinDomain, missingMessage)
	mustSay(t, "the quiz", out, "Qué pasó — pregunta 1 de 7", "Escribe un número de 1 a 4",
		"Esa era la última pregunta", "¿Guardar tu informe como PDF?", "Tu resultado: ",
		"tu informe en amends-informe-2026-11-25.pdf")
	doc := pdf.Text()
	noLeaks(t, "the report", doc, englishEngine, builtinDomain, missingMessage)
	mustSay(t, "the report", doc, "Después de un conflicto con Ana", "Tu informe", "25 de noviembre de 2026",
		"Dónde estás", "Disposición a cambiar", "7 de 10", "Próximos pasos", "Página 1 de", "Sobre este informe")
	if pdf.Lang != "es" {
		t.Errorf("the PDF's /Lang is %q, want es", pdf.Lang)
	}
}

// A name, the pronouns as written, a choice, a pick, a scale, a scale,
// five messages (which raises the set's flag), a line, the last look (the
// result), the report saved, the answers not kept.
const friendshipPlain = "Sam\n\n1\n1\n4\n4\n5\nSee you soon\n\n\n\n"

func TestFriendshipSetPlain(t *testing.T) {
	out, pdf := takePlain(t, friendshipSet, friendshipPlain)
	noLeaks(t, "the quiz", seen(out), builtinDomain, missingMessage)
	mustSay(t, "the quiz", out, "After a falling-out with your friend", "What do you call your friend?",
		"What happened — question 1 of 6", "Your result: Give them space for now")
	doc := pdf.Text()
	noLeaks(t, "the report", doc, builtinDomain, missingMessage)
	mustSay(t, "the report", doc, "After a falling-out with Sam", "Pressing for an answer", "Owning your part",
		"Where to find help", "Someone you trust", "Page 1 of")
	// No readiness asked, so no such section.
	if strings.Contains(doc, "Readiness to change") {
		t.Error("a set without readiness has a readiness section")
	}
	if pdf.Lang != "en" {
		t.Errorf("the PDF's /Lang is %q, want en", pdf.Lang)
	}
}

// TestScoreTextInSpanish: amends score prints a Spanish set's result in
// Spanish, with nothing of the engine's English.
func TestScoreTextInSpanish(t *testing.T) {
	h := newHome(t)
	answers := filepath.Join(h.work, "a.toml")
	src := "set = \"vecinos\"\nversion = \"1.0.0\"\n[words]\nvecino = \"Ana\"\n[answers]\nmotivo = \"ruido\"\nhecho = [\"nota\"]\nparte = 2\ntono = 3\nmomento = \"pensando\"\nimportancia = 4\n"
	if err := os.WriteFile(answers, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	set, _ := filepath.Abs(spanishSet)
	cmd := exec.Command(amendsBin(t), "score", "-set", set, "-answers", answers)
	cmd.Dir, cmd.Env = h.work, h.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("score: %v\n%s", err, out)
	}
	noLeaks(t, "score", seen(string(out)), englishEngine, builtinDomain, missingMessage)
	mustSay(t, "score", string(out), "Veredicto: Todavía no", "Respondiste 6 de las 7 preguntas", "En conjunto:")
}
