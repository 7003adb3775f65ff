package quiz

// The session's own words about help; the report package has the rest.
const (
	// earlyEnd is said when answers leave nothing more to ask after the
	// current part and no raised flag says why in the set's words.
	earlyEnd = "Your answers make the rest of the questions not apply, so the quiz ends after this part. The report will say why."
	// helpAgain is said at the end of an urgent result when no report was saved.
	helpAgain = "No report was saved, so here, once more, is the first place to turn to:"
)
