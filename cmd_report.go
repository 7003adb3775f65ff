package main

import (
	"io"
	"path/filepath"
	"strings"

	"amends/report"
)

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", stderr)
	answersPath := fs.String("answers", "", "the answers `file` to report on (written by amends take)")
	setPath := fs.String("set", "", "the question set `file` the answers belong to (default: the built-in set)")
	out := fs.String("o", "", "write the report to `file`: a PDF, or HTML when it ends in .html, or text when it ends in .txt")
	force := fs.Bool("force", false, "replace the report file if it exists")
	paper := fs.String("paper", "a4", "paper `size`: a4 or letter")
	appendix := fs.Bool("answers-appendix", false, "add your answers themselves at the end (anyone who opens the report can read them)")
	fullTitle := fs.Bool("full-title", false, "give the document the question set's title, which shows in window titles and lists of recent files (by default it is a neutral \"Report\")")
	comparePath := fs.String("compare", "", "an earlier answers `file` of the same set, to show each part then and now")
	lang := langFlag(fs)
	font := fontFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if err := checkLang("report", *lang, *setPath); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("report takes no arguments besides its flags; answers come from a file, never the command line")
	}
	if *answersPath == "" {
		return usagef("report needs -answers FILE")
	}
	if *out == "" {
		return usagef("report needs -o REPORT.pdf, the file to write")
	}
	p := strings.ToLower(*paper)
	if p != "a4" && p != "letter" {
		return usagef("report: -paper is a4 or letter, not %q", *paper)
	}
	if *setPath == "" && *lang == "" {
		// Both files in the words of the set the answers were given to.
		*lang = chooseBuiltin("", answersLanguage(*answersPath)).lang
	}
	r, err := scoreFile(*setPath, *lang, *answersPath, "report", stderr)
	if err != nil {
		return err
	}
	fontBytes, fontName, err := readFont(*font)
	if err != nil {
		return err
	}
	o := report.Options{
		Font:      fontBytes,
		FontName:  fontName,
		Paper:     p,
		Date:      reportDate(),
		Appendix:  *appendix,
		Kept:      absPath(*answersPath),
		FullTitle: *fullTitle,
	}
	if *comparePath != "" {
		then, err := scoreFile(*setPath, *lang, *comparePath, "comparison", stderr)
		if err != nil {
			return err
		}
		o.Compare = then
	}
	if err := report.WriteFile(*out, r, o, *force); err != nil {
		return err
	}
	printf(stdout, "%s\n", r.Words.T("quiz_report_in", "path", *out))
	return nil
}

// absPath is path made absolute, for a note that must make sense wherever
// the report is read; path itself when that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
