package quiz

import (
	"strings"
	"sync"

	"github.com/AlecAivazis/survey/v2"

	"amends/internal/words"
)

// The key hints survey prints with each prompt ("[Use arrows to move, type
// to filter]"), its "(y/N)" and its word for a reply it refuses are English
// in its templates, which are the package's own variables. surveyWords puts
// the set's words in their place; English stays as survey wrote it.

var surveyEnglish = struct{ sel, multi, confirm, input, err string }{
	survey.SelectQuestionTemplate, survey.MultiSelectQuestionTemplate,
	survey.ConfirmQuestionTemplate, survey.InputQuestionTemplate, survey.ErrorTemplate,
}

var surveyMu sync.Mutex

// surveyWords sets survey's templates in the words of w.
func surveyWords(w *words.Book) {
	surveyMu.Lock()
	defer surveyMu.Unlock()
	r := strings.NewReplacer(
		"Use arrows to move", w.T("term_key_arrows"),
		"space to select", w.T("term_key_space"),
		"type to filter", w.T("term_key_filter"),
		"enter to select", w.T("term_key_enter"),
		"type to continue", w.T("term_key_continue"),
		"for more help", w.T("term_key_more_help"),
		" for help", " "+w.T("term_key_help"),
		"(Y/n)", "("+w.T("plain_yn_yes")+")",
		"(y/N)", "("+w.T("plain_yn_no")+")",
		"Sorry, your reply was invalid", w.T("term_invalid"),
	)
	survey.SelectQuestionTemplate = r.Replace(surveyEnglish.sel)
	survey.MultiSelectQuestionTemplate = r.Replace(surveyEnglish.multi)
	survey.ConfirmQuestionTemplate = r.Replace(surveyEnglish.confirm)
	survey.InputQuestionTemplate = r.Replace(surveyEnglish.input)
	survey.ErrorTemplate = r.Replace(surveyEnglish.err)
}
