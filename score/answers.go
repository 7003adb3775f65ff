package score

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"amends/internal/file"
	"amends/internal/text"
	"amends/questions"
)

// Answers are one person's answers to one set.
type Answers struct {
	Set     string `toml:"set" json:"set"`
	Version string `toml:"version" json:"version"`
	Hash    string `toml:"hash" json:"hash"`
	// Words are the words the person picked for the set's placeholders.
	Words questions.Picked `toml:"words" json:"words,omitempty"`
	// Values maps a question id to its answer: a string (choice, text),
	// a []string (multi) or an int (scale, number). A question left
	// unanswered has no entry.
	Values map[string]any `toml:"answers" json:"answers"`
	// Carried is the version of the set the answers were given to, when
	// ReadAnswers took them for a later one because every question they
	// answer is the same in it; "" otherwise.
	Carried string `toml:"-" json:"-"`
}

// NewAnswers returns empty answers for s.
func NewAnswers(s *questions.Set) *Answers {
	return &Answers{Set: s.ID, Version: s.Version, Hash: s.Hash, Values: map[string]any{}}
}

// MaxAnswersSize is the largest answers file read.
const MaxAnswersSize = 1 << 20

// AnswersError is every problem of an answers file, one located line each.
type AnswersError = questions.Error

// ReadAnswers reads an answers file written by Answers.Encode (or by a
// person) and checks every answer against s. name is used in messages.
// Answers to questions whose conditions no longer hold are kept; scoring
// ignores them. The Hash of the result is the one the file recorded, so
// that a caller can tell when the set has changed since (Changed).
func ReadAnswers(name string, r io.Reader, s *questions.Set) (*Answers, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxAnswersSize+1))
	if err != nil {
		return nil, problem(name, 0, "cannot read: %v", file.Cause(err))
	}
	if len(src) > MaxAnswersSize {
		return nil, problem(name, 0, "file is larger than 1 MiB; an answers file is a small text file")
	}
	var raw struct {
		Set     string            `toml:"set"`
		Version string            `toml:"version"`
		Hash    string            `toml:"hash"`
		Words   map[string]string `toml:"words"`
		Partner questions.Partner `toml:"partner"` // the old form of words
		Answers map[string]any    `toml:"answers"`
		// Fingerprints are what each answered question said (see
		// questions.Set.Fingerprint), so that a later version of the
		// set can tell which it still asks the same.
		Fingerprints map[string]string `toml:"fingerprints"`
	}
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := max(pe.Position.Line, 1)
			if strings.Contains(pe.Message, `got '\n'`) && line > 1 {
				line-- // the parser stands on the next line when a line ends too soon
			}
			return nil, problem(name, line, "not valid TOML: %s", strings.Join(strings.Fields(pe.Message), " "))
		}
		return nil, problem(name, 0, "%s", strings.TrimPrefix(err.Error(), "toml: "))
	}
	line := questions.KeyLines(string(src))
	var probs []questions.Problem
	add := func(l int, format string, a ...any) {
		probs = append(probs, questions.Problem{File: name, Line: l, Msg: fmt.Sprintf(format, a...)})
	}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && k[0] == "answers" {
			continue
		}
		add(line(k.String()), "unknown key %q", k.String())
	}
	switch {
	case raw.Set == "":
		add(0, "no set id; the file should start with set = %q", s.ID)
	case raw.Set != s.ID:
		// Every answer would be checked against the wrong questions:
		// the one line that matters is this one.
		return nil, problem(name, line("set"), "these answers are for set %q, not %q; pass -set with the file they were given to", raw.Set, s.ID)
	case raw.Version != "" && raw.Version != s.Version && len(raw.Fingerprints) == 0:
		return nil, problem(name, line("version"), "these answers are for version %s of %q, not %s; pass -set with that version's file", raw.Version, s.ID, s.Version)
	}
	// Answers given to another version count when every question they
	// answer asks the same in this one, as the fingerprints kept with
	// them tell.
	carried := raw.Version != "" && raw.Version != s.Version
	a := &Answers{Set: s.ID, Version: s.Version, Hash: raw.Hash, Words: PickedWords(s, raw.Words, raw.Partner), Values: map[string]any{}}
	for _, k := range slices.Sorted(maps.Keys(raw.Words)) {
		if s.Group(k) == nil {
			add(line("words."+k), "word %q is none of the set's placeholders%s", k, questions.Suggest(k, groupNames(s)))
		}
	}
	if a.Hash == "" {
		a.Hash = s.Hash
	}
	for _, id := range slices.Sorted(maps.Keys(raw.Answers)) {
		q := s.Question(id)
		if q == nil {
			q = s.Renamed(id) // a question renamed since
			if _, twice := raw.Answers[s.Renames[id]]; q != nil && twice {
				add(line("answers."+id), "%q is %q now, which is answered too; keep one of the two", id, q.ID)
				continue
			}
		}
		if q == nil {
			if carried {
				add(line("answers."+id), "question %q is not in version %s of %q%s; answer again with amends take, or pass -set with version %s's file", id, s.Version, s.ID, questions.Suggest(id, ids(s)), raw.Version)
			} else {
				add(line("answers."+id), "answer to unknown question %q%s", id, questions.Suggest(id, ids(s)))
			}
			continue
		}
		if carried && raw.Fingerprints[id] != s.Fingerprint(q) {
			add(line("answers."+id), "question %q asks something else in version %s than in %s, which these answers were given to; answer it again with amends take, or pass -set with version %s's file", id, s.Version, raw.Version, raw.Version)
			continue
		}
		v, err := s.Normalize(q, raw.Answers[id])
		if err != nil {
			add(line("answers."+id), "answer to %q: %v", id, err)
			continue
		}
		a.Values[q.ID] = v
	}
	if carried {
		a.Carried = raw.Version
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, &questions.Error{Problems: probs}
	}
	return a, nil
}

// Changed reports whether the answers were given to a different text of
// the set than s, though its id and version are the same.
func (a *Answers) Changed(s *questions.Set) bool { return !s.SameText(a.Hash) }

// ReadAnswersFile opens path and reads it with ReadAnswers.
func ReadAnswersFile(path string, s *questions.Set) (*Answers, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, problem(path, 0, "cannot read: %v", file.Cause(err))
	}
	defer f.Close()
	return ReadAnswers(path, f, s)
}

// Encode writes the answers as TOML, in the set's asking order, each with
// the question's text as a comment so that the file reads on its own.
func (a *Answers) Encode(w io.Writer, s *questions.Set) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Answers to “%s”, kept by amends. They are private: anyone who can read\n", text.OneLine(s.Fill(s.Title, a.Words)))
	fmt.Fprintf(&b, "# this file can read them. Delete it when you no longer need it.\n")
	fmt.Fprintf(&b, "set = %s\nversion = %s\nhash = %s\n", Quote(a.Set), Quote(a.Version), Quote(a.Hash))
	WriteTables(&b, s, a.Words, a.Values, true)
	writeFingerprints(&b, s, a.Values)
	_, err := w.Write(b.Bytes())
	return err
}

// writeFingerprints writes what each answered question said, so that a
// later version of the set can take the answers when it asks the same.
func writeFingerprints(b *bytes.Buffer, s *questions.Set, values map[string]any) {
	if len(values) == 0 {
		return
	}
	b.WriteString("\n# What each question answered said, so that a later version of the set\n# can take these answers for the questions it still asks the same.\n[fingerprints]\n")
	for _, q := range s.Questions() {
		if _, ok := values[q.ID]; ok {
			fmt.Fprintf(b, "%s = %s\n", q.ID, Quote(s.Fingerprint(q)))
		}
	}
}

// WriteTables writes the [words] table, when p has any, and the [answers]
// table, in the asking order of s (or by id when s is nil), with each
// question's text as a comment when comments is set: the part of an
// answers file that a progress file shares.
func WriteTables(b *bytes.Buffer, s *questions.Set, p questions.Picked, values map[string]any, comments bool) {
	if len(p) > 0 {
		b.WriteString("\n[words]\n")
		for _, k := range slices.Sorted(maps.Keys(p)) {
			fmt.Fprintf(b, "%s = %s\n", k, Quote(p[k]))
		}
	}
	b.WriteString("\n[answers]\n")
	var order []string
	if s != nil {
		for _, q := range s.Questions() {
			if _, ok := values[q.ID]; ok {
				order = append(order, q.ID)
			}
		}
	} else {
		order = slices.Sorted(maps.Keys(values))
	}
	for _, id := range order {
		if comments && s != nil {
			fmt.Fprintf(b, "# %s\n", text.OneLine(s.Fill(s.Question(id).Text, p)))
		}
		switch x := values[id].(type) {
		case string:
			fmt.Fprintf(b, "%s = %s\n", id, Quote(x))
		case []string:
			parts := make([]string, len(x))
			for i, e := range x {
				parts[i] = Quote(e)
			}
			fmt.Fprintf(b, "%s = [%s]\n", id, strings.Join(parts, ", "))
		case int:
			fmt.Fprintf(b, "%s = %d\n", id, x)
		}
	}
}

// Quote quotes s as a TOML basic string.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func problem(name string, line int, format string, a ...any) error {
	return &questions.Error{Problems: []questions.Problem{{File: name, Line: line, Msg: fmt.Sprintf(format, a...)}}}
}

func ids(s *questions.Set) []string {
	qs := s.Questions()
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

// PickedWords returns the words a file kept for the placeholders of s:
// its [words] table, or an old file's [partner] table, cleaned, and only
// those the set has.
func PickedWords(s *questions.Set, w map[string]string, old questions.Partner) questions.Picked {
	p := questions.Picked(w).Clean()
	if len(p) == 0 {
		p = old.Picked().Clean()
	}
	for k := range p {
		if s.Group(k) == nil {
			delete(p, k)
		}
	}
	if len(p) == 0 {
		return nil
	}
	return p
}

func groupNames(s *questions.Set) []string {
	var out []string
	for _, g := range s.Words {
		out = append(out, g.Names...)
	}
	return out
}
