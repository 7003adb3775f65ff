package screentest

import (
	"strings"
	"testing"
)

// InOrder fails the test unless every one of want is in out, each after
// the one before it.
func InOrder(t testing.TB, out string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(out[at:], w)
		if i < 0 {
			t.Fatalf("lacks %q after byte %d:\n%s", w, at, out)
		}
		at += i + len(w)
	}
}
