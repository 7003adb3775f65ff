package main

import (
	"flag"
	"slices"
	"strings"

	"amends/internal/words"
	"amends/questions"
	"amends/report"
)

// fontFlag adds -font to a command's flags.
func fontFlag(fs *flag.FlagSet) *string {
	return fs.String("font", "", "set the report in the TrueType font `FILE.ttf`, for a script the report's own font cannot draw (default: the set's font = , else Noto Sans)")
}

// readFont reads the font -font names, if any.
func readFont(path string) ([]byte, string, error) {
	if path == "" {
		return nil, "", nil
	}
	return report.ReadFont(path)
}

// checkGlyphs warns when the font a report of the set would be set in
// (fontPath, else the set's font, else the report's own) cannot draw what
// the set says, or what the engine says in its language.
func checkGlyphs(c *questions.Checked, fontPath string) {
	if c.Set == nil {
		return
	}
	b, name := report.DefaultFont(), report.DefaultFontName
	switch {
	case fontPath != "":
		fb, fn, err := report.ReadFont(fontPath)
		if err != nil {
			return // said by the command before the check
		}
		b, name = fb, fn
	case c.Set.FontPath() != "":
		fb, fn, err := report.ReadFont(c.Set.FontPath())
		if err != nil {
			c.Add("font", err.Error(), false)
			return
		}
		b, name = fb, fn
	}
	missing, err := report.Coverage(b)
	if err != nil {
		c.Add("font", err.Error(), false)
		return
	}
	c.Glyphs(name, missing, engineWords(c.Set.Book()))
}

// reportWords are the prefixes of the messages a report may print.
var reportWords = []string{"report_", "band_", "help_", "why_", "answer_", "text_because", "date", "month_"}

// engineWords are the engine's messages a report may print, as the set's
// book has them, and the digits its numbers are written with. (What only
// the terminal says, a font for the PDF need not draw.)
func engineWords(b *words.Book) []string {
	out := []string{"0123456789"}
	for _, id := range words.IDs() {
		if !slices.ContainsFunc(reportWords, func(p string) bool { return strings.HasPrefix(id, p) }) {
			continue
		}
		m, _ := b.Msg(id)
		for _, f := range m.Forms {
			out = append(out, f)
		}
	}
	return out
}
