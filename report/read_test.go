package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"amends/internal/pdftext"
)

// The PDFs are read back by internal/pdftext: pdfcpu, a reader nobody
// here wrote, validates them strictly, and its parsed objects give the
// page contents and each font's ToUnicode map, which pdftext applies the
// way a PDF viewer does when you copy text.

func init() {
	// pdfcpu would otherwise write a config directory under $HOME.
	model.ConfigPath = "disable"
}

// readPDF is a PDF as read by pdfcpu.
type readPDF struct {
	ctx   *model.Context
	pages []string // each page's text, a line per text-showing run
}

// text is the whole document's text with runs of white space as one space,
// so phrases wrapped across lines still match.
func (p *readPDF) text() string { return fold(strings.Join(p.pages, "\n")) }

func (p *readPDF) page(n int) string { return fold(p.pages[n-1]) }

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// read validates b strictly with pdfcpu and extracts its text.
func read(t testing.TB, b []byte) *readPDF {
	t.Helper()
	d, err := pdftext.Read(b)
	if err != nil {
		t.Fatalf("pdfcpu says the PDF is not valid: %v", err)
	}
	return &readPDF{ctx: d.Context, pages: d.Pages}
}

// bookmarks returns the outline's titles, depth first, children indented
// by two spaces.
func bookmarks(t testing.TB, b []byte) []string {
	t.Helper()
	bms, err := api.Bookmarks(bytes.NewReader(b), nil)
	if err != nil {
		t.Fatalf("pdfcpu cannot read the outline: %v", err)
	}
	var out []string
	var walk func([]pdfcpu.Bookmark, string)
	walk = func(bms []pdfcpu.Bookmark, indent string) {
		for _, bm := range bms {
			out = append(out, fmt.Sprintf("%s%s (page %d)", indent, bm.Title, bm.PageFrom))
			walk(bm.Kids, indent+"  ")
		}
	}
	walk(bms, "")
	return out
}
