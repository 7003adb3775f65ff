package report

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"amends/internal/file"
)

// A report is set in Noto Sans, which draws the Latin, Greek and Cyrillic
// scripts. A set in another script names a TrueType font that draws it
// (font = "FILE" in the set, or -font): the report is then set in that
// font alone, regular and bold, embedded in the PDF with the map that lets
// its text be copied. What a font cannot draw shows as an empty box, so
// amends check says which characters the font a set will get lacks.

// DefaultFontName is the name of the face a report is set in.
const DefaultFontName = "Noto Sans"

// DefaultFont returns the regular face a report is set in, as TrueType.
func DefaultFont() []byte { return append([]byte(nil), regularTTF...) }

// maxFont bounds a font file read: a font for a whole script (Chinese,
// Japanese) is a few tens of megabytes.
const maxFont = 64 << 20

// ReadFont reads the TrueType font at path, for a report to be set in,
// and returns it with its family name. It says so in one line when the
// file is no TrueType font gofpdf can embed.
func ReadFont(path string) ([]byte, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("%s: cannot read the font: %v", path, file.Cause(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFont+1))
	if err != nil {
		return nil, "", fmt.Errorf("%s: cannot read the font: %v", path, file.Cause(err))
	}
	if len(b) > maxFont {
		return nil, "", fmt.Errorf("%s: larger than %d MiB, too large for a font to embed", path, maxFont>>20)
	}
	name, err := fontName(b)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	return b, name, nil
}

// fontName checks that b is a TrueType font (glyphs in a glyf table, which
// is what gofpdf embeds; not PostScript outlines, not a collection) and
// returns its family name.
func fontName(b []byte) (string, error) {
	if len(b) < 4 || string(b[:4]) != "\x00\x01\x00\x00" && string(b[:4]) != "true" {
		return "", fmt.Errorf("not a TrueType font (.ttf); an OpenType font with PostScript outlines (.otf) or a collection (.ttc) cannot be embedded")
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		return "", fmt.Errorf("not a TrueType font amends can read (%v)", err)
	}
	name, err := f.Name(nil, sfnt.NameIDFamily)
	if err != nil || strings.TrimSpace(name) == "" {
		name = "the font"
	}
	return name, nil
}

// Coverage returns what says which characters of a text the TrueType
// font b cannot draw, each once, in order; space, line ends and the
// characters a report never prints do not count.
func Coverage(b []byte) (func(text string) []rune, error) {
	f, err := sfnt.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("not a TrueType font amends can read (%v)", err)
	}
	var buf sfnt.Buffer
	has := map[rune]bool{}
	return func(text string) []rune {
		var out []rune
		seen := map[rune]bool{}
		for _, r := range clean(text) {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFFFD' || seen[r] {
				continue
			}
			seen[r] = true
			ok, known := has[r]
			if !known {
				i, err := f.GlyphIndex(&buf, r)
				ok = err == nil && i != 0
				has[r] = ok
			}
			if !ok {
				out = append(out, r)
			}
		}
		return out
	}, nil
}
