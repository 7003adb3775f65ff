package questions

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"amends/internal/words"
)

// SchemaID names the JSON Schema of the question-set format, and
// SchemaFile is the name amends new gives its copy beside a set.
const (
	SchemaID   = "https://amends.invalid/question-set.schema.json"
	SchemaFile = "amends-set.schema.json"
)

// Schema returns a JSON Schema (draft 4, the newest that taplo and the
// editors built on it read) of the question-set format, made from the
// Go types Load decodes into, so that the two cannot part: every key, its
// type, which are required, and a sentence on each for an editor to show.
// It says the shape only; amends check says everything else.
func Schema() []byte {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeOf(Set{}))
	root["$schema"] = "http://json-schema.org/draft-04/schema#"
	root["id"] = SchemaID
	root["title"] = "amends question set"
	root["description"] = "A question set for amends: questions, scoring and advice. Check it with: amends check FILE"
	root["definitions"] = g.defs
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // only maps, strings and numbers
	}
	return append(b, '\n')
}

// schemaGen builds the schema of each struct type once, as a definition
// the others refer to.
type schemaGen struct {
	defs map[string]any
}

// keyDocs says what each key of each table is, by Go type and TOML key;
// the test keeps it whole.
var keyDocs = map[string]string{
	"Set.id":         "The set's id: lower-case letters, digits and _. Answers files name it.",
	"Set.title":      "The set's title, on the first screen and the report.",
	"Set.version":    "The version of the set, as major.minor.patch (1.0.0). Answers name the version they were given to.",
	"Set.language":   "The language of the set's words, such as en or es (default en).",
	"Set.intro":      "Shown before the first question: what this is and is not, and where answers are kept.",
	"Set.disclaimer": "One line printed at the top of every report.",
	"Set.font":       "A TrueType font (.ttf) to set the report in, for a script the report's own font cannot draw: a path from the set's folder.",
	"Set.engine":     "The set's own words for messages of the engine, by message id, in place of its language's catalogue.",
	"Set.words":      "The set's placeholders, such as {he} {him} {his}: the words the texts are written with and what a person may pick instead.",
	"Set.renamed":    "Questions renamed since an earlier version: old_id = \"new_id\", so that answers kept before the rename still count.",
	"Set.conditions": "Named conditions, each defined once, such as unsafe = 'flagged(\"violence\") || flagged(\"threats\")', and used by name in any when: when = '!unsafe'.",
	"Set.partner":    "The old way to give the words for the partner (he, him, his, partner); [[words]] says the same and more.",
	"Set.scale":      "Shared answer scales, by name: [scale.agree] labels = [...].",
	"Set.scoring":    "Thresholds: min_answered, min_dimensions, bands.",
	"Set.readiness":  "The questions that measure readiness to change, for the report's readiness section.",
	"Set.honest":     "The paragraphs of the report's honest look, each with an optional condition.",
	"Set.dimension":  "The criteria answers are scored on, 0 to 100 each.",
	"Set.flag":       "Signals that override scores, such as a safety concern; raised by options that name them or by their own condition.",
	"Set.section":    "Groups of questions asked together, in order.",
	"Set.verdict":    "The ordered verdict rules: the first whose condition holds decides; the last must always hold.",
	"Set.phase":      "Groups of next steps, such as now and in the coming weeks.",
	"Set.step":       "Next steps: every step whose condition holds is shown, in its phase.",
	"Set.resource":   "Places to get help, shown when their condition holds or a flag that names them is raised.",

	"WordGroup.names":   "The placeholders, without braces, such as [\"he\", \"him\", \"his\"]. A text says {he}, or {He} for a capital.",
	"WordGroup.written": "The words the texts are written with, one for each name.",
	"WordGroup.choices": "Other words a person may pick, each one word for each name, such as [\"she\", \"her\", \"her\"].",
	"WordGroup.own":     "Let the person type a word of their own, such as a name (a group of one name).",
	"WordGroup.ask":     "The question put to the person about these words.",

	"Partner.he":      "The word for he.",
	"Partner.him":     "The word for him.",
	"Partner.his":     "The word for his.",
	"Partner.partner": "The word for the partner.",

	"Scale.labels": "The steps of the scale, in order: the first scores 1, the last as many as there are.",

	"Scoring.min_answered":   "The share of a dimension's asked questions that must be answered for it to be scored, 0 to 1 (default 0.5).",
	"Scoring.min_dimensions": "How many dimensions must be scored for an overall score (default: all).",
	"Scoring.bands":          "Two cut points on 0 to 100 between needs work, developing and strong (default [40, 70]).",

	"Readiness.stage":      "The id of the question on the stage of change (a choice or scale question).",
	"Readiness.importance": "The id of the question on how important the change is (a number or scale question).",
	"Readiness.confidence": "The id of the question on confidence in changing (a number or scale question).",
	"Readiness.reflection": "What the report's readiness section closes with.",

	"Paragraph.title": "The paragraph's title.",
	"Paragraph.text":  "The paragraph.",
	"Paragraph.when":  "When it is shown (default: always). A condition, such as verdict == \"possible\".",

	"Dimension.id":     "The dimension's id, as conditions read it: dim.ID.",
	"Dimension.title":  "The dimension's title.",
	"Dimension.about":  "One sentence: what the dimension means.",
	"Dimension.weight": "Its weight in the overall score, more than 0.",
	"Dimension.strong": "What the report says when it is a strength.",
	"Dimension.weak":   "What the report says when it needs work, and the first thing to do.",

	"Flag.id":        "The flag's id, as conditions ask it: flagged(\"ID\").",
	"Flag.title":     "The flag's title.",
	"Flag.text":      "What the report says when it is raised.",
	"Flag.when":      "A condition that raises it, reading answers only; options may raise it too.",
	"Flag.urgent":    "A flag about safety or a crisis: the report leads with help and shows no scores; an urgent verdict must answer it.",
	"Flag.resources": "The ids of the places to get help that go with it, the first to turn to first.",
	"Flag.at_once":   "Show what it says, and its resources, on the screen right after the answer that raised it.",
	"Flag.say":       "What is said on the screen when it is raised at once (default: its text).",
	"Flag.ends":      "Said when it makes the rest of the set not apply: why the quiz stops early.",

	"Section.id":       "The section's id.",
	"Section.title":    "The section's title, shown as its questions are asked.",
	"Section.intro":    "Shown before its first question.",
	"Section.when":     "When it is asked (default: always), reading the answers before it.",
	"Section.question": "Its questions, in order.",

	"Question.id":        "The question's id, as conditions read its answer.",
	"Question.kind":      "choice (one option), multi (any number), scale (a step of a shared scale), number (a whole number from min to max) or text.",
	"Question.text":      "The question as asked.",
	"Question.help":      "Shown when the person presses ?: why it is asked.",
	"Question.when":      "When it is asked (default: always), reading only the answers before it.",
	"Question.options":   "The options of a choice or multi question: { value, label, help, flag, points }.",
	"Question.scale":     "A scale question's scale: the name of a [scale.NAME] table.",
	"Question.dimension": "The dimension a scale or number question scores.",
	"Question.reverse":   "A higher answer scores lower.",
	"Question.weight":    "Its weight within its dimension (default 1).",
	"Question.min":       "A number question's lowest answer; a multi question's fewest options.",
	"Question.max":       "A number question's highest answer; a multi question's most options.",
	"Question.min_label": "A number question's words for its lowest answer.",
	"Question.max_label": "A number question's words for its highest answer.",

	"Option.value":  "The option's value, as conditions compare it: q == \"VALUE\", or \"VALUE\" in q.",
	"Option.label":  "The option as the person reads it, on one line.",
	"Option.help":   "More about the option, shown with ?.",
	"Option.flag":   "The id of a flag this option raises.",
	"Option.points": "A choice option's points for each dimension, such as { accountability = 2 }; scored relative to the other options'.",

	"Verdict.id":           "The verdict's id, as steps and resources compare it: verdict == \"ID\".",
	"Verdict.title":        "The verdict's title.",
	"Verdict.summary":      "One line for the screen.",
	"Verdict.text":         "What the report says.",
	"Verdict.when":         "When it is reached, if no verdict before it is; reads answers, flags and scores. The last verdict has none.",
	"Verdict.because":      "The reason given for it, in the set's words, in place of the reasons read from its condition.",
	"Verdict.urgent":       "A verdict about safety or a crisis: the report leads with help and shows no scores.",
	"Verdict.quiet_scores": "The report puts the next steps first and gives no overall number as a headline.",

	"Phase.id":    "The phase's id, as steps name it.",
	"Phase.title": "The phase's title.",

	"Step.id":       "The step's id.",
	"Step.phase":    "The id of its phase.",
	"Step.priority": "Higher comes first within its phase.",
	"Step.text":     "The step.",
	"Step.when":     "When it is shown (default: always); reads answers, flags, scores and the verdict.",
	"Step.because":  "The reason given for it, in the set's words.",

	"Resource.id":    "The resource's id, as flags name it.",
	"Resource.title": "Its name.",
	"Resource.text":  "What it is for; may be left out when phone or site says it all.",
	"Resource.phone": "How to call or text it, as a person would dial it.",
	"Resource.site":  "Its web address.",
	"Resource.hours": "When it answers, and what it costs.",
	"Resource.when":  "When it is shown; one that flags name is shown when one of them is raised.",
}

// required lists the keys each table must have, as validation requires
// them; README's table marks the same.
var required = map[string][]string{
	"Set":       {"id", "title", "version", "intro", "disclaimer", "section", "verdict"},
	"WordGroup": {"names", "written"},
	"Scale":     {"labels"},
	"Dimension": {"id", "title", "weight", "strong", "weak"},
	"Flag":      {"id", "title", "text"},
	"Section":   {"id", "title", "question"},
	"Question":  {"id", "kind", "text"},
	"Option":    {"value", "label"},
	"Verdict":   {"id", "title", "summary", "text"},
	"Phase":     {"id", "title"},
	"Step":      {"id", "phase", "text"},
	"Resource":  {"id", "title"},
	"Paragraph": {"title", "text"},
}

var (
	condType = reflect.TypeOf(Cond{})
	kindType = reflect.TypeOf(Kind(""))
)

// object is the schema of a struct type: its keys, closed to others.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	f := fieldsOf(t)
	props := map[string]any{}
	for _, name := range f.names {
		sf := t.Field(f.index[name])
		s := g.value(sf.Type, t.Name()+"."+name)
		if doc := keyDocs[t.Name()+"."+name]; doc != "" {
			s["description"] = doc
		}
		switch name {
		case "id":
			s["pattern"] = idPattern.String()
		case "version":
			if t.Name() == "Set" {
				s["pattern"] = semverPattern.String()
			}
		}
		props[name] = s
	}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if r := required[t.Name()]; len(r) > 0 {
		out["required"] = r
	}
	return out
}

// value is the schema of a value of type t; key names it, for the few
// that need more than their type says.
func (g *schemaGen) value(t reflect.Type, key string) map[string]any {
	switch t {
	case condType, reflect.PointerTo(condType):
		return map[string]any{"type": "string", "minLength": 1}
	case kindType:
		return map[string]any{"type": "string", "enum": []string{"choice", "multi", "scale", "number", "text"}}
	case msgType:
		forms := map[string]any{}
		for _, f := range words.Forms {
			forms[f] = map[string]any{"type": "string"}
		}
		return map[string]any{"anyOf": []any{
			map[string]any{"type": "string"},
			map[string]any{"type": "object", "properties": forms, "additionalProperties": false, "required": []string{"other"}},
		}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.value(t.Elem(), key)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		s := map[string]any{"type": "number"}
		switch key {
		case "Dimension.weight":
			s["minimum"], s["exclusiveMinimum"] = 0, true
		case "Question.weight":
			s["minimum"] = 0
		case "Scoring.min_answered":
			s["minimum"], s["maximum"] = 0, 1
		}
		return s
	case reflect.Slice:
		s := map[string]any{"type": "array", "items": g.value(t.Elem(), key)}
		if key == "Scoring.bands" {
			s["minItems"], s["maxItems"] = 2, 2
		}
		return s
	case reflect.Map:
		s := map[string]any{"type": "object", "additionalProperties": g.value(t.Elem(), key)}
		if key == "Set.scale" || key == "Option.points" || key == "Set.conditions" {
			s["patternProperties"] = map[string]any{idPattern.String(): g.value(t.Elem(), key)}
			s["additionalProperties"] = false
		}
		return s
	case reflect.Struct:
		name := t.Name()
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = map[string]any{} // taken, while it is built
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/definitions/" + name}
	}
	panic(fmt.Sprintf("questions: no schema for %s (%s)", t, key))
}

// SchemaLine is the first line amends new writes into a set: the
// directive by which taplo, and the editors built on it, find the schema
// beside the file.
func SchemaLine() string { return "#:schema ./" + SchemaFile + "\n" }

// WithSchemaLine returns src with SchemaLine first, unless src has a
// #:schema line first already.
func WithSchemaLine(src []byte) []byte {
	if strings.HasPrefix(string(src), "#:schema ") {
		return src
	}
	return append([]byte(SchemaLine()), src...)
}
