//go:build !windows

package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The two sets of words_e2e_test.go in the terminal, survey and all:
// everything the program wrote up to the last answer, escapes taken out,
// the screen it leaves, and the report it saved.

func TestSpanishSetTerminal(t *testing.T) {
	h := newHome(t)
	set, _ := filepath.Abs(spanishSet)
	r := startPty(t, amendsBin(t), h, "take", "-set", set)
	r.step("¿Cómo quieres llamar a tu vecino", "Ana", kEnter)
	r.step("pregunta 1 de 7", kEnter)         // Ruido
	r.step("pregunta 2 de 7", kSpace, kEnter) // Levanté la voz
	r.step("pregunta 3 de 7", kDown, kDown, kDown, kEnter)
	r.step("pregunta 4 de 7", kDown, kDown, kEnter)
	r.step("pregunta 5 de 7", kDown, kEnter)
	r.step("pregunta 6 de 7", kDown, kDown, kDown, kEnter)
	r.step("pregunta 7 de 7", "Hola", kEnter)
	r.step("Esa era la última pregunta", kEnter)      // the result
	r.step("¿Guardar tu informe como PDF?", kEnter)   // Sí, as offered
	r.step("¿Guardar también tus respuestas", kEnter) // No
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	all := seen(r.raw.String())
	noLeaks(t, "the terminal", all, englishEngine, builtinDomain, missingMessage)
	noLeaks(t, "the last screen", seen(r.screen()), englishEngine, builtinDomain, missingMessage)
	mustSay(t, "the terminal", all, "Intro elegir", "Mayús+Tab atrás", "Tu resultado: ")
	mustSay(t, "the screen", r.screen(), "tu informe en")
	pdf := readReport(t, filepath.Join(h.work, "amends-informe-2026-11-25.pdf"))
	noLeaks(t, "the report", pdf.Text(), englishEngine, builtinDomain, missingMessage)
	mustSay(t, "the report", pdf.Text(), "Después de un conflicto con Ana", "3 de 10")
}

func TestFriendshipSetTerminal(t *testing.T) {
	h := newHome(t)
	set, _ := filepath.Abs(friendshipSet)
	r := startPty(t, amendsBin(t), h, "take", "-set", set)
	r.step("What do you call your friend?", "Sam", kEnter)
	r.step("Which words should they use?", kDown, kEnter) // she, her, her
	r.step("question 1 of 6", kDown, kEnter)
	r.step("question 2 of 6", kSpace, kEnter) // Said sorry
	r.step("question 3 of 6", kDown, kDown, kDown, kEnter)
	r.step("question 4 of 6", kDown, kDown, kDown, kEnter)
	r.step("question 5 of 6", kDown, kEnter) // one message
	r.step("question 6 of 6", kEnter)
	r.step("That was the last question", kEnter)
	r.step("Save your report as a PDF?", kEnter)
	r.step("Keep your answers in a file too", kEnter)
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, r.screen())
	}
	all := seen(r.raw.String())
	noLeaks(t, "the terminal", all, builtinDomain, missingMessage)
	noLeaks(t, "the last screen", seen(r.screen()), builtinDomain, missingMessage)
	mustSay(t, "the terminal", all, "Enter pick", "Your result: ")
	pdf := readReport(t, filepath.Join(h.work, "amends-report-2026-11-25.pdf"))
	noLeaks(t, "the report", pdf.Text(), builtinDomain, missingMessage)
	mustSay(t, "the report", pdf.Text(), "After a falling-out with Sam", "Hearing her out")
	if strings.Contains(pdf.Text(), "{") {
		t.Errorf("a placeholder is left in the report:\n%s", pdf.Text())
	}
}
