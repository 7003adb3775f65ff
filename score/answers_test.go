package score

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"amends/questions"
)

func TestAnswersRoundTrip(t *testing.T) {
	s := loadSmall(t)
	a := answers(s, map[string]any{
		"afraid": "no", "hurt": []string{"trust", "neglect"}, "trust_detail": "told",
		"blame": 3, "texts": 0, "note": "He said \"not now\".\nI listened. \\ done",
	})
	a.Words = questions.Picked{"he": "she", "him": "her", "his": "her"}
	var buf bytes.Buffer
	if err := a.Encode(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "# Has she ever seemed afraid of you?\nafraid = \"no\"\n") {
		t.Errorf("encoded answers lack the question as a comment:\n%s", buf.String())
	}
	b, err := ReadAnswers("a.toml", &buf, s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Values, b.Values) || !reflect.DeepEqual(a.Words, b.Words) || b.Changed(s) {
		t.Errorf("round trip changed the answers:\n%#v\n%#v", a, b)
	}
}

func TestAnswersChangedSet(t *testing.T) {
	s := loadSmall(t)
	b, err := ReadAnswers("a.toml", strings.NewReader("set = \"small\"\nversion = \"0.1.0\"\nhash = \"sha256:00\"\n[answers]\nblame = 2\n"), s)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Changed(s) {
		t.Error("a different hash should count as a changed set")
	}
}

func TestAnswersErrors(t *testing.T) {
	s := loadSmall(t)
	tests := []struct{ src, want string }{
		{"[answers]\n", "a.toml: no set id; the file should start with set = \"small\""},
		{"set = \"small\"\ncolour = 1\n", "a.toml:2: unknown key \"colour\""},
		{"set = \"small\"\n[answers]\nblame = \"2\"\n", "a.toml:3: answer to \"blame\": should be a whole number"},
		{"set = \"small\"\n[answers]\nblame = 2.5\n", "a.toml:3: answer to \"blame\": should be a whole number, not 2.5"},
		{"set = \"small\"\n[answers]\nhurt = \"trust\"\n", "a.toml:3: answer to \"hurt\": should be a list of option values, such as [\"trust\"]"},
		{"set = \"small\"\n[answers]\nhurt = [\"trust\", 2]\n", "a.toml:3: answer to \"hurt\": should be a list of option values in quotes"},
		{"set = \"small\"\n[answers]\nafraid = [\"no\"]\n", "a.toml:3: answer to \"afraid\": should be one of \"yes\", \"no\", \"unsaid\", in quotes"},
		{"set = \"small\"\n[answers]\nnote = 5\n", "a.toml:3: answer to \"note\": should be text in quotes"},
		{"set = \"small\"\n[answers]\ntexts = -1\n", "a.toml:3: answer to \"texts\": -1 is not between 0 and 10"},
		{"set = \"small\"\n[answers]\nafraid = \"yes\"\nafraid = \"no\"\n", "a.toml:4: not valid TOML: Key 'answers.afraid' has already been defined."},
	}
	for _, tt := range tests {
		_, err := ReadAnswers("a.toml", strings.NewReader(tt.src), s)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

func TestAnswersTooLarge(t *testing.T) {
	s := loadSmall(t)
	big := "set = \"small\"\n# " + strings.Repeat("x", MaxAnswersSize) + "\n"
	_, err := ReadAnswers("big.toml", strings.NewReader(big), s)
	if err == nil || err.Error() != "big.toml: file is larger than 1 MiB; an answers file is a small text file" {
		t.Errorf("got %v", err)
	}
}

func TestAnswersCleanText(t *testing.T) {
	s := loadSmall(t)
	a, err := ReadAnswers("a.toml", strings.NewReader("set = \"small\"\n[answers]\nnote = \"\\u001b[31mred\\u001b[0m 😀\\tfine\"\n"), s)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Values["note"]; got != "red 😀 fine" {
		t.Errorf("note = %q; escapes and tabs should not survive, emoji should", got)
	}
}

func FuzzReadAnswers(f *testing.F) {
	s := loadSmall(f)
	f.Add([]byte("set = \"small\"\n[answers]\nafraid = \"no\"\nhurt = [\"trust\"]\nblame = 3\n"))
	f.Add([]byte("set = \"small\"\nversion = \"0.1.0\"\n[partner]\nhe = \"she\"\n[answers]\nnote = \"x\"\n"))
	files, _ := filepath.Glob("../questions/builtin.cases/*.toml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := ReadAnswers("f.toml", bytes.NewReader(src), s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		r := Score(s, a)
		if r.Verdict.ID == "" {
			t.Fatal("no verdict")
		}
		var buf bytes.Buffer
		if err := a.Encode(&buf, s); err != nil {
			t.Fatal(err)
		}
		b, err := ReadAnswers("f.toml", &buf, s)
		if err != nil {
			t.Fatalf("encoded answers do not read back: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(a.Values, b.Values) {
			t.Fatalf("round trip changed %v to %v", a.Values, b.Values)
		}
	})
}
