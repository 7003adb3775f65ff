package questions

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// addSeeds adds the built-in set and small.toml to f's seeds, and with
// corpus every file of the toml-test corpus.
func addSeeds(f *testing.F, corpus bool) {
	f.Add(BuiltinSource())
	if b, err := os.ReadFile("testdata/small.toml"); err == nil {
		f.Add(b)
	}
	if !corpus {
		return
	}
	for _, path := range corpusFiles(f) {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
}

// watchdog crashes a fuzzing run whose input takes over a minute, so that
// the fuzzer keeps an input that hangs (go test's fuzzer has no time limit
// of its own per input). It does nothing outside -fuzz: the seeds run as
// ordinary tests, where a slow machine or the race detector must not turn
// into a failure, and go test's own -timeout still catches a real hang.
func watchdog(what string, src any) (stop func()) {
	if f := flag.Lookup("test.fuzz"); f == nil || f.Value.String() == "" {
		return func() {}
	}
	t := time.AfterFunc(time.Minute, func() { panic(fmt.Sprintf("%s took over a minute on %q", what, src)) })
	return func() { t.Stop() }
}

// FuzzLoad checks that Load and the logic check never panic, and that Load returns either a set whose
// every condition can be evaluated, or an *Error whose every problem names
// the file. Seeds: the built-in set, small.toml and the toml-test corpus.
func FuzzLoad(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, src []byte) {
		// A load that hangs is a failure too: crash, so that the fuzzer
		// keeps the input.
		defer watchdog("Load", src)()
		s, err := Load("fuzz.toml", src)
		// The logic check looks into any set, in error or not, without
		// scoring (package score is not here): it must not panic either.
		Check("fuzz.toml", src).Logic(nil)
		if err != nil {
			if s != nil {
				t.Fatal("both a set and an error")
			}
			var e *Error
			if !errors.As(err, &e) || len(e.Problems) == 0 {
				t.Fatalf("error %T %q, want an *Error with problems", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.toml") {
					t.Fatalf("problem does not name the file: %q", line)
				}
				if !utf8.ValidString(line) || strings.ContainsFunc(line, func(r rune) bool { return r < ' ' || r == 0x7f }) {
					t.Fatalf("problem holds a control character or bad UTF-8: %q", line)
				}
			}
			return
		}
		if s == nil {
			t.Fatal("no set and no error")
		}
		exercise(t, s)
	})
}

// exercise uses a loaded set as the quiz and the report would: every
// condition on an empty environment and on one with an answer to every
// question, every text filled, every answer displayed.
func exercise(t *testing.T, s *Set) {
	t.Helper()
	empty := s.Env(nil, nil)
	answers := map[string]any{}
	for _, q := range s.Questions() {
		lo, hi := s.Range(q)
		var v any
		switch q.Kind {
		case KindChoice:
			v = q.Options[len(q.Options)-1].Value
		case KindMulti:
			var l []any
			for _, o := range q.Options[:max(lo, 1)] {
				l = append(l, o.Value)
			}
			v = l
		case KindScale, KindNumber:
			v = int64(hi)
		case KindText:
			v = "some words \x1b[31m"
		}
		n, err := s.Normalize(q, v)
		if err != nil {
			t.Fatalf("question %q: a valid answer %v refused: %v", q.ID, v, err)
		}
		answers[q.ID] = n
		s.Display(q, n, Picked{})
		_ = lo
	}
	full := s.Env(answers, &Facts{Dims: map[string]float64{}, Flags: map[string]bool{}, Verdict: "x"})
	var conds []*Cond
	for _, sec := range s.Sections {
		conds = append(conds, sec.When)
		for _, q := range sec.Questions {
			conds = append(conds, q.When)
			s.Fill(q.Text, Picked{"he": "she"})
		}
	}
	for _, x := range s.Flags {
		conds = append(conds, x.When)
	}
	for _, x := range s.Verdicts {
		conds = append(conds, x.When)
	}
	for _, x := range s.Steps {
		conds = append(conds, x.When)
	}
	for _, x := range s.Resources {
		conds = append(conds, x.When)
	}
	for _, x := range s.Honest {
		conds = append(conds, x.When)
	}
	for _, c := range conds {
		if c != nil && c.prog == nil {
			t.Fatalf("condition %q was not compiled", c.Src)
		}
		c.Holds(empty)
		c.Holds(full)
	}
	if last := s.Verdicts[len(s.Verdicts)-1]; !last.When.Holds(empty) || !last.When.Holds(full) {
		t.Fatalf("the last verdict %q does not always hold", last.ID)
	}
}

// FuzzPositions checks that the position scanner ends on any text, and
// finds a line for every key of a document the toml package accepts.
func FuzzPositions(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, src []byte) {
		p := scanPositions(string(src))
		if tooDeepLine, msg := tooDeep(string(src)); msg != "" || !utf8.Valid(src) || len(src) > 1<<16 {
			_ = tooDeepLine
			return
		}
		var m map[string]any
		if _, err := toml.Decode(string(src), &m); err != nil {
			return
		}
		lines := strings.Count(string(src), "\n") + 1
		walkKeys(m, "", func(path string) {
			l, ok := p.lines[path]
			if !ok {
				// toml v1.6.0 decodes an array of arrays of tables into
				// maps as one array of tables, so a path may lose an index.
				l = p.lineOfPattern(withoutIndices(path))
			}
			if l < 1 || l > lines {
				t.Fatalf("key %q: line %d, want one of 1..%d, in:\n%s", path, l, lines, src)
			}
		})
	})
}

// walkKeys calls fn with the concrete path of every key in v.
func walkKeys(v any, path string, fn func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := join(path, k)
			fn(p)
			walkKeys(e, p, fn)
		}
	case []map[string]any:
		for i, e := range v {
			walkKeys(e, join(path, strconv.Itoa(i)), fn)
		}
	case []any:
		for i, e := range v {
			walkKeys(e, join(path, strconv.Itoa(i)), fn)
		}
	}
}

// FuzzChunks checks that decoding a set a few sections at a time gives the
// same Set as decoding it whole, and never accepts what the whole decode
// refuses. Pieces are cut small here so that small inputs are cut at all.
func FuzzChunks(f *testing.F) {
	addSeeds(f, false)
	f.Add([]byte("[[section]]\nid = \"a\"\n[[verdict]]\nid = \"v\"\n[[section]]\nid = \"b\"\n[[verdict]]\nid = \"w\"\n"))
	f.Add([]byte("[scale.a]\nlabels = [\"x\"]\n[[section]]\nid = \"a\"\n[scale.b]\nlabels = [\"y\"]\n[[section]]\nid = \"b\"\n"))
	f.Add([]byte("verdict = [{id = \"v\"}]\n[[section]]\nid = \"a\"\n[[verdict]]\nid = \"w\"\n"))
	f.Add([]byte("[[section]]\nid = \"a\"\nintro = \"\"\"\n[[section]]\n\"\"\"\n[[section]]\nid = \"b\"\n[[section.question]]\nid = \"q\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) {
			return
		}
		text := string(src)
		if _, msg := tooDeep(text); msg != "" {
			return
		}
		defer func(n int) { chunkSize = n }(chunkSize)
		chunkSize = 16
		got, ok := decodeChunks(text)
		if !ok {
			return
		}
		var raw map[string]any
		if _, err := toml.Decode(text, &raw); err != nil {
			t.Fatalf("decoded in pieces, but whole it is not valid TOML: %v", err)
		}
		v := &validator{name: "fuzz.toml", src: text, raw: raw}
		want := &Set{}
		decode(raw, reflect.ValueOf(want).Elem(), "", v)
		if len(v.problems) > 0 {
			t.Fatalf("decoded in pieces, but whole it has problems: %v", v.err())
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("in pieces:\n%+v\nwhole:\n%+v", got, want)
		}
	})
}
