// Package quiz runs a question set with a person: it asks the questions
// through an Asker (in a terminal with survey, or line by line), keeps the
// progress file after every answer so that stopping loses nothing, and at
// the end shows the verdict and writes the report the person asks for.
// Scoring is the score package's; the report, the report package's.
//
// Imports go one way: questions ← score ← report ← quiz ← main.
package quiz

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"amends/internal/file"
	"amends/internal/text"
	"amends/internal/words"
	"amends/questions"
	"amends/report"
	"amends/score"
)

// Session is one person taking one set: it asks the questions through an
// Asker, section by section, keeps the progress file after every answer,
// and at the end shows the verdict and writes what the person asks for.
type Session struct {
	Set   *questions.Set
	Asker Asker
	// Answers are the answers so far; nil starts afresh. Run fills them.
	Answers *score.Answers
	// Resumed says Answers come from a progress file.
	Resumed bool
	// Position is the id of the question to start at when resuming.
	Position string
	// Review is, when resuming, the part whose review was on screen: the
	// id of its last section. It is shown again first.
	Review string
	// ProgressPath is where progress is kept after every answer; ""
	// keeps nothing (private mode).
	ProgressPath string
	// Source is recorded in the progress file: the set file's absolute
	// path, "" for the built-in set.
	Source string
	// ResumeCommand is the command that continues this quiz, for messages.
	ResumeCommand string
	// Compare is the result of earlier answers to the same set, if any:
	// the end shows each part then and now, and so does the report.
	Compare *score.Result
	// ReportPath is where the report goes without asking (-o); "" asks.
	ReportPath string
	// Force lets ReportPath replace an existing file.
	Force bool
	// Date names the default files and dates the report.
	Date time.Time
	// Dir is where default file names are put; "" is the working directory.
	Dir string
	// Notice is said after the welcome back when resuming, such as that
	// the set has changed since.
	Notice string

	// Font is a TrueType font to set the report in (-font), and FontName
	// its name; nil is the set's font, or the report's own.
	Font     []byte
	FontName string

	// writeReport writes the report of r to path, keeping a note of where
	// the answers are (kept, "" when nowhere); nil is report.WriteFile.
	// Tests make it fail.
	writeReport func(path string, r *score.Result, kept string, overwrite bool) error
	// writeProgress saves progress; nil is SaveProgress. Tests make it fail.
	writeProgress func(path string, p *Progress, s *questions.Set) error

	mu          sync.Mutex // held while saving, so a stop never cuts a save short
	stopped     bool
	saved       int              // answers in the progress file
	saveFail    bool             // the last save failed (said once); the next answer tries again
	removed     bool             // the quiz is over and its progress file deleted
	urgent      bool             // an urgent flag is raised: a stop says where to get help
	help        []score.Resource // where to get help for the urgent flags raised
	revisit     int              // answered questions to go through again before the first unanswered one
	lastSection *questions.Section
	introduced  map[*questions.Section]bool   // sections whose intro was said
	reviewed    map[*questions.Section]string // a part's answers when it was last reviewed, by its last section
	reviewing   string                        // the part under review: the id of its last section
}

// Run takes the person through the set. It returns nil when the quiz is
// done, an error wrapping ErrInterrupted or ErrEndOfInput when it stopped
// early (everything answered is then in the progress file), or another
// error when the end could not be written.
func (s *Session) Run() error {
	if s.Answers == nil {
		s.Answers = score.NewAnswers(s.Set)
	}
	if s.Date.IsZero() {
		s.Date = time.Now()
	}
	if a, ok := s.Asker.(Worded); ok {
		a.SetWords(s.words())
	}
	if s.Resumed && s.ProgressPath != "" {
		s.mu.Lock()
		s.saved = len(s.Answers.Values) // they are in the progress file already
		s.mu.Unlock()
	}
	if s.Resumed {
		_, _, flags := score.Plan(s.Set, s.Answers.Values)
		s.keepHelp(flags)
	}
	if !s.Resumed {
		s.intro()
	} else {
		s.Asker.Say(s.words().T("quiz_welcome_back", "title", s.fill(s.Set.Title), "n", len(s.Answers.Values)))
		if s.Notice != "" {
			s.Asker.Say(s.Notice)
		}
	}
	for {
		if !s.Resumed {
			if err := s.pickWords(); err != nil {
				return err
			}
		}
		err := s.questions()
		if errors.Is(err, errBeforeFirst) {
			continue // back to the words, which come before the first question
		}
		if err != nil {
			return err
		}
		return s.finish()
	}
}

// intro shows the set's intro and what happens to the answers.
func (s *Session) intro() {
	s.Asker.Say(s.fill(s.Set.Title) + "\n\n" + s.fill(s.Set.Intro))
	s.Asker.Say(s.length())
	if s.ProgressPath == "" {
		s.Asker.Say(s.words().T("quiz_private"))
	} else {
		// A set whose intro says how to stop and delete gives
		// quiz_saving_how as "" in its [engine] table.
		w := s.words()
		s.Asker.Say(strings.TrimSpace(w.T("quiz_saving", "path", s.ProgressPath) + " " + w.T("quiz_saving_how", "resume", s.ResumeCommand)))
	}
}

// length says how long the quiz is: how many questions, and how often
// the answers are gone over.
func (s *Session) length() string {
	plan := s.plan()
	all := 0
	for _, sec := range s.Set.Sections {
		all += len(sec.Questions)
	}
	id := "quiz_length"
	if all != len(plan) {
		id = "quiz_length_about"
	}
	return s.words().T(id, "questions", len(plan), "n", len(parts(plan)))
}

// pickWords lets the person pick the words for the set's own
// placeholders, group by group, where the set offers a choice or a word
// of their own and its texts use them: amends asks for nothing it does
// not use.
func (s *Session) pickWords() error {
	w := s.words()
	for _, g := range s.Set.Words {
		if !s.Set.Asks(g) {
			continue
		}
		written := make([]string, len(g.Written))
		for i, x := range g.Written {
			written[i] = s.fill(x)
		}
		ask := s.fill(g.Ask)
		if g.Own {
			if ask == "" {
				ask = w.T("words_ask_own", "words", strings.Join(written, ", "))
			}
			word, err := s.Asker.Input(ask, "")
			if errors.Is(err, ErrBack) {
				return s.pickWords() // from the start: they are few
			}
			if err != nil {
				return err
			}
			if word = text.OneLine(text.Clean(word)); word != "" {
				if r := []rune(word); len(r) > 40 {
					word = string(r[:40])
				}
				s.pick(g.Names[0], word)
			}
			continue
		}
		if ask == "" {
			ask = w.T("words_ask_choice", "words", strings.Join(written, ", "))
		}
		opts := []string{w.T("words_as_written", "words", strings.Join(written, ", "))}
		for _, c := range g.Choices {
			opts = append(opts, strings.Join(c, ", "))
		}
		def := 0 // asked again after going back: what was picked
		for j, c := range g.Choices {
			if len(g.Names) > 0 && len(c) > 0 && s.Answers.Words[g.Names[0]] == c[0] {
				def = j + 1
			}
		}
		i, err := s.Asker.Choose(ask, opts, def)
		for errors.Is(err, ErrBack) {
			s.Asker.Notice(w.T("quiz_first_question"))
			i, err = s.Asker.Choose(ask, opts, def)
		}
		if err != nil {
			return err
		}

		for j, n := range g.Names {
			if i == 0 {
				delete(s.Answers.Words, n)
			} else if j < len(g.Choices[i-1]) {
				s.pick(n, g.Choices[i-1][j])
			}
		}
	}
	return nil
}

// pick keeps the word the person picked for the placeholder name.
func (s *Session) pick(name, word string) {
	if s.Answers.Words == nil {
		s.Answers.Words = questions.Picked{}
	}
	s.Answers.Words[name] = word
}

func (s *Session) fill(text string) string { return s.Set.Fill(text, s.Answers.Words) }

// words are the engine's words for this set, with the person's own words
// for its placeholders.
func (s *Session) words() *words.Book {
	if s.Answers == nil {
		return s.Set.Book()
	}
	return s.Set.BookFor(s.Answers.Words)
}

// Words are the engine's words for this session's set, for what the
// command line says about it.
func (s *Session) Words() *words.Book { return s.words() }

// plan returns the questions that will be asked given the answers so far,
// in asking order (see score.Plan).
func (s *Session) plan() []*questions.Question {
	asked, _, _ := score.Plan(s.Set, s.Answers.Values)
	return asked
}

func indexOf(plan []*questions.Question, id string) int {
	for i, q := range plan {
		if q.ID == id {
			return i
		}
	}
	return -1
}

// firstUnanswered returns the index of the first question in plan from
// i on that has no answer, or len(plan).
func (s *Session) firstUnanswered(plan []*questions.Question, i int) int {
	for ; i < len(plan); i++ {
		if _, ok := s.Answers.Values[plan[i].ID]; !ok {
			return i
		}
	}
	return len(plan)
}

// questions asks until every question that will be asked has an answer
// and the person has gone over the last part of them. It returns
// errBeforeFirst when the person goes back from the first question.
func (s *Session) questions() error {
	plan := s.plan()
	cur := s.firstUnanswered(plan, 0)
	if s.Resumed && s.Position != "" {
		if i := indexOf(plan, s.Position); i >= 0 && i < cur {
			cur = i
			s.revisit = s.firstUnanswered(plan, 0) - i
		}
	}
	if s.Resumed && s.Review != "" {
		// Stopped in a review: it comes first again.
		pending := s.Review
		s.Review = ""
		for _, pt := range parts(plan) {
			if pt.last().ID != pending || s.firstUnanswered(pt.qs, 0) < len(pt.qs) {
				continue
			}
			end := indexOf(plan, pt.qs[len(pt.qs)-1].ID)
			err := s.review(pt, end+1 >= len(plan))
			switch {
			case errors.Is(err, ErrBack):
				cur, s.revisit = end, s.firstUnanswered(plan, 0)-end
			case errors.Is(err, errSeeResult):
				return nil
			case err != nil:
				return err
			default:
				cur, s.revisit = s.firstUnanswered(s.plan(), 0), 0
			}
		}
	}
	for {
		plan = s.plan()
		if cur >= len(plan) {
			// The last part's review is also the last look before the result.
			all := parts(plan)
			if len(all) == 0 {
				return nil
			}
			err := s.review(all[len(all)-1], true)
			switch {
			case errors.Is(err, ErrBack):
				cur = len(plan) - 1
				continue
			case errors.Is(err, errSeeResult), err == nil:
				return nil
			}
			return err
		}
		q := plan[cur]
		err := s.ask(q, plan, cur, cur > 0 || !s.Resumed)
		if errors.Is(err, ErrBack) {
			if cur == 0 {
				return errBeforeFirst
			}
			cur--
			s.revisit++
			continue
		}
		if err != nil {
			return err
		}
		plan = s.plan()
		idx := indexOf(plan, q.ID)
		next := idx + 1
		if s.revisit > 0 {
			s.revisit--
		} else {
			next = s.firstUnanswered(plan, next)
		}
		if pt, ok := partEndingAt(plan, idx); ok && next < len(plan) && !s.reviewedAsIs(pt) {
			err := s.review(pt, false)
			if errors.Is(err, ErrBack) {
				cur = idx
				continue
			}
			if err != nil {
				return err
			}
			s.revisit = 0
			next = s.firstUnanswered(s.plan(), 0)
		}
		cur = next
	}
}

// errBeforeFirst is returned by questions when the person went back from
// the first question, to what comes before it.
var errBeforeFirst = errors.New("back before the first question")

// ask asks q, stores the answer and saves progress. The back key gives
// ErrBack when canBack, else a notice that nothing is before.
func (s *Session) ask(q *questions.Question, plan []*questions.Question, idx int, canBack bool) error {
	if q.Section != s.lastSection && !s.introduced[q.Section] {
		// The progress line names the section; its intro, if any, comes
		// first, once: not again on coming back to it.
		if s.introduced == nil {
			s.introduced = map[*questions.Section]bool{}
		}
		s.introduced[q.Section] = true
		if q.Section.Intro != "" {
			s.Asker.Say(s.fill(q.Section.Intro))
		}
	}
	s.lastSection = q.Section
	p := s.prompt(q)
	p.Progress = s.words().T("quiz_progress", "section", s.fill(q.Section.Title), "n", idx+1, "total", len(plan))
	p.CanGoBack = canBack
	_, _, flagsBefore := score.Plan(s.Set, s.Answers.Values)
	laterBefore := later(plan, q.Section)
	for {
		r, err := s.Asker.Ask(p)
		if errors.Is(err, ErrBack) && !canBack {
			s.Asker.Notice(s.words().T("quiz_first_question"))
			continue
		}
		if err != nil {
			return err
		}
		if err := p.Check(r); err != nil {
			s.Asker.Notice(err.Error())
			continue
		}
		v, err := s.Set.Normalize(q, s.value(q, r))
		if err != nil {
			s.Asker.Notice(text.Capital(err.Error()) + ".")
			continue
		}
		s.Answers.Values[q.ID] = v
		// The answer may change what is asked next.
		now, _, flags := score.Plan(s.Set, s.Answers.Values)
		if i := indexOf(now, q.ID) + 1; i > 0 && i < len(now) {
			s.save(now[i].ID)
		} else {
			s.save("")
		}
		s.raised(flagsBefore, flags, laterBefore, later(now, q.Section))
		return nil
	}
}

// later counts the questions of plan that come after the last one of sec.
func later(plan []*questions.Question, sec *questions.Section) int {
	for i := len(plan) - 1; i >= 0; i-- {
		if plan[i].Section == sec {
			return len(plan) - 1 - i
		}
	}
	return 0
}

// raised says what an answer calls for at once: for each flag it raised
// that the set marks at_once, its words and where to get help; and, when
// it left out questions that were to come after this part (there were
// laterBefore, now laterAfter), why: in the words of the flags it raised,
// or, when it left nothing more to ask, of any raised flag; else in the
// engine's own.
func (s *Session) raised(before, after map[string]bool, laterBefore, laterAfter int) {
	var ends, endsAny []string
	for _, f := range s.Set.Flags {
		if !after[f.ID] {
			continue
		}
		if f.Ends != "" {
			endsAny = append(endsAny, s.fill(f.Ends))
		}
		if before[f.ID] {
			continue
		}
		if f.Ends != "" {
			ends = append(ends, s.fill(f.Ends))
		}
		if f.AtOnce {
			say := f.Say
			if say == "" {
				say = f.Text
			}
			s.Asker.Say(strings.TrimSpace(s.fill(say)) + "\n\n" + report.HelpText(s.words(), s.flagHelp(f)))
		}
	}
	s.keepHelp(after)
	left := laterBefore - laterAfter
	switch {
	case left <= 0:
		return
	case len(ends) > 0:
	case laterAfter > 0:
		ends = []string{s.words().T("quiz_left_out", "n", left)}
	case len(endsAny) > 0:
		ends = endsAny
	default:
		ends = []string{s.words().T("quiz_early_end")}
	}
	s.Asker.Say(ends[0])
}

// keepHelp keeps, for a stop before the result, whether an urgent flag is
// raised and where to get help for those that are.
func (s *Session) keepHelp(flags map[string]bool) {
	var help []score.Resource
	urgent := false
	for _, f := range s.Set.Flags {
		if flags[f.ID] && f.Urgent {
			urgent = true
			help = append(help, s.flagHelp(f)...)
		}
	}
	s.mu.Lock()
	s.urgent, s.help = urgent, dedupe(help)
	s.mu.Unlock()
}

// dedupe keeps the first of each resource, in order; nil when there are none.
func dedupe(rs []score.Resource) []score.Resource {
	var out []score.Resource
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	return out
}

// flagHelp returns the places to get help that f names, as the person
// would read them.
func (s *Session) flagHelp(f *questions.Flag) []score.Resource {
	var out []score.Resource
	for _, id := range f.Resources {
		if res := s.Set.Resource(id); res != nil {
			out = append(out, score.Resource{ID: res.ID, Title: s.fill(res.Title), Text: s.fill(res.Text),
				Phone: s.fill(res.Phone), Site: s.fill(res.Site), Hours: s.fill(res.Hours)})
		}
	}
	return out
}

// prompt builds the Prompt for q with its current answer as the default.
func (s *Session) prompt(q *questions.Question) *Prompt {
	p := &Prompt{ID: q.ID, Kind: string(q.Kind), Text: s.fill(q.Text), Help: s.fill(q.Help), w: s.words()}
	switch q.Kind {
	case questions.KindChoice, questions.KindMulti:
		for _, o := range q.Options {
			p.Options = append(p.Options, PromptOption{Label: text.OneLine(s.fill(o.Label)), Help: text.OneLine(s.fill(o.Help))})
		}
	case questions.KindScale:
		for _, l := range s.Set.Labels(q) {
			p.Options = append(p.Options, PromptOption{Label: text.OneLine(s.fill(l))})
		}
	}
	p.Min, p.Max = s.Set.Range(q)
	p.MinLabel, p.MaxLabel = text.OneLine(s.fill(q.MinLabel)), text.OneLine(s.fill(q.MaxLabel))
	v, ok := s.Answers.Values[q.ID]
	if !ok {
		return p
	}
	p.HasDefault = true
	switch x := v.(type) {
	case string:
		if q.Kind == questions.KindChoice {
			for i, o := range q.Options {
				if o.Value == x {
					p.Default.Index = i
				}
			}
		} else {
			p.Default.Text = x
		}
	case []string:
		for i, o := range q.Options {
			for _, val := range x {
				if o.Value == val {
					p.Default.Indices = append(p.Default.Indices, i)
				}
			}
		}
	case int:
		if q.Kind == questions.KindScale {
			p.Default.Index = x - 1
		} else {
			p.Default.Number = x
		}
	}
	return p
}

// value turns a reply into the answer's value.
func (s *Session) value(q *questions.Question, r Reply) any {
	switch q.Kind {
	case questions.KindChoice:
		return q.Options[r.Index].Value
	case questions.KindMulti:
		out := []string{}
		for _, i := range r.Indices {
			out = append(out, q.Options[i].Value)
		}
		return out
	case questions.KindScale:
		return r.Index + 1
	case questions.KindNumber:
		return r.Number
	}
	return strings.TrimSpace(text.Clean(r.Text))
}

// Check says what is wrong with a reply to p, in words for the person.
func (p *Prompt) Check(r Reply) error {
	w := p.w
	switch p.Kind {
	case "choice", "scale":
		if r.Index < 0 || r.Index >= len(p.Options) {
			return errors.New(w.T("quiz_pick_one", "n", len(p.Options)))
		}
	case "multi":
		seen := map[int]bool{}
		for _, i := range r.Indices {
			if i < 0 || i >= len(p.Options) {
				return errors.New(w.T("quiz_not_option", "pick", i+1, "n", len(p.Options)))
			}
			seen[i] = true
		}
		if len(seen) < p.Min || len(seen) > p.Max {
			return errors.New(w.T("quiz_please", "how", multiCount(w, p.Min, p.Max, len(p.Options))))
		}
	case "number":
		if r.Number < p.Min || r.Number > p.Max {
			return errors.New(w.T("quiz_whole_number", "min", p.Min, "max", p.Max))
		}
	}
	return nil
}

// save writes the progress file, unless private or stopped. A failure
// (a full disk, say) is said once, truthfully: the progress saved before
// is still there, whole, as the file is replaced only by a complete one.
// The quiz goes on, and the next answer tries again.
func (s *Session) save(position string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ProgressPath == "" || s.stopped {
		return
	}
	p := &Progress{Set: s.Set.ID, Version: s.Set.Version, Hash: s.Set.Hash, Source: s.Source, Language: s.Set.Language,
		Position: position, Review: s.reviewing, Words: s.Answers.Words, Values: s.Answers.Values}
	write := s.writeProgress
	if write == nil {
		write = SaveProgress
	}
	w := s.words()
	if err := write(s.ProgressPath, p, s.Set); err != nil {
		if !s.saveFail {
			if s.saved > 0 {
				s.Asker.Say(w.T("quiz_save_failed_kept", "error", err.Error(), "n", s.saved, "path", s.ProgressPath))
			} else {
				s.Asker.Say(w.T("quiz_save_failed", "error", err.Error()))
			}
		}
		s.saveFail = true
		return
	}
	if s.saveFail {
		s.Asker.Say(w.T("quiz_save_again", "n", len(s.Answers.Values), "path", s.ProgressPath))
	}
	s.saveFail = false
	s.saved = len(s.Answers.Values)
}

// Stop is called when the program is about to end early (a signal, the
// input ending). It waits for a save under way, stops any later one, and
// returns what to tell the person: how many answers are kept and how to
// go on.
func (s *Session) Stop() string {
	msg := s.stop()
	s.mu.Lock()
	urgent, help := s.urgent, s.help
	s.mu.Unlock()
	if !urgent {
		return msg
	}
	// Answers that called for help were given before the result was
	// reached: where to get it goes with the person, whatever stopped them.
	return msg + "\n\n" + report.HelpText(s.words(), help)
}

func (s *Session) stop() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped = true
	w := s.words()
	switch {
	case s.removed:
		return w.T("stop_done")
	case s.ProgressPath == "":
		return w.T("stop_private")
	case s.saveFail && s.saved > 0:
		return w.T("stop_kept_older", "n", s.saved, "path", s.ProgressPath, "resume", s.ResumeCommand)
	case s.saved == 0:
		if _, err := os.Stat(s.ProgressPath); err == nil && !s.saveFail {
			return w.T("stop_before_kept", "path", s.ProgressPath, "resume", s.ResumeCommand)
		}
		return w.T("stop_nothing")
	}
	return w.T("stop_kept", "n", s.saved, "path", s.ProgressPath, "resume", s.ResumeCommand)
}

// score runs Score, turning a panic into an error so that a fault there
// never loses the answers.
func (s *Session) score() (r *score.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%v", p)
		}
	}()
	return score.Score(s.Set, s.Answers), nil
}

// prune drops answers to questions that will not be asked, so that what
// is scored and kept is what the person was asked.
func (s *Session) prune() {
	asked := map[string]bool{}
	for _, q := range s.plan() {
		asked[q.ID] = true
	}
	for id := range s.Answers.Values {
		if !asked[id] {
			delete(s.Answers.Values, id)
		}
	}
}

// finish scores, shows the verdict and writes the report and answers the
// person asks for. The answers are never lost: if anything fails, the
// progress file stays.
func (s *Session) finish() error {
	s.prune()
	s.save("")
	result, err := s.score()
	if err != nil {
		s.Asker.Say(s.words().T("quiz_score_failed", "error", text.OneLine(err.Error())))
		return s.keepOnFailure("")
	}
	w := result.Words
	s.Asker.Verdict(w.T("quiz_result", "title", text.OneLine(result.Verdict.Title)),
		text.OneLine(result.Verdict.Summary)+"\n"+w.T("quiz_result_more"))
	// Where to get help is on the screen before anything is offered, so
	// that nobody leaves an urgent result without it, whatever they save.
	if len(result.Help) > 0 || result.Urgent() {
		s.Asker.Say(report.HelpText(result.Words, result.Help))
	}
	if since := report.Since(result, s.Compare); since != "" {
		s.Asker.Say(since)
	}
	wrote := false
	defer func() {
		if !wrote && result.Urgent() && len(result.Help) > 0 {
			s.Asker.Say(w.T("help_again") + "\n- " + report.ResourceLine(result.Help[0]))
		}
	}()

	date := s.Date.Format("2006-01-02")
	reportName := s.defaultName(w.T("file_report", "date", date), ".pdf")
	if s.ReportPath != "" {
		// -o: asked for nothing, unless it cannot be written; then
		// another name, and the answers are never lost unasked.
		path, err := s.reportUntilWritten(s.ReportPath, s.Force, result, "", reportName)
		if err != nil {
			return err
		}
		if path == "" {
			return s.keepOnFailure("the report could not be written")
		}
		wrote = true
		s.removeProgress()
		s.closing(path, "")
		return nil
	}

	reportPath, err := s.askPath(w.T("quiz_save_report"), true, reportName)
	if err != nil {
		return err
	}

	kept := ""
	if s.ProgressPath != "" {
		if kept, err = s.answersUntilWritten(w.T("quiz_keep_answers"), false); err != nil {
			return err
		}
	}
	if reportPath != "" {
		path, err := s.reportUntilWritten(reportPath, true, result, kept, reportName)
		if err != nil {
			return err
		}
		if path == "" {
			if kept == "" {
				return s.keepOnFailure("the report could not be written")
			}
			s.closing("", kept)
			return errors.New("the report could not be written; your answers are in " + kept)
		}
		reportPath, wrote = path, true
	}
	s.removeProgress()
	s.closing(reportPath, kept)
	return nil
}

// closing is the last line of a finished quiz: what was kept, where.
func (s *Session) closing(report, answers string) {
	w := s.words()
	var kept string
	switch {
	case report != "" && answers != "":
		kept = w.T("closing_both", "report", report, "answers", answers)
	case report != "":
		kept = w.T("closing_report", "report", report)
	case answers != "":
		kept = w.T("closing_answers", "answers", answers)
	case s.ProgressPath == "":
		s.Asker.Say(w.T("closing_none_private"))
		return
	default:
		s.Asker.Say(w.T("closing_none"))
		return
	}
	rest := w.T("closing_rest")
	if s.ProgressPath == "" {
		rest = w.T("closing_rest_private")
	}
	s.Asker.Say(kept + " " + rest)
}

func (s *Session) report(path string, r *score.Result, kept string, overwrite bool) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	if s.writeReport != nil {
		return s.writeReport(path, r, kept, overwrite)
	}
	if abs, err := filepath.Abs(kept); kept != "" && err == nil {
		kept = abs
	}
	return report.WriteFile(path, r, report.Options{Date: s.Date, Kept: kept, Compare: s.Compare, Font: s.Font, FontName: s.FontName}, overwrite)
}

func (s *Session) writeAnswers(path string) error {
	var b strings.Builder
	if err := s.Answers.Encode(&b, s.Set); err != nil {
		return err
	}
	return file.Write(path, []byte(b.String()), 0o600, true)
}

// keepOnFailure makes sure the answers outlive a failure at the end: they
// are in the progress file, or the person is offered a file for them
// until one is written or they say no.
func (s *Session) keepOnFailure(what string) error {
	w := s.words()
	switch {
	case s.ProgressPath != "" && !s.saveFail:
		s.Asker.Say(w.T("quiz_kept_retry", "path", s.ProgressPath, "resume", s.ResumeCommand))
	default:
		question := w.T("quiz_nothing_kept")
		if s.saved > 0 {
			question = w.T("quiz_not_all_kept")
		}
		if _, err := s.answersUntilWritten(question, true); err != nil {
			return err
		}
	}
	if what == "" {
		what = "the answers could not be scored"
	}
	return errors.New(what)
}

// answersUntilWritten asks question (whether to save the answers in a
// file, def the answer to Enter) and, as long as the person wants to,
// where, until the file is written; a failure (a read-only folder, a full
// disk) is said and another name offered. It returns the file, or "" when
// the person chose not to save one.
func (s *Session) answersUntilWritten(question string, def bool) (string, error) {
	w := s.words()
	name := s.defaultName(w.T("file_answers", "date", s.Date.Format("2006-01-02")), ".toml")
	ap, err := s.askPath(question, def, name)
	for ap != "" && err == nil {
		werr := s.writeAnswers(ap)
		if werr == nil {
			s.Asker.Say(w.T("quiz_answers_again", "path", ap))
			return ap, nil
		}
		s.Asker.Say(w.T("quiz_answers_failed", "error", werr.Error()))
		ap, err = s.askPath(w.T("quiz_try_again"), true, name)
	}
	return "", err
}

// reportUntilWritten writes the report to path and, when that fails, says
// why and offers another name (defName first) until it is written or the
// person says no. It returns where the report is, or "".
func (s *Session) reportUntilWritten(path string, overwrite bool, r *score.Result, kept, defName string) (string, error) {
	w := s.words()
	for path != "" {
		err := s.report(path, r, kept, overwrite)
		if err == nil {
			return path, nil
		}
		s.Asker.Say(w.T("quiz_report_failed", "error", err.Error()))
		if path, err = s.askPath(w.T("quiz_try_again"), true, defName); err != nil {
			return "", err
		}
		overwrite = true // askPath asked before offering a name in use
	}
	return "", nil
}

func (s *Session) removeProgress() {
	if s.ProgressPath == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped, s.removed = true, true
	if err := RemoveProgress(s.ProgressPath); err != nil {
		s.Asker.Say(s.words().T("quiz_progress_not_deleted", "error", file.Cause(err).Error()))
	}
	os.Remove(filepath.Dir(s.ProgressPath)) // only if empty: leave no trace
}

// defaultName returns base+ext in s.Dir, or base-2+ext and so on when
// that is taken.
func (s *Session) defaultName(base, ext string) string {
	join := func(n string) string {
		if s.Dir == "" {
			return n
		}
		return strings.TrimRight(s.Dir, "/") + "/" + n
	}
	name := join(base + ext)
	for i := 2; i < 100; i++ {
		if _, err := os.Lstat(name); err != nil {
			break
		}
		name = join(base + "-" + strconv.Itoa(i) + ext)
	}
	return name
}

// askPath asks whether to save something and where; "" means no. The
// name offered is one of the options, so that most people answer once.
// An existing file is replaced only when the person says so.
func (s *Session) askPath(question string, def bool, defName string) (string, error) {
	w := s.words()
	opts := []string{w.T("quiz_yes_as", "path", defName), w.T("quiz_yes_other"), w.T("quiz_no")}
	d := 2
	if def {
		d = 0
	}
	for {
		i, err := s.Asker.Choose(question, opts, d)
		if errors.Is(err, ErrBack) {
			s.Asker.Notice(w.T("quiz_after_result"))
			continue
		}
		if err != nil || i == 2 {
			return "", err
		}
		name := defName
		if i == 1 {
			name, err = s.Asker.Input(w.T("quiz_file_name"), defName)
			if errors.Is(err, ErrBack) {
				continue
			}
			if err != nil {
				return "", err
			}
			if name = strings.TrimSpace(text.Clean(name)); name == "" {
				name = defName
			}
		}
		if strings.HasPrefix(name, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				name = home + name[1:]
			}
		}
		if fi, err := os.Stat(name); err == nil {
			d = 1
			if fi.IsDir() {
				s.Asker.Notice(w.T("quiz_is_folder", "path", name))
				continue
			}
			replace, err := s.Asker.Confirm(w.T("quiz_replace", "path", name), false)
			if errors.Is(err, ErrBack) || err == nil && !replace {
				continue
			}
			if err != nil {
				return "", err
			}
		}
		return name, nil
	}
}
