package questions

import (
	"strings"
	"testing"
)

const friendSet = `id = "friends"
title = "After a falling-out with {friend}"
version = "1.0.0"
intro = "A few questions about {friend}. {They} may see it differently."
disclaimer = "A reflection, not a verdict on {them}."

[[words]]
names = ["they", "them", "their"]
written = ["they", "them", "their"]
choices = [["she", "her", "her"], ["he", "him", "his"]]

[[words]]
names = ["friend"]
written = ["your friend"]
own = true
ask = "What do you call your friend?"

[[words]]
names = ["nobody"]
written = ["nobody"]
own = true

[[section]]
id = "now"
title = "Now"

  [[section.question]]
  id = "talk"
  kind = "choice"
  text = "Do you and {friend} still talk? {Their} last message?"
  options = [
    { value = "yes", label = "Yes" },
    { value = "no", label = "No" },
  ]

[[verdict]]
id = "any"
title = "Go gently with {them}"
summary = "Go gently."
text = "Take your time."
`

// TestWordGroups: a set's own placeholders, the words a person picks for
// them, a capital for {Name}, and a group asked about only when a text
// uses it.
func TestWordGroups(t *testing.T) {
	c := Check("friends.toml", []byte(friendSet))
	if c.Errors() != 0 || c.Warnings() != 1 || !strings.Contains(c.Problems[0].String(), `friends.toml:18: warning: no text says {nobody}, so the person is never asked`) {
		t.Fatalf("%v", c.Problems)
	}
	s := c.Set
	if got := s.Fill(s.Title, nil); got != "After a falling-out with your friend" {
		t.Errorf("as written: %q", got)
	}
	p := Picked{"friend": "Ana", "they": "she", "their": "her"}
	if got := s.Fill(s.Question("talk").Text, p); got != "Do you and Ana still talk? Her last message?" {
		t.Errorf("picked: %q", got)
	}
	if got := s.Fill("{friend}", Picked{"friend": "{them}"}); got != "{them}" {
		t.Errorf("a picked word is taken as it is: %q", got)
	}
	if !s.Asks(s.Group("they")) || !s.Asks(s.Group("friend")) || s.Asks(s.Group("nobody")) {
		t.Error("Asks is wrong")
	}
	if got := s.BookFor(p).T("why_unanswered", "question", "{friend}"); got != "You left “{friend}” unanswered" {
		t.Errorf("a value is not filled again: %q", got)
	}
}

// TestWordGroupProblems: what check says of groups that cannot work.
func TestWordGroupProblems(t *testing.T) {
	for _, c := range []struct{ name, words, want string }{
		{"written count", `names = ["a", "b"]` + "\n" + `written = ["x"]`, `written needs one word for each of the 2 names`},
		{"own of two", `names = ["a", "b"]` + "\n" + `written = ["x", "y"]` + "\nown = true", `own lets the person type one word, so its group has one name, not 2`},
		{"own and choices", `names = ["a"]` + "\n" + `written = ["x"]` + "\nown = true\n" + `choices = [["y"]]`, `a group offers choices or a word of the person's own, not both`},
		{"choice size", `names = ["a", "b"]` + "\n" + `written = ["x", "y"]` + "\n" + `choices = [["y"]]`, `choice 1 has 1 words; it needs one for each of the 2 names`},
		{"own group", `names = ["a", "b"]` + "\n" + `written = ["x", "{a}"]`, `names its own group's {a}`},
		{"unknown", `names = ["a"]` + "\n" + `written = ["{zz}"]`, `written word "{zz}" uses unknown placeholder {zz}`},
		{"bad name", `names = ["My Friend"]` + "\n" + `written = ["x"]`, `name "My Friend" should be lower-case letters`},
	} {
		src := strings.Replace(friendSet, "[[words]]\nnames = [\"nobody\"]\nwritten = [\"nobody\"]\nown = true", "[[words]]\n"+c.words, 1)
		ch := Check("friends.toml", []byte(src))
		var all []string
		for _, p := range ch.Problems {
			all = append(all, p.String())
		}
		if !strings.Contains(strings.Join(all, "\n"), c.want) {
			t.Errorf("%s: want %q in\n%s", c.name, c.want, strings.Join(all, "\n"))
		}
	}
	circle := strings.Replace(friendSet, `written = ["your friend"]`, `written = ["{them}"]`, 1)
	circle = strings.Replace(circle, `written = ["they", "them", "their"]`, `written = ["they", "{friend}", "their"]`, 1)
	if ch := Check("friends.toml", []byte(circle)); ch.Errors() == 0 || !strings.Contains(ch.Problems[0].String(), "goes round in a circle") {
		t.Errorf("a circle: %v", ch.Problems)
	}
	legacy := strings.Replace(friendSet, "{friend}", "{partner}", -1)
	i := strings.Index(legacy, "[[words]]")
	j := strings.Index(legacy, "[[section]]")
	legacy = legacy[:i] + "[partner]\nhe = \"she\"\n\n" + legacy[j:]
	legacy = strings.NewReplacer("{They}", "{He}", "{Their}", "{His}", "{them}", "{him}").Replace(legacy)
	ch := Check("friends.toml", []byte(legacy))
	if ch.Errors() != 0 || ch.Warnings() != 1 || !strings.Contains(ch.Problems[0].String(), "[partner] is the old way") {
		t.Fatalf("legacy: %v", ch.Problems)
	}
	if got := ch.Set.Fill("{He} and {partner}: {his}", nil); got != "She and him: his" {
		t.Errorf("legacy words: %q", got)
	}
	if ch.Set.Asks(ch.Set.Group("he")) {
		t.Error("legacy words are asked about")
	}
}
