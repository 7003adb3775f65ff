package report

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amends/score"
)

var lookDir = flag.String("look", "", "write the test reports to this `directory`, to look at")

// TestLook writes the reports the tests make to -look DIR, so that a
// person can look at every page:
//
//	go test ./report -run Look -look /tmp/look && pdftoppm -png -r 60 /tmp/look/hopeful.pdf /tmp/look/hopeful
func TestLook(t *testing.T) {
	if *lookDir == "" {
		t.Skip("writes reports to look at only when given -look DIR")
	}
	if err := os.MkdirAll(*lookDir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(*lookDir, name+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range goldenCases(t) {
		write(c.name, render(t, c.r, c.o))
	}
	write("handmade-hopeful", render(t, hopefulResult(), Options{}))
	write("handmade-safety", render(t, safetyResult(), Options{}))
	write("long", render(t, longResult(), Options{Appendix: true}))
	write("languages-letter", render(t, greekResult(), Options{Appendix: true, Paper: "letter"}))
	for _, c := range personaCases(t) {
		write(strings.ReplaceAll(c.name, "/", "-"), render(t, c.r, c.o))
	}
	for _, c := range goldenCases(t) {
		for name, f := range map[string]func(io.Writer, *score.Result, Options) error{".html": HTML, ".txt": PlainText} {
			var b bytes.Buffer
			if err := f(&b, c.r, c.o); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*lookDir, c.name+name), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
