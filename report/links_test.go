package report

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
)

func TestFindLinks(t *testing.T) {
	calls := []string{"call", "text"}
	for _, c := range []struct {
		in   string
		want string // the links, "text=uri" separated by "|"
	}{
		{"Visit findahelpline.com, or https://example.org/help.", "findahelpline.com=https://findahelpline.com|https://example.org/help=https://example.org/help"},
		{"Call 0808\u00a0802\u00a04040, freephone.", "0808\u00a0802\u00a04040=tel:08088024040"},
		{"1-800-799-7233, or text START to 88788", "1-800-799-7233=tel:18007997233|88788=tel:88788"},
		{"call or text 988 (Suicide & Crisis Lifeline)", "988=tel:988"},
		{"write to help@example.org today", "help@example.org=mailto:help@example.org"},
		// Not links: scores, dates, versions, hashes, e.g.
		{"68 out of 100, on 25 November 2026, version 1.0.0", ""},
		{"(sha256:3f1a9c0b7e2d4a6f8b0c1d2e3f405162)", ""},
		{"e.g. this, i.e. that; 911, 999, 112 or 000", ""},
	} {
		var got []string
		for _, s := range findLinks(c.in, linker{calls: calls}) {
			got = append(got, c.in[s.start:s.end]+"="+s.uri)
		}
		if g := join(got); g != c.want {
			t.Errorf("findLinks(%q) = %q, want %q", c.in, g, c.want)
		}
	}
}

// TestPhoneLinks: the numbers of a resource's phone are phone numbers,
// however short; other numbers on its line (its hours) are not.
func TestPhoneLinks(t *testing.T) {
	for _, c := range []struct{ phone, line, want string }{
		{"024", "024 · 24 horas, gratis", "024=tel:024"},
		{"016, o WhatsApp 600 000 016", "016, o WhatsApp 600 000 016 · 24 horas", "016=tel:016|600\u00a0000\u00a0016=tel:600000016"},
		{"*4141", "*4141 · every day", "*4141=tel:*4141"},
		{"call or text 988", "call or text 988 · 24/7", "988=tel:988"},
		{"llama al 988 y marca el 2", "llama al 988 y marca el 2 · 24 horas", "988=tel:988"},
	} {
		var got []string
		b := bindNumbers(c.line)
		for _, s := range findLinks(b, linker{phones: phoneNumbers(c.phone)}) {
			got = append(got, b[s.start:s.end]+"="+s.uri)
		}
		if g := join(got); g != c.want {
			t.Errorf("phone %q on %q: %q, want %q", c.phone, c.line, g, c.want)
		}
	}
}

func join(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(x)
	}
	return b.String()
}

func TestBindNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"call 0808 802 4040 now":  "call 0808\u00a0802\u00a04040 now",
		"Lifeline, 13 11 14, day": "Lifeline, 13\u00a011\u00a014, day",
		"answered 12 of 14":       "answered 12 of 14",
		"25 November 2026":        "25 November 2026",
	} {
		if got := bindNumbers(in); got != want {
			t.Errorf("bindNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSmartQuotes(t *testing.T) {
	for in, want := range map[string]string{
		`He said "no" and I didn't listen.`: "He said “no” and I didn’t listen.",
		`'Not sure' counts`:                 "‘Not sure’ counts",
		`back in the '90s`:                  "back in the ’90s",
		`(“already curly”)`:                 "(“already curly”)",
	} {
		if got := smartQuotes(in); got != want {
			t.Errorf("smartQuotes(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPDFLinks: the PDF's web addresses, phone numbers and contents are
// link annotations, written so that a strict reader accepts them.
func TestPDFLinks(t *testing.T) {
	b := render(t, safetyResult(), Options{})
	read(t, b) // strict validation
	for _, uri := range []string{"tel:08088024040", "tel:18007997233", "https://thehotline.org"} {
		if !bytes.Contains(b, []byte("/URI ("+uri+")")) {
			t.Errorf("no link to %s", uri)
		}
	}
	// The contents (on page 1 or 2 of the hopeful report) link to the
	// sections' pages.
	h := render(t, hopefulResult(), Options{})
	read(t, h)
	dests := regexp.MustCompile(`/Dest \[(\d+) 0 R /XYZ 0 [\d.]+ null\]`).FindAllSubmatch(h, -1)
	if len(dests) < 6 {
		t.Fatalf("%d links to sections; want one per contents entry", len(dests))
	}
	for _, d := range dests {
		if !bytes.Contains(h, []byte(fmt.Sprintf("\n%s 0 obj\n<</Type /Page", d[1]))) {
			t.Errorf("a link goes to object %s, which is no page", d[1])
		}
	}
	// The links are an incremental update: every byte gofpdf wrote stays.
	if n := bytes.Count(h, []byte("%%EOF")); n != 2 {
		t.Errorf("%d ends of file; want gofpdf's and the update's", n)
	}
}
