package questions

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func readSmall(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// change is one edit to small.toml: old must occur exactly once.
type change struct{ old, new string }

func applyChanges(t *testing.T, src string, changes []change) string {
	t.Helper()
	for _, c := range changes {
		if n := strings.Count(src, c.old); n != 1 {
			t.Fatalf("%q occurs %d times in small.toml, want once", c.old, n)
		}
		src = strings.Replace(src, c.old, c.new, 1)
	}
	return src
}

// problems returns the lines of a Load error, failing unless err is an
// *Error whose every problem names the file.
func problems(t *testing.T, name string, err error) []string {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error is %T (%v), want *Error", err, err)
	}
	if len(e.Problems) == 0 {
		t.Fatal("*Error with no problems")
	}
	lines := strings.Split(e.Error(), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, name+":") {
			t.Errorf("line does not start with %q: %q", name+":", l)
		}
	}
	return lines
}

func TestSmallLoads(t *testing.T) {
	s, err := Load("small.toml", []byte(readSmall(t)))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Questions()); got != 6 {
		t.Errorf("%d questions, want 6", got)
	}
	if s.Name != "small.toml" || !strings.HasPrefix(s.Hash, "sha256:") || len(s.Hash) != 7+64 {
		t.Errorf("Name %q, Hash %q", s.Name, s.Hash)
	}
	if s.Question("blame").Section.ID != "what" || s.Question("blame").Pos != 3 {
		t.Errorf("blame: section %q, pos %d", s.Question("blame").Section.ID, s.Question("blame").Pos)
	}
}

// TestBroken loads small.toml with one thing broken (or a few, for the
// cases about several problems) and pins every message exactly, line and
// all. The lines were checked by hand against small.toml.
func TestBroken(t *testing.T) {
	const optionsHurt = "  options = [\n    { value = \"trust\", label = \"Broken trust\" },\n    { value = \"words\", label = \"Hurtful words\" },\n    { value = \"neglect\", label = \"Neglect\" },\n  ]"
	tests := []struct {
		name    string
		changes []change
		want    []string
	}{
		{"syntax error has line and column",
			[]change{{`title = "A small set"`, `title = "A small set`}},
			[]string{`name.toml:3: not valid TOML: column 21: strings cannot contain newlines`}},
		{"duplicate key is a syntax error at the second",
			[]change{{`  text = "Anything else you want to remember?"`, "  text = \"Anything else you want to remember?\"\n  text = \"again\""}},
			[]string{`name.toml:99: not valid TOML: column 3: key 'section.question.text' has already been defined`}},
		{"unknown top-level key",
			[]change{{`title = "A small set"`, `titel = "A small set"`}},
			[]string{`name.toml:3: unknown key "titel" (did you mean "title"?)`}},
		{"keys are matched with their case",
			[]change{{`title = "A small set"`, `Title = "A small set"`}},
			[]string{`name.toml:3: unknown key "Title" (did you mean "title"?)`}},
		{"unknown key in a question",
			[]change{{`  help = "We ask everyone."`, `  hepl = "We ask everyone."`}},
			[]string{`name.toml:43: question "afraid": unknown key "hepl" (did you mean "help"?)`}},
		{"unknown key in an inline option table",
			[]change{{`{ value = "no", label = "No" }`, `{ value = "no", lable = "No" }`}},
			[]string{`name.toml:46: question "afraid", option "no": unknown key "lable" (did you mean "label"?)`}},
		{"unknown key in an option of a later question",
			[]change{{`{ value = "words", label = "Hurtful words" }`, `{ value = "words", label = "Hurtful words", flg = "safety" }`}},
			[]string{`name.toml:62: question "hurt", option "words": unknown key "flg" (did you mean "flag"?)`}},
		{"unknown key far from any known one",
			[]change{{`  help = "We ask everyone."`, `  colour = "red"`}},
			[]string{`name.toml:43: question "afraid": unknown key "colour"`}},
		{"reverse is not a boolean, in a question that is not the last",
			[]change{{"  dimension = \"accountability\"\n  reverse = true", "  dimension = \"accountability\"\n  reverse = \"yes\""}},
			[]string{`name.toml:82: question "blame": "reverse" should be true or false, not text`}},
		{"weight is not a number",
			[]change{{"weight = 2\n", "weight = \"high\"\n"}},
			[]string{`name.toml:14: dimension "accountability": "weight" should be a number, not text`}},
		{"weight is not a number (nan)",
			[]change{{"weight = 2\n", "weight = nan\n"}},
			[]string{`name.toml:14: dimension "accountability": "weight" should be a number, not NaN`}},
		{"points are infinite",
			[]change{{`points = { accountability = 2 }`, `points = { accountability = inf }`}},
			[]string{`name.toml:72: question "trust_detail", option "told": "accountability" should be a number, not +Inf`}},
		{"options is not a list",
			[]change{{optionsHurt, `  options = "trust, words"`}},
			[]string{`name.toml:60: question "hurt": "options" should be a list, not text`}},
		{"min is not a whole number",
			[]change{{"  min = 0\n", "  min = 0.5\n"}},
			[]string{`name.toml:87: question "texts": "min" should be a whole number, not a decimal number`}},
		{"a condition is not text",
			[]change{{`when = 'texts >= 3'`, `when = true`}},
			[]string{`name.toml:128: step "stop_texting": "when" should be text in quotes, not true or false`}},
		{"question id used in two sections",
			[]change{{`id = "note"`, `id = "afraid"`}},
			[]string{`name.toml:96: question "afraid": id "afraid" is used twice (first at line 40)`}},
		{"option value used twice",
			[]change{{`{ value = "words", label = "Hurtful words" }`, `{ value = "trust", label = "Hurtful words" }`}},
			[]string{`name.toml:62: question "hurt", option "trust": option value "trust" is used twice`}},
		{"dimension id used twice",
			[]change{{`id = "space"`, `id = "accountability"`}},
			[]string{
				`name.toml:19: dimension "accountability": id "accountability" is used twice (first at line 12)`,
				`name.toml:92: question "texts": unknown dimension "space"`,
			}},
		{"unknown kind, in the first question of several",
			[]change{{`kind = "choice"` + "\n  text = \"Has", `kind = "choise"` + "\n  text = \"Has"}},
			[]string{`name.toml:41: question "afraid": unknown kind "choise" (did you mean "choice"?); the kinds are choice, multi, scale, number and text`}},
		{"unknown dimension",
			[]change{{`dimension = "space"`, `dimension = "spaec"`}},
			[]string{
				`name.toml:18: dimension "space": no question feeds this dimension; give a question dimension = "space" or option points`,
				`name.toml:92: question "texts": unknown dimension "spaec" (did you mean "space"?)`,
			}},
		{"points for an unknown dimension",
			[]change{{`points = { accountability = 0 }`, `points = { acountability = 0 }`}},
			[]string{`name.toml:73: question "trust_detail", option "found": points for unknown dimension "acountability" (did you mean "accountability"?)`}},
		{"unknown scale",
			[]change{{`scale = "agree"`, `scale = "agre"`}},
			[]string{`name.toml:79: question "blame": unknown scale "agre" (did you mean "agree"?)`}},
		{"unknown flag",
			[]change{{`flag = "unsaid" }`, `flag = "unsiad" }`}},
			[]string{
				`name.toml:30: flag "unsaid": no option raises this flag and it has no condition; name it in an option's flag or give it a when`,
				`name.toml:47: question "afraid", option "unsaid": unknown flag "unsiad" (did you mean "unsaid"?)`,
			}},
		{"unknown phase",
			[]change{{`phase = "now"`, `phase = "nwo"`}},
			[]string{`name.toml:126: step "stop_texting": unknown phase "nwo" (did you mean "now"?)`}},
		{"condition with a misspelt question id",
			[]change{{`when = 'texts >= 3'`, `when = 'txets >= 3'`}},
			[]string{`name.toml:128: step "stop_texting": condition uses unknown name "txets" (did you mean "texts"?)`}},
		{"condition asks about a misspelt flag",
			[]change{{`when = '!flagged("safety")'`, `when = '!flagged("safty")'`}},
			[]string{`name.toml:53: section "what": condition asks about unknown flag "safty" (did you mean "safety"?)`}},
		{"condition compares a choice with a value that is not an option",
			[]change{{`when = 'texts >= 3'`, `when = 'afraid == "yse"'`}},
			[]string{`name.toml:128: step "stop_texting": condition compares "afraid" with "yse", which is not one of its options (did you mean "yes"?)`}},
		{"condition looks for a value a multi question does not have",
			[]change{{`when = '"trust" in hurt'`, `when = '"trsut" in hurt'`}},
			[]string{`name.toml:69: question "trust_detail": condition compares "hurt" with "trsut", which is not one of its options (did you mean "trust"?)`}},
		{"condition reads a question asked later",
			[]change{{`when = '"trust" in hurt'`, `when = 'blame > 2'`}},
			[]string{`name.toml:69: question "trust_detail": condition reads "blame", which is not asked before this point`}},
		{"condition reads its own question",
			[]change{{`when = '"trust" in hurt'`, `when = 'trust_detail == "told"'`}},
			[]string{`name.toml:69: question "trust_detail": condition reads "trust_detail", which is not asked before this point`}},
		{"condition uses dim in a question's when",
			[]change{{`when = '"trust" in hurt'`, `when = 'dim.space > 2'`}},
			[]string{`name.toml:69: question "trust_detail": condition uses dim, but scores are known only after the last question; use it in verdicts, steps, resources and honest paragraphs`}},
		{"condition uses verdict in a verdict's when",
			[]change{{`when = 'dim.accountability < 50'`, `when = 'verdict == "safety"'`}},
			[]string{`name.toml:112: verdict "not_yet": condition uses verdict, which is known only once the verdict is reached; use it in steps, resources and honest paragraphs`}},
		{"condition compares verdict with an unknown id",
			[]change{{`when = 'texts >= 3'`, `when = 'verdict == "posible"'`}},
			[]string{`name.toml:128: step "stop_texting": condition compares verdict with "posible", which is no verdict's id (did you mean "possible"?)`}},
		{"condition that does not compile",
			[]change{{`when = 'texts >= 3'`, `when = 'texts >= '`}},
			[]string{`name.toml:128: step "stop_texting": condition “texts >=”: unexpected token EOF (column 8)`}},
		{"condition that is not true or false",
			[]change{{`when = 'texts >= 3'`, `when = 'texts + 1'`}},
			[]string{`name.toml:128: step "stop_texting": condition “texts + 1”: this is a number, not true or false; compare it with one, as in texts + 1 >= 50`}},
		{"a multi question compared like a choice",
			[]change{{`when = 'texts >= 3'`, `when = 'hurt == "trust"'`}},
			[]string{`name.toml:128: step "stop_texting": "hurt" is a multi question, answered with a list of the options picked; to ask whether "trust" is among them, write "trust" in hurt`}},
		{"a multi question compared like a choice, with !=",
			[]change{{`when = 'texts >= 3'`, `when = 'hurt != "trust"'`}},
			[]string{`name.toml:128: step "stop_texting": "hurt" is a multi question, answered with a list of the options picked; to ask whether "trust" is not among them, write "trust" not in hurt`}},
		{"a multi question compared with a number",
			[]change{{`when = 'texts >= 3'`, `when = 'hurt > 1'`}},
			[]string{`name.toml:128: step "stop_texting": "hurt" is a multi question, answered with a list of the options picked; to compare how many, write len(hurt) > 1`}},
		{"a choice question asked like a multi",
			[]change{{`when = 'texts >= 3'`, `when = '"yes" in afraid'`}},
			[]string{`name.toml:128: step "stop_texting": "afraid" is a choice question, answered with one value, not a list; write afraid == "yes"`}},
		{"a choice question compared with a number",
			[]change{{`when = 'texts >= 3'`, `when = 'afraid == 1'`}},
			[]string{`name.toml:128: step "stop_texting": "afraid" is a choice question, answered with a value in quotes; compare it with one, such as afraid == "yes"`}},
		{"a scale question compared with a label",
			[]change{{`when = 'texts >= 3'`, `when = 'blame == "Agree"'`}},
			[]string{`name.toml:128: step "stop_texting": "blame" is a scale question, answered with a step from 1 to 5; "Agree" is step 4, so write blame == 4`}},
		{"a number question compared with text",
			[]change{{`when = 'texts >= 3'`, `when = 'texts > "3"'`}},
			[]string{`name.toml:128: step "stop_texting": "texts" is a number question, answered with a whole number from 0 to 10; compare it with a number, such as texts > 3`}},
		{"an unknown function",
			[]change{{`when = 'texts >= 3'`, `when = 'flaged("safety")'`}},
			[]string{`name.toml:128: step "stop_texting": condition calls unknown function "flaged" (did you mean "flagged"?)`}},
		{"an unknown builtin",
			[]change{{`when = 'texts >= 3'`, `when = 'lenn(hurt) > 1'`}},
			[]string{`name.toml:128: step "stop_texting": condition calls unknown function "lenn" (did you mean "len"?)`}},
		{"a list that is not true or false",
			[]change{{`when = 'texts >= 3'`, `when = 'hurt'`}},
			[]string{`name.toml:128: step "stop_texting": condition “hurt”: this is a list, not true or false; ask whether it holds a value, as in "x" in hurt`}},
		{"a tab inside a label",
			[]change{{`label = "Hurtful words"`, `label = "Hurtful\twords"`}},
			[]string{`name.toml:62: question "hurt", option "words": "label" contains a tab, which a menu or a heading shows as a wide gap or not at all; use a space`}},
		{"a tab inside a scale's label",
			[]change{{`"Not sure"`, `"Not\tsure"`}},
			[]string{`name.toml:9: scale "agree": label 3 contains a tab, which a menu or a heading shows as a wide gap or not at all; use a space`}},
		{"a line break inside a title",
			[]change{{`title = "Not yet"`, `title = "Not\nyet"`}},
			[]string{`name.toml:109: verdict "not_yet": "title" contains a line break; it is shown on one line, so write it on one`}},
		{"duplicate scale labels",
			[]change{{`"Not sure", "Agree"`, `"Agree", "agree "`}},
			[]string{`name.toml:9: scale "agree": labels 3 and 4 are both "agree"; a person could not tell the two steps apart`}},
		{"duplicate option labels",
			[]change{{`{ value = "neglect", label = "Neglect" }`, `{ value = "neglect", label = "Hurtful  words" }`}},
			[]string{`name.toml:63: question "hurt", option "neglect": options "words" and "neglect" have the same label "Hurtful  words"; a person could not tell them apart`}},
		{"a version that is not a version number",
			[]change{{`version = "0.1.0"`, `version = "first"`}},
			[]string{`name.toml:4: version "first" is not a version number such as 1.0.0 (major.minor.patch); answers name the version they were given to`}},
		{"a comparison with a step the scale does not have",
			[]change{{`when = 'texts >= 3'`, `when = 'blame >= 9'`}},
			[]string{`name.toml:128: step "stop_texting": the comparison “blame >= 9” never holds, as "blame" is answered 1 to 5, and reads 0 when unanswered`}},
		{"a comparison with a score above 100",
			[]change{{`when = 'dim.accountability < 50'`, `when = 'dim.accountability > 120'`}},
			[]string{`name.toml:112: verdict "not_yet": the comparison “dim.accountability > 120” never holds, as a dimension's score is 0 to 100`}},
		{"a comparison with the overall score, the number first",
			[]change{{`when = 'dim.accountability < 50'`, `when = '200 < composite'`}},
			[]string{`name.toml:112: verdict "not_yet": the comparison “200 < composite” never holds, as the overall score is 0 to 100`}},
		{"more options compared than a multi question has",
			[]change{{`when = 'texts >= 3'`, `when = 'len(hurt) >= 4'`}},
			[]string{`name.toml:128: step "stop_texting": the comparison “len(hurt) >= 4” never holds, as at most 3 of the options of "hurt" can be picked`}},
		{"a missing weight is said to be missing",
			[]change{{"weight = 2\n", ""}},
			[]string{`name.toml:11: dimension "accountability": weight is missing; give it a number more than 0, such as 1`}},
		{"a weight of 0",
			[]change{{"weight = 2\n", "weight = 0\n"}},
			[]string{`name.toml:14: dimension "accountability": weight must be more than 0, not 0`}},
		{"empty condition",
			[]change{{`when = 'texts >= 3'`, `when = ' '`}},
			[]string{`name.toml:128: step "stop_texting": condition is empty`}},
		{"a question that can never be asked",
			[]change{{`when = '"trust" in hurt'`, `when = "false"`}},
			[]string{`name.toml:69: question "trust_detail": this question is never asked, as its condition is always false`}},
		{"a section that can never be asked",
			[]change{{`when = '!flagged("safety")'`, `when = "1 > 2"`}},
			[]string{`name.toml:53: section "what": this section is never asked, as its condition is always false`}},
		{"a question that reads only questions never asked",
			[]change{{`when = '"trust" in hurt'`, `when = "false"`}, {"  id = \"blame\"\n", "  id = \"blame\"\n  when = 'trust_detail == \"told\"'\n"}},
			[]string{
				`name.toml:69: question "trust_detail": this question is never asked, as its condition is always false`,
				`name.toml:78: question "blame": this question is never asked, as its condition reads only questions that are never asked`,
			}},
		{"a dimension no question feeds",
			[]change{{"  dimension = \"space\"\n  reverse = true\n", ""}},
			[]string{`name.toml:18: dimension "space": no question feeds this dimension; give a question dimension = "space" or option points`}},
		{"weight zero",
			[]change{{"weight = 1\n", "weight = 0\n"}},
			[]string{`name.toml:21: dimension "space": weight must be more than 0, not 0`}},
		{"weight negative",
			[]change{{"weight = 1\n", "weight = -1.5\n"}},
			[]string{`name.toml:21: dimension "space": weight must be more than 0, not -1.5`}},
		{"a verdict list without a final catch-all",
			[]change{{"text = \"Go gently.\"\n", "text = \"Go gently.\"\nwhen = 'dim.space > 1'\n"}},
			[]string{`name.toml:119: verdict "possible": the last verdict must always hold (no condition, or when = "true"), so that every set of answers gets a verdict`}},
		{"a verdict after a catch-all",
			[]change{{`when = 'dim.accountability < 50'`, `when = "true"`}},
			[]string{`name.toml:114: verdict "possible": this verdict is never reached, as verdict "not_yet" before it always holds`}},
		{"empty text",
			[]change{{`text = "Anything else you want to remember?"`, `text = "  "`}},
			[]string{`name.toml:98: question "note": "text" is empty`}},
		{"missing title",
			[]change{{"title = \"Not yet\"\n", ""}},
			[]string{`name.toml:107: verdict "not_yet": "title" is missing`}},
		{"empty scale label",
			[]change{{`"Not sure"`, `""`}},
			[]string{`name.toml:9: scale "agree": label 3 is empty`}},
		{"a control character in a text",
			[]change{{`help = "We ask everyone."`, `help = "We ask\u0007 everyone."`}},
			[]string{`name.toml:43: question "afraid": "help" contains the control character U+0007 (bell); texts may hold only printable characters, line breaks and tabs`}},
		{"a terminal escape in a label",
			[]change{{`label = "Neglect"`, `label = "\u001b[31mNeglect"`}},
			[]string{`name.toml:63: question "hurt", option "neglect": "label" contains the control character U+001B (escape, which starts terminal control sequences); texts may hold only printable characters, line breaks and tabs`}},
		{"a bidirectional override in a text",
			[]change{{`text = "Go gently."`, `text = "Go \u202Egently."`}},
			[]string{`name.toml:118: verdict "possible": "text" contains the control character U+202E (a bidirectional control, which can make a line read other than it is); texts may hold only printable characters, line breaks and tabs`}},
		{"an emoji in a text",
			[]change{{`title = "Not yet"`, `title = "Not yet 😢"`}},
			[]string{`name.toml:109: verdict "not_yet": "title" contains U+1F622 "😢", outside the Basic Multilingual Plane; emoji and other such characters cannot be shown in every terminal and PDF`}},
		{"an unknown placeholder",
			[]change{{`text = "Stop messaging {him} for now."`, `text = "Stop messaging {she} for now."`}},
			[]string{`name.toml:127: step "stop_texting": "text" uses unknown placeholder {she}; the set's are {he} {him} {his}, capitalised or not`}},
		{"a number question without min and max",
			[]change{{"  min = 0\n  max = 10\n", ""}},
			[]string{`name.toml:84: question "texts": a number question needs min and max`}},
		{"a number question with max below min",
			[]change{{"  max = 10\n", "  max = -1\n"}},
			[]string{`name.toml:88: question "texts": max (-1) must be more than min (0)`}},
		{"a number question with a huge range",
			[]change{{"  min = 0\n  max = 10\n", "  min = -9223372036854775808\n  max = 9223372036854775807\n"}},
			[]string{`name.toml:88: question "texts": a number question's range may span at most 1000`}},
		{"a multi question with min above max",
			[]change{{"  min = 1\n", "  min = 3\n  max = 2\n"}},
			[]string{`name.toml:59: question "hurt": min (3) is more than max (2)`}},
		{"a multi question with max above its options",
			[]change{{"  min = 1\n", "  min = 1\n  max = 4\n"}},
			[]string{`name.toml:60: question "hurt": max (4) is more than the number of options (3)`}},
		{"an option points to a dimension with equal points on every option",
			[]change{{`points = { accountability = 0 }`, `points = { accountability = 2 }`}},
			[]string{`name.toml:66: question "trust_detail": every option gives 2 points to "accountability", so the answer cannot move it`}},
		{"a scale question without a scale",
			[]change{{"  scale = \"agree\"\n", ""}},
			[]string{`name.toml:76: question "blame": a scale question needs scale = the name of a [scale.NAME] table`}},
		{"a choice question with one option",
			[]change{{"    { value = \"found\", label = \"{He} found out\", points = { accountability = 0 } },\n", ""}},
			[]string{`name.toml:66: question "trust_detail": a choice question needs at least two options`}},
		{"only one option gives points to a dimension",
			[]change{{`, points = { accountability = 0 }`, ``}},
			[]string{`name.toml:66: question "trust_detail": only option "told" gives points to "accountability", so the answer cannot move it; an option without points for a dimension does not count for it`}},
		{"an id with capitals",
			[]change{{`id = "note"`, `id = "Note"`}},
			[]string{`name.toml:96: question "Note": id "Note" should be lower-case letters, digits and _, starting with a letter`}},
		{"an id conditions use for themselves",
			[]change{{`id = "note"`, `id = "dim"`}},
			[]string{`name.toml:96: question "dim": id "dim" is a word conditions use for themselves; choose another`}},
		{"a flag names an unknown resource",
			[]change{{`text = "Something you said is about safety."`, "text = \"Something you said is about safety.\"\nresources = [\"genral\"]"}},
			[]string{`name.toml:29: flag "safety": unknown resource "genral" (did you mean "general"?)`}},
		{"a flag names a resource twice",
			[]change{{`text = "Something you said is about safety."`, "text = \"Something you said is about safety.\"\nresources = [\"general\", \"general\"]"}},
			[]string{`name.toml:29: flag "safety": resource "general" is named twice`}},
		{"a flag says something but not at once",
			[]change{{`text = "Something you said is about safety."`, "text = \"Something you said is about safety.\"\nsay = \"Here is help.\""}},
			[]string{`name.toml:29: flag "safety": say is said only by a flag raised at once; add at_once = true, or move the words to text`}},
		{"a resource with neither text nor a way to reach it",
			[]change{{`text = "findahelpline.com lists free, confidential helplines."`, `hours = "day and night"`}},
			[]string{`name.toml:130: resource "general": "text" is missing`}},
		{"nesting too deep",
			[]change{{`labels = [`, `labels = [[[[[[[[[[[[[[[[[[`}},
			[]string{`name.toml:9: lists and tables are nested more than 16 deep; a question set needs only a few levels`}},
		{"several problems at once, sorted by line",
			[]change{
				{`text = "Stop messaging {him} for now."`, `text = "Stop messaging {she} for now."`},
				{`scale = "agree"`, `scale = "agre"`},
				{`dimension = "space"`, `dimension = "spaec"`},
				{`title = "Not yet"`, `title = ""`},
				{`id = "note"`, `id = "afraid"`},
				{"weight = 2\n", "weight = -2\n"},
			},
			[]string{
				`name.toml:14: dimension "accountability": weight must be more than 0, not -2`,
				`name.toml:18: dimension "space": no question feeds this dimension; give a question dimension = "space" or option points`,
				`name.toml:79: question "blame": unknown scale "agre" (did you mean "agree"?)`,
				`name.toml:92: question "texts": unknown dimension "spaec" (did you mean "space"?)`,
				`name.toml:96: question "afraid": id "afraid" is used twice (first at line 40)`,
				`name.toml:109: verdict "not_yet": "title" is empty`,
				`name.toml:127: step "stop_texting": "text" uses unknown placeholder {she}; the set's are {he} {him} {his}, capitalised or not`,
			}},
		{"several unknown keys and types at once, sorted by line",
			[]change{
				{`titel`, ``},
				{"weight = 1\n", "wieght = 1\n"},
				{`title = "A small set"`, `titel = "A small set"`},
				{"  dimension = \"accountability\"\n  reverse = true", "  dimension = \"accountability\"\n  reverse = 1"},
				{`{ value = "no", label = "No" }`, `{ value = "no", label = "No", points = 3 }`},
			},
			[]string{
				`name.toml:3: unknown key "titel" (did you mean "title"?)`,
				`name.toml:21: dimension "space": unknown key "wieght" (did you mean "weight"?)`,
				`name.toml:46: question "afraid", option "no": "points" should be a table, not a whole number`,
				`name.toml:82: question "blame": "reverse" should be true or false, not a whole number`,
			}},
		{"keys found wrong while decoding, and problems found after, in one run",
			[]change{
				{"weight = 2\n", "wieght = 2\n"},
				{`  kind = "number"`, `  kind = 5`},
				{`  kind = "scale"`, `  kind = "scael"`},
				{`id = "general"`, "id = \"general\"\nurgent = true"},
				{`when = 'dim.accountability < 50'`, `when = 'dim.acountability < 50'`},
				{`when = 'texts >= 3'`, `when = 'flaged("safety") || texts >= 3'`},
				{`phase = "now"`, `phase = "nwo"`},
				{`{ value = "told", label = "I told {him}", points = { accountability = 2 } }`, `{ value = "told", label = "I told {him}", points = { accountability = "2" } }`},
				{`when = '"trust" in hurt'`, `when = 5`},
				{`scale = "agree"`, `scale = ["agree"]`},
			},
			[]string{
				`name.toml:14: dimension "accountability": unknown key "wieght" (did you mean "weight"?)`,
				`name.toml:69: question "trust_detail": "when" should be text in quotes, not a whole number`,
				`name.toml:72: question "trust_detail", option "told": "accountability" should be a number, not text`,
				`name.toml:78: question "blame": unknown kind "scael" (did you mean "scale"?); the kinds are choice, multi, scale, number and text`,
				`name.toml:79: question "blame": "scale" should be text in quotes, not a list`,
				`name.toml:86: question "texts": "kind" should be text in quotes, not a whole number`,
				`name.toml:112: verdict "not_yet": condition uses unknown dimension "acountability" (did you mean "accountability"?)`,
				`name.toml:126: step "stop_texting": unknown phase "nwo" (did you mean "now"?)`,
				`name.toml:128: step "stop_texting": condition calls unknown function "flaged" (did you mean "flagged"?)`,
				`name.toml:132: resource "general": unknown key "urgent"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes := tt.changes
			if len(changes) > 0 && changes[0].old == "titel" { // a marker: no first change
				changes = changes[1:]
			}
			src := applyChanges(t, readSmall(t), changes)
			s, err := Load("name.toml", []byte(src))
			if err == nil {
				t.Fatalf("loaded %q; want an error", s.ID)
			}
			got := problems(t, "name.toml", err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestLoadFileLevel covers problems of the file as a whole, which have no
// small.toml to edit.
func TestLoadFileLevel(t *testing.T) {
	small := readSmall(t)
	big := small + strings.Repeat("# padding padding padding padding padding padding\n", MaxSize/50)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"over 4 MiB", big, []string{`name.toml: file is larger than 4 MiB; a question set is a small text file`}},
		{"not UTF-8", "# \xff\n" + small, []string{`name.toml:1: column 3: byte 0xff is not UTF-8 text; save the file as UTF-8`}},
		{"not UTF-8 later", small[:200] + "\xc3(" + small[200:], []string{`name.toml:6: column 1: byte 0xc3 is not UTF-8 text; save the file as UTF-8`}},
		{"ends after a backslash on line 1 (toml reports line 0)", `a = "\`, []string{`name.toml:1: not valid TOML: column 6: the file ends in the middle of an escape sequence`}},
		{"ends after a backslash on line 2 (toml reports line 1)", "a = 1\nb = \"\\", []string{`name.toml:2: not valid TOML: column 6: the file ends in the middle of an escape sequence`}},
		{"ends inside a string", "a = 1\nb = \"x", []string{`name.toml:2: not valid TOML: column 6: unexpected EOF; expected '"'`}},
		{"a bad escape", "a = 1\n\nb = \"\\q\"", []string{`name.toml:3: not valid TOML: column 6: invalid escape in string '\q'`}},
		{"a NUL in the file", "a = \"x\x00\"", []string{`name.toml:1: not valid TOML: column 6: TOML files cannot contain control characters: '0x00'`}},
		{"empty", "", []string{`name.toml: file has no keys; a question set needs at least id, title, a section and a verdict`}},
		{"only comments", "# nothing\n\n", []string{`name.toml: file has no keys; a question set needs at least id, title, a section and a verdict`}},
		{"a set with nothing in it", "id = \"x\"\n", []string{
			`name.toml: "title" is missing`,
			`name.toml: "version" is missing`,
			`name.toml: "intro" is missing`,
			`name.toml: "disclaimer" is missing`,
			`name.toml: set has no questions; add a [[section]] with at least one [[section.question]]`,
			`name.toml: set has no verdicts; add at least one [[verdict]], the last one with no condition`,
		}},
		{"a dotted key too long", "a" + strings.Repeat(".a", 20) + " = 1", []string{`name.toml:1: a dotted key has more than 16 parts; a question set needs only a few`}},
		{"nested inline tables", "a = " + strings.Repeat("{b=", 17) + "1" + strings.Repeat("}", 17), []string{`name.toml:1: lists and tables are nested more than 16 deep; a question set needs only a few levels`}},
		{"brackets in strings and comments do not count", "a = \"" + strings.Repeat("[", 40) + "\" # " + strings.Repeat("{", 40) + "\nb = '''\n" + strings.Repeat("[", 40) + "'''\n", []string{
			`name.toml:1: unknown key "a"`, `name.toml:2: unknown key "b"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("name.toml", []byte(tt.src))
			got := problems(t, "name.toml", err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestChunks checks that a set decoded a few sections at a time equals the
// set decoded whole, and that pieces are not joined where TOML would not.
func TestChunks(t *testing.T) {
	defer func(n int) { chunkSize = n }(chunkSize)
	whole := func(src []byte) *Set {
		t.Helper()
		chunkSize = 1 << 30
		s, err := Load("x.toml", src)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, src := range [][]byte{BuiltinSource(), []byte(readSmall(t)), generate(1000)} {
		want := whole(src)
		for _, size := range []int{16, 1000, 64 << 10} {
			chunkSize = size
			if _, ok := decodeChunks(string(src)); !ok && len(src) > 2*size {
				t.Errorf("%d bytes in pieces of %d: not cut", len(src), size)
			}
			got, err := Load("x.toml", src)
			if err != nil {
				t.Fatal(err)
			}
			got.index, want.index = nil, nil // maps of pointers into each set
			for _, q := range got.order {
				q.Section = nil
			}
			for _, q := range want.order {
				q.Section = nil
			}
			got.order, want.order = nil, nil
			got.zero, want.zero = nil, nil // made from the order, and holds functions DeepEqual never finds equal
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d bytes in pieces of %d: the set differs from the whole", len(src), size)
			}
			want = whole(src)
		}
	}
	chunkSize = 16
	for _, src := range []string{
		"[scale.a]\nlabels = [\"x\"]\n[[section]]\nid = \"a\"\n[scale.a]\nlabels = [\"y\"]\n[[section]]\nid = \"b\"\n",
		"verdict = [{id = \"v\"}]\n[[section]]\nid = \"a\"\n[[verdict]]\nid = \"w\"\n",
		"[[section]]\nid = \"a\"\ntitle = \"x\"\n[[section]]\nid = \"b\"\n[[section]]\nid = \"c\"\ncolour = 1\n",
	} {
		if _, ok := decodeChunks(src); ok {
			t.Errorf("joined in pieces:\n%s", src)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	big := dir + "/big.toml"
	if err := os.WriteFile(big, []byte(strings.Repeat("# x\n", MaxSize/4+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		dir + "/missing.toml": dir + "/missing.toml: cannot read: no such file or directory",
		dir:                   dir + ": cannot read: is a directory",
		big:                   big + ": file is larger than 4 MiB; a question set is a small text file",
	} {
		_, err := LoadFile(path)
		if err == nil || err.Error() != want {
			t.Errorf("LoadFile(%s): %v, want %q", path, err, want)
		}
	}
	s, err := LoadFile("testdata/small.toml")
	if err != nil || s.Name != "testdata/small.toml" {
		t.Fatalf("%v, %v", s, err)
	}
}

// TestManyProblems checks that a set with more problems than are worth
// reading lists the first hundred by line, then says how many more.
func TestManyProblems(t *testing.T) {
	var b strings.Builder
	for i := range 150 {
		b.WriteString("unknown_" + strconv.Itoa(i) + " = 1\n")
	}
	_, err := Load("many.toml", []byte(b.String()))
	got := problems(t, "many.toml", err)
	if len(got) != 101 || got[0] != `many.toml:1: unknown key "unknown_0"` || got[99] != `many.toml:100: unknown key "unknown_99"` || got[100] != "many.toml: 50 more problems not shown; fix these first" {
		t.Errorf("%d problems: first %q, last two %q", len(got), got[0], got[len(got)-2:])
	}
}

// TestEveryKeyOfTheWrongType gives each key of small.toml, one at a time, a
// value of another type: loading goes on past it without a panic, says so
// at the key's own line, and says nothing that follows only from it.
func TestEveryKeyOfTheWrongType(t *testing.T) {
	src := readSmall(t)
	lines := strings.Split(src, "\n")
	keyLine := regexp.MustCompile(`^(\s*)([a-z_]+) = (.*)$`)
	tried := 0
	for i, l := range lines {
		m := keyLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		wrong := "5"
		if strings.HasPrefix(m[3], "5") || strings.HasPrefix(m[3], "0") || strings.HasPrefix(m[3], "1") || strings.HasPrefix(m[3], "2") || strings.HasPrefix(m[3], "10") {
			wrong = `"five"`
		}
		if strings.HasSuffix(m[3], "[") { // a list that goes on below
			continue
		}
		tried++
		// Once with a value of another type, once with the key misspelt.
		for _, edit := range []string{m[1] + m[2] + " = " + wrong, m[1] + m[2] + "x = " + m[3]} {
			edited := append([]string(nil), lines...)
			edited[i] = edit
			_, err := Load("name.toml", []byte(strings.Join(edited, "\n")))
			if err == nil {
				t.Errorf("line %d: %s loads", i+1, edit)
				continue
			}
			got := problems(t, "name.toml", err)
			want := fmt.Sprintf("name.toml:%d: ", i+1)
			if len(got) != 1 || !strings.HasPrefix(got[0], want) {
				t.Errorf("line %d: %s gives:\n%s\nwant one problem at that line", i+1, edit, strings.Join(got, "\n"))
			}
		}
	}
	if tried < 40 {
		t.Errorf("tried %d keys, want at least 40", tried)
	}
}

// TestRenamedTable: each old id of [renamed] is no question's now, and
// each new one is.
func TestRenamedTable(t *testing.T) {
	src := readSmall(t) + "\n[renamed]\nblame = \"texts\"\nold_texts = \"txets\"\nmessages = \"texts\"\n"
	_, err := Load("name.toml", []byte(src))
	got := problems(t, "name.toml", err)
	want := []string{
		`name.toml:143: "blame" is still a question's id; a renamed question's old id must be no question's now`,
		`name.toml:144: "old_texts" was renamed to "txets", which is no question's id (did you mean "texts"?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
