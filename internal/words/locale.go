package words

import "strings"

// FromLocale returns the language the environment asks for, as POSIX
// says: LC_ALL, else LC_MESSAGES, else LANG, the first that is set; as a
// language tag ("es-ES" for "es_ES.UTF-8"), and the setting that said it
// ("LANG=es_ES.UTF-8"). The C and POSIX locales, and none, ask for
// nothing: "" and "".
func FromLocale(getenv func(string) string) (tag, setting string) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		l := val
		if i := strings.IndexAny(l, ".@"); i >= 0 {
			l = l[:i] // the codeset and modifier say nothing of the language
		}
		if l == "" || l == "C" || l == "POSIX" {
			return "", ""
		}
		return strings.ReplaceAll(l, "_", "-"), v + "=" + val
	}
	return "", ""
}
