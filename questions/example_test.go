package questions_test

import (
	"fmt"

	"amends/questions"
)

const exampleSet = `id = "tiny"
title = "A tiny set"
version = "1.0.0"
intro = "Two questions. Nothing leaves this machine."
disclaimer = "A reflection, not a diagnosis."

# The set's own words: texts say {he} and {him}, and the person may pick others.
[[words]]
names = ["he", "him"]
written = ["he", "him"]
choices = [["she", "her"], ["they", "them"]]

[[dimension]]
id = "space"
title = "Giving {him} space"
weight = 1
strong = "You let {him} set the pace."
weak = "Step back."

[[section]]
id = "now"
title = "Where things stand"

  [[section.question]]
  id = "contact"
  kind = "choice"
  text = "Is {he} talking to you?"
  options = [
    { value = "yes", label = "Yes", points = { space = 1 } },
    { value = "no", label = "No, {he} asked for space", points = { space = 0 } },
  ]

  [[section.question]]
  id = "texts"
  kind = "number"
  when = 'contact == "no"'
  text = "How many messages have you sent since?"
  min = 0
  max = 10
  dimension = "space"
  reverse = true

[[verdict]]
id = "fine"
title = "Go gently"
summary = "Go gently."
text = "Take your time."
`

func ExampleLoad() {
	s, err := questions.Load("tiny.toml", []byte(exampleSet))
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := s.Question("texts")
	fmt.Println(s.Title, "-", len(s.Questions()), "questions")
	fmt.Println(s.Fill(s.Question("contact").Text, questions.Picked{"he": "she"}))
	fmt.Println("asked when contact is yes:", texts.When.Holds(s.Env(map[string]any{"contact": "yes"}, nil)))
	fmt.Println("asked when contact is no:", texts.When.Holds(s.Env(map[string]any{"contact": "no"}, nil)))

	// A typo is a load error with its line, and every problem is reported.
	_, err = questions.Load("tiny.toml", []byte(exampleSet[:len(exampleSet)-1]+"\nwhen = 'contact == \"noo\"'\n"))
	fmt.Println(err)
	// Output:
	// A tiny set - 2 questions
	// Is she talking to you?
	// asked when contact is yes: false
	// asked when contact is no: true
	// tiny.toml:48: verdict "fine": condition compares "contact" with "noo", which is not one of its options (did you mean "no"?)
}

func ExampleSet_Fill() {
	s, err := questions.Load("tiny.toml", []byte(exampleSet))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Words left empty fall back to the set's own ({he}, {him}, ...).
	fmt.Println(s.Fill("{He} asked for space; give {him} time.", questions.Picked{}))
	fmt.Println(s.Fill("{He} asked for space; give {him} time.", questions.Picked{"he": "they", "him": "them"}))
	// Output:
	// He asked for space; give him time.
	// They asked for space; give them time.
}

func ExampleSet_Normalize() {
	s, _ := questions.Load("tiny.toml", []byte(exampleSet))
	q := s.Question("contact")
	_, err := s.Normalize(q, "yse")
	fmt.Println(err)
	v, _ := s.Normalize(s.Question("texts"), int64(3))
	fmt.Println(s.Display(s.Question("texts"), v, questions.Picked{}))
	// Output:
	// "yse" is not one of its options ("yes", "no") (did you mean "yes"?)
	// 3 out of 10
}
