package score

import (
	"bytes"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"amends/questions"
)

// nextVersion is small.toml as version 0.2.0, with edits.
func nextVersion(t *testing.T, edits ...[2]string) *questions.Set {
	t.Helper()
	b, err := os.ReadFile("../questions/testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(b), `version = "0.1.0"`, `version = "0.2.0"`, 1)
	for _, e := range edits {
		if !strings.Contains(src, e[0]) {
			t.Fatalf("%q is not in small.toml", e[0])
		}
		src = strings.Replace(src, e[0], e[1], 1)
	}
	s, err := questions.Load("small-0.2.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// kept returns answers to small.toml 0.1.0 as amends keeps them.
func kept(t *testing.T) []byte {
	t.Helper()
	s := loadSmall(t)
	a := answers(s, map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "told", "blame": 2, "texts": 4})
	var buf bytes.Buffer
	if err := a.Encode(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAnswersCarried: answers kept for one version are taken by the next
// when every question they answer asks the same, whatever else changed.
func TestAnswersCarried(t *testing.T) {
	s := nextVersion(t,
		[2]string{`help = "We ask everyone."`, `help = "We ask everyone, the same way."`},
		[2]string{`  [[section.question]]
  id = "note"`, `  [[section.question]]
  id = "since"
  kind = "text"
  text = "What has changed since?"

  [[section.question]]
  id = "note"`})
	a, err := ReadAnswers("kept.toml", bytes.NewReader(kept(t)), s)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"afraid": "no", "hurt": []string{"trust"}, "trust_detail": "told", "blame": 2, "texts": 4}
	if !reflect.DeepEqual(a.Values, want) || a.Carried != "0.1.0" {
		t.Errorf("values %v, carried %q", a.Values, a.Carried)
	}
}

// TestAnswersNotCarried: a question that asks something else now, or is
// gone, stops the answers at its line; answers without fingerprints, kept
// before they were written, are for their own version only.
func TestAnswersNotCarried(t *testing.T) {
	src := kept(t)
	line := func(key string) string {
		for i, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, key+" = ") {
				return strconv.Itoa(i + 1)
			}
		}
		return "?"
	}
	for _, tt := range []struct {
		name  string
		edits [][2]string
		want  string
	}{
		{"a question reworded",
			[][2]string{{`text = "Part of me thinks {he} brought this on {him}self."`, `text = "Some of me thinks {he} brought this on {him}self."`}},
			"kept.toml:" + line("blame") + `: question "blame" asks something else in version 0.2.0 than in 0.1.0, which these answers were given to; answer it again with amends take, or pass -set with version 0.1.0's file`},
		{"an option relabelled",
			[][2]string{{`{ value = "found", label = "{He} found out", points = { accountability = 0 } }`, `{ value = "found", label = "{He} found out first", points = { accountability = 0 } }`}},
			"kept.toml:" + line("trust_detail") + `: question "trust_detail" asks something else in version 0.2.0 than in 0.1.0, which these answers were given to; answer it again with amends take, or pass -set with version 0.1.0's file`},
		{"a question gone",
			[][2]string{{`id = "texts"`, `id = "messages"`}, {`when = 'texts >= 3'`, `when = 'messages >= 3'`}},
			"kept.toml:" + line("texts") + `: question "texts" is not in version 0.2.0 of "small"; answer again with amends take, or pass -set with version 0.1.0's file`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAnswers("kept.toml", bytes.NewReader(src), nextVersion(t, tt.edits...))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
	old := strings.Split(string(src), "\n# What each question answered said")[0]
	_, err := ReadAnswers("old.toml", strings.NewReader(old), nextVersion(t))
	if err == nil || !strings.Contains(err.Error(), "these answers are for version 0.1.0 of \"small\", not 0.2.0") {
		t.Errorf("answers without fingerprints: %v", err)
	}
}

// TestAnswersRenamed: a set that renames a question takes answers given to
// it under its old id.
func TestAnswersRenamed(t *testing.T) {
	s := nextVersion(t,
		[2]string{`id = "texts"`, `id = "messages"`},
		[2]string{`when = 'texts >= 3'`, `when = 'messages >= 3'`},
		[2]string{"[scale.agree]", "[renamed]\ntexts = \"messages\"\n\n[scale.agree]"})
	a, err := ReadAnswers("kept.toml", bytes.NewReader(kept(t)), s)
	if err != nil {
		t.Fatal(err)
	}
	if a.Values["messages"] != 4 || a.Values["texts"] != nil {
		t.Errorf("values %v", a.Values)
	}
	if r := Score(s, a); len(r.Phases) != 1 || r.Phases[0].Steps[0].ID != "stop_texting" {
		t.Errorf("the renamed answer did not count: %+v", r.Phases)
	}
}
