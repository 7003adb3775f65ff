package report

import "amends/internal/words"

// The English words the tests look for, from the catalogue the report
// takes them from.
var (
	en          = (*words.Book)(nil)
	tHelp       = en.T("help_heading")
	tStanding   = en.T("report_standing")
	tRaised     = en.T("report_raised")
	tReadiness  = en.T("report_readiness")
	tSteps      = en.T("report_steps")
	tSafeSteps  = en.T("report_safe_steps")
	tHonest     = en.T("report_honest")
	tAbout      = en.T("report_about")
	tAnswers    = en.T("report_answers")
	tCompare    = en.T("report_compare")
	wStrengths  = en.T("report_strengths")
	wWork       = en.T("report_work")
	wCallLabel  = en.T("report_call_label")
	wStartLabel = en.T("report_start_label")
)
