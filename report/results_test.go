package report

import (
	"strings"

	"amends/score"
)

// Hand-made results, so the report can be tested without the scorer.

var testSet = score.SetInfo{
	ID:         "reconcile",
	Title:      "Hurt him? An honest look at making amends",
	Version:    "1.0.0",
	Hash:       "sha256:3f1a9c0b7e2d4f6a8b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
	Disclaimer: "A structured reflection, not a diagnosis, therapy or a prediction — and it can’t know his side.",
}

func ans(id, text, answer string, v any) score.Answer {
	return score.Answer{Question: id, Text: text, Answer: answer, Value: v}
}

var honestParagraphs = []score.Paragraph{
	{Title: "Forgiveness is not getting back together", Text: "He may forgive you one day and still not want the relationship back. Those are two different things, and both are his to decide."},
	{Title: "Some damage does not fully mend", Text: "Trust can come back slowly, through what you do over months, not what you say. Sometimes it does not come back, and that is not a failure of effort."},
	{Title: "Accepting and grieving are real outcomes", Text: "If he says no, respecting it is the most caring thing left to do. Grieving the relationship, and growing from it, is a way forward too."},
	{Title: "Forgiving yourself", Text: "Forgiving yourself is not letting yourself off the hook. It means owning what you did, working through it, and becoming someone who would not do it again."},
}

func hopefulResult() *score.Result {
	return &score.Result{
		Set:      testSet,
		Asked:    38,
		Answered: 37,
		Dimensions: []score.DimensionScore{
			{ID: "accountability", Title: "Taking responsibility", Weight: 20, Scored: true, Score: 82, Band: score.BandStrong,
				Text: "You name what you did without adding “but”. That is the ground everything else stands on.",
				Items: []score.Item{
					{Question: "own_it", Text: "I can say what I did in one sentence, without explaining it away.", Answer: "Strongly agree", Points: 100},
					{Question: "blame", Text: "Part of me thinks he brought this on himself.", Answer: "Disagree", Points: 75},
				}},
			{ID: "empathy", Title: "Seeing it from his side", Weight: 10, Scored: true, Score: 64, Band: score.BandDeveloping,
				Text:  "You see some of what this cost him. Try writing down, in his words, what the hardest moment was for him.",
				Items: []score.Item{{Question: "impact", Text: "I could describe how this felt for him.", Answer: "Not sure", Points: 50}}},
			{ID: "space", Title: "Giving him space", Weight: 15, Scored: true, Score: 78, Band: score.BandStrong,
				Text:  "You have let him set the pace. Keep doing that; it is how he learns he is safe with you.",
				Items: []score.Item{{Question: "texts", Text: "Since he asked for space, how often have you messaged him?", Answer: "Never", Points: 100}}},
			{ID: "selfwork", Title: "Working on yourself", Weight: 15, Scored: true, Score: 71, Band: score.BandStrong,
				Text: "You have started real work on why this happened."},
			{ID: "pitfalls", Title: "Avoiding pressure and games", Weight: 7, Scored: true, Score: 38, Band: score.BandWeak,
				Text: "Some things you have done can feel like pressure to him, even when meant kindly. Stop the gifts and messages through friends for now.",
				Items: []score.Item{
					{Question: "gifts", Text: "Sent gifts or flowers since it happened", Answer: "A few times", Points: 33},
					{Question: "friends", Text: "Asked his friends how he is doing", Answer: "Often", Points: 0},
				}},
			{ID: "compromise", Title: "Hearing what he needs", Weight: 5, Scored: false, Band: score.BandUnscored, Asked: 3, Answered: 1},
		},
		Composite:    68,
		HasComposite: true,
		Readiness: score.Readiness{
			Stage:      &score.Answer{Question: "stage", Text: "Which is closest to where you are?", Answer: "I’m actively changing, and have been for a few weeks", Value: "action"},
			Importance: &score.Answer{Question: "importance", Text: "How important is it to you to change how you act? (0–10)", Answer: "9", Value: 9},
			Confidence: &score.Answer{Question: "confidence", Text: "How confident are you that you can? (0–10)", Answer: "6", Value: 6},
			Reflection: "You rated your confidence 6, not lower. What is already helping? And what one small thing would move it to 7?",
		},
		Verdict: score.Verdict{
			ID: "possible", Title: "Possible, slowly",
			Summary: "There is real ground to stand on, and real work left.",
			Text:    "Your answers show accountability and respect for his space. If he has not asked for silence, one sincere apology — with no request attached — is reasonable. Then let him set the pace.",
			Why: []string{
				"Taken together your answers come to about 70, between 50 and 70.",
				"You are actively changing (stage: action).",
				"Avoiding pressure and games needs work (about 40).",
			},
			Passed: []score.Rule{{ID: "safety", Title: "Safety first"}, {ID: "stop", Title: "Stop contact"}, {ID: "respect", Title: "Unlikely — respect his decision"}, {ID: "not_yet", Title: "Not yet — work on yourself first"}},
		},
		Phases: []score.Phase{
			{ID: "now", Title: "Now", Steps: []score.Step{
				{ID: "stop_gifts", Text: "Stop the gifts and the messages through friends. Let silence be his to break.", Because: []string{"you sent gifts “a few times”", "you asked his friends about him “often”"}},
				{ID: "write", Text: "Write the apology you would want to hear: what you did, how it hurt him, what you are changing. Don’t send it yet.", Because: []string{"Taking responsibility is strong (about 80)"}},
			}},
			{ID: "weeks", Title: "In the coming weeks", Steps: []score.Step{
				{ID: "counselling", Text: "Keep your counselling appointments, even the ones you’d rather skip.", Because: []string{"Working on yourself is strong (about 70)"}},
			}},
			{ID: "door", Title: "If he opens the door", Steps: []score.Step{
				{ID: "listen", Text: "Choose a calm, private moment. Listen more than you explain. Ask what he needs, and be ready for “no”."},
			}},
		},
		Resources: []score.Resource{
			{ID: "general", Title: "Find a helpline", Text: "Free, confidential helplines in your country are listed at findahelpline.com."},
			{ID: "counselling", Title: "Counselling", Text: "A counsellor or therapist can help you understand what led to this, and how to change it."},
		},
		Honest: honestParagraphs,
		Answers: []score.Answer{
			ans("own_it", "I can say what I did in one sentence, without explaining it away.", "Strongly agree", 5),
			ans("blame", "Part of me thinks he brought this on himself.", "Disagree", 2),
			ans("texts", "Since he asked for space, how often have you messaged him?", "Never", "never"),
			ans("note", "Anything you want to remember?", "I said things I can’t take back — “you’re nothing without me” — and I want to own that.", "I said things…"),
		},
	}
}

func safetyResult() *score.Result {
	r := &score.Result{
		Set:      testSet,
		Asked:    12,
		Answered: 12,
		Dimensions: []score.DimensionScore{
			{ID: "accountability", Title: "Taking responsibility", Scored: true, Score: 55, Band: score.BandDeveloping, Text: "…"},
		},
		Composite:    55,
		HasComposite: true,
		Flags: []score.RaisedFlag{
			{ID: "safety", Urgent: true, Title: "He may not be safe with you", Text: "You said he has seemed afraid of you. Fear changes everything: it means what happened may be abuse, and abuse is not a relationship problem that talking fixes.",
				By: []score.Answer{ans("afraid", "Has he ever seemed afraid of you?", "Yes", "yes")}},
		},
		Readiness: score.Readiness{
			Importance: &score.Answer{Question: "importance", Text: "How important is it to you to change how you act? (0–10)", Answer: "8", Value: 8},
			Reflection: "You rated it 8. What makes it matter that much to you?",
		},
		Verdict: score.Verdict{
			ID: "safety", Urgent: true, Title: "Safety first",
			Summary: "This tool can’t help you reconcile — it can point you to people who help with this.",
			Text:    "What you described may be abuse. The safe next step is specialised help to stop it, not contact with him. Please don’t contact him about the relationship.",
			Why:     []string{"You answered “Yes” to “Has he ever seemed afraid of you?”"},
		},
		Phases: []score.Phase{
			{ID: "now", Title: "Now", Steps: []score.Step{
				{ID: "no_contact", Text: "Don’t contact him about the relationship, directly or through others.", Because: []string{"he has seemed afraid of you"}},
				{ID: "call", Text: "Call a line for people who worry about their own behaviour. They won’t judge you, and they know what helps.", Because: []string{"he has seemed afraid of you"}},
			}},
		},
		Resources: []score.Resource{
			{ID: "emergency", Title: "If anyone is in danger now", Text: "Call your local emergency number (911, 999, 112 or 000)."},
			{ID: "respect", Title: "Respect Phoneline (UK)", Text: "0808 802 4040, free. For people who are worried about their own behaviour towards a partner."},
			{ID: "ndvh", Title: "National Domestic Violence Hotline (US)", Text: "1-800-799-7233, text START to 88788, or chat at thehotline.org. They also talk with people worried they are becoming abusive."},
			{ID: "general", Title: "Find a helpline", Text: "Free, confidential helplines in your country are listed at findahelpline.com."},
		},
		Honest: honestParagraphs[:1],
		Answers: []score.Answer{
			ans("afraid", "Has he ever seemed afraid of you?", "Yes", "yes"),
		},
	}
	return r
}

// longResult is full of what a careless or hostile set could hold: emoji,
// control characters, escapes, very long words and texts, many pages.
func longResult() *score.Result {
	r := hopefulResult()
	long := strings.Repeat("A long sentence that keeps going — with “quotes”, an em dash and Zażółć gęślą jaźń. ", 60)
	r.Set.Title = "Emoji 😀 and \x1b[31mred\x1b[0m\u200d in a title that is far too long to fit on one line of the footer without being cut somewhere"
	r.Verdict.Text = long + "\n\n" + long
	r.Verdict.Why = append(r.Verdict.Why, strings.Repeat("x", 400), "tab\there, bell\a, NUL\x00, emoji 🙂👍🏽, flags 🇵🇱")
	for i := 0; i < 30; i++ {
		r.Dimensions = append(r.Dimensions, score.DimensionScore{
			ID: "d", Title: "A dimension with a very long title that wraps onto more than two lines in the chart 🎉",
			Scored: i%3 != 0, Score: i * 3, Band: []string{score.BandWeak, score.BandDeveloping, score.BandStrong}[i%3], Text: long[:400],
			Items: []score.Item{{Text: "😀 question\x07", Answer: strings.Repeat("answer ", 50)}},
		})
	}
	for i := range r.Phases {
		for j := 0; j < 10; j++ {
			r.Phases[i].Steps = append(r.Phases[i].Steps, score.Step{Text: long[:300] + " 🙏", Because: []string{long[:200]}})
		}
	}
	r.Honest = append(r.Honest, score.Paragraph{Title: "Long", Text: long + "\n- a list item\n- another 😀\n1. numbered"})
	for i := 0; i < 80; i++ {
		r.Answers = append(r.Answers, ans("free", "Tell us more 😀", long[:500]+"\x1b[2J", "x"))
	}
	r.Flags = append(r.Flags, score.RaisedFlag{ID: "unsaid", Title: "Left unsaid", Text: "You chose not to answer a safety question. That is fine; the help below is for you either way.",
		By: []score.Answer{ans("control", "Have you checked his phone?", "I’d rather not say", "unsaid")}})
	return r
}

// greekResult is a hopeful result from a set written in Polish and Greek,
// with Cyrillic in its answers.
func greekResult() *score.Result {
	r := hopefulResult()
	r.Set.Title = "Zraniłeś go? Szczera ocena — Μια ειλικρινής ματιά"
	r.Set.Disclaimer = "To refleksja, nie diagnoza ani terapia; nie zna jego strony."
	r.Verdict.Title = "Możliwe, powoli — Ίσως, σιγά σιγά"
	r.Verdict.Text = "Zażółć gęślą jaźń. Η εμπιστοσύνη χτίζεται αργά. Доверие строится медленно."
	r.Verdict.Why = []string{"Odpowiedziałeś „Zdecydowanie się zgadzam” na pytanie o odpowiedzialność."}
	r.Dimensions[0].Title = "Branie odpowiedzialności"
	r.Answers = append(r.Answers, ans("ru", "Что вы хотите сказать?", "Прости меня — я был неправ.", "x"))
	return r
}
