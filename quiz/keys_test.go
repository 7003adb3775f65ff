package quiz

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// chunks is a terminal whose input comes in the given reads.
type chunks struct{ reads []string }

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.reads) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.reads[0])
	if c.reads[0] = c.reads[0][n:]; c.reads[0] == "" {
		c.reads = c.reads[1:]
	}
	return n, nil
}

func (c *chunks) Fd() uintptr { return ^uintptr(0) }

// newTestKeys is Keys over reads; more input is waited for only while
// some remains, so that nothing waits on a clock.
func newTestKeys(reads ...string) *Keys {
	in := &chunks{reads: reads}
	k := NewKeys(in)
	k.wait = func(time.Duration) bool { return len(in.reads) > 0 }
	return k
}

// readAll reads k with reads of size n until the input ends, returning
// what each read gave.
func readAll(t *testing.T, k *Keys, n int) []string {
	t.Helper()
	var out []string
	buf := make([]byte, n)
	for range 1000 {
		m, err := k.Read(buf)
		if m > 0 {
			out = append(out, string(buf[:m]))
		}
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("no end of input")
	return nil
}

// TestKeysOneKeyPerRead: keys typed ahead in one burst come one per Read,
// so that survey's throwaway buffered readers never hold more than one.
func TestKeysOneKeyPerRead(t *testing.T) {
	k := newTestKeys("\r\x1b[Bab\x1b[12;40Rż\x1bOA ")
	got := readAll(t, k, 4096)
	want := []string{"\r", "\x1b[B", "a", "b", "ż", "\x1bOA", " "} // a reply nobody asked for goes
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reads %q\nwant %q", got, want)
	}
	// A reader with room for one byte gets a key in parts, losing nothing.
	k = newTestKeys("\x1b[Bż")
	if got := strings.Join(readAll(t, k, 1), "|"); got != "\x1b|[|B|\xc5|\xbc" {
		t.Errorf("one byte at a time: %q", got)
	}
}

// TestKeysInParts: a key whose bytes come in separate reads is put
// together; an Escape key pressed alone comes alone.
func TestKeysInParts(t *testing.T) {
	for _, c := range []struct {
		reads []string
		want  []string
	}{
		{[]string{"\x1b", "[", "B"}, []string{"\x1b[B"}},
		{[]string{"\x1b[1;", "5A"}, []string{"\x1b[A"}},
		{[]string{"\xc5", "\xbc"}, []string{"ż"}},
		{[]string{"\x1b"}, []string{"\x1b"}},
		{[]string{"\x1b\x1b[B"}, []string{"\x1b", "\x1b[B"}},
	} {
		got := readAll(t, newTestKeys(c.reads...), 4096)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: reads %q, want %q", c.reads, got, c.want)
		}
	}
}

// TestKeysEvents: Ctrl-D is handed on as Ctrl-C, which ends any survey
// prompt, and Event says it was the end of input; a bound key likewise.
func TestKeysEvents(t *testing.T) {
	k := newTestKeys("\x04", "\x03", "\x1c", "\x1b[Z", "x")
	k.Bind("\x1b[Z", Back)
	buf := make([]byte, 16)
	for _, want := range []Event{EndOfInput, Interrupt, Interrupt, Back} {
		n, err := k.Read(buf)
		if err != nil || string(buf[:n]) != "\x03" {
			t.Fatalf("read %q, %v; want Ctrl-C", buf[:n], err)
		}
		if got := k.Event(); got != want {
			t.Errorf("event %v, want %v", got, want)
		}
	}
	if n, _ := k.Read(buf); string(buf[:n]) != "x" || k.Event() != Interrupt {
		t.Errorf("read %q after the events", buf[:n])
	}
	k.Bind("\x04", NoEvent)
	k.buf = []byte("\x04")
	if n, _ := k.Read(buf); string(buf[:n]) != "\x04" {
		t.Errorf("an unbound Ctrl-D read as %q", buf[:n])
	}
}

// TestPlainKey: what survey would misread is made plain or dropped.
func TestPlainKey(t *testing.T) {
	for in, want := range map[string]string{
		"a":          "a",
		"\x1b[A":     "\x1b[A",
		"\x1bOB":     "\x1bOB",
		"\x1b[1;5C":  "\x1b[C",  // Ctrl-Right: survey would type "5C"
		"\x1b[1;2H":  "\x1b[H",  // Shift-Home
		"\x1b[3~":    "\x1b[3~", // Delete
		"\x1b[1~":    "\x1b[H",
		"\x1b[8~":    "\x1b[F",
		"\x1b[15~":   "", // F5: survey would type "~"
		"\x1b[Z":     "", // Shift-Tab: survey would drop the next key
		"\x1bx":      "", // Alt-x: survey fails the prompt
		"\x1b[<0;1M": "", // a mouse report
	} {
		if got := plainKey(in); got != want {
			t.Errorf("plainKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeysReplyFirst: once survey has asked where the cursor is, the
// reply is handed on before the keys typed ahead of it, which wait.
func TestKeysReplyFirst(t *testing.T) {
	k := newTestKeys("ab", "\x1b[B\x1b[5;9Rc")
	io.WriteString(k.Output(discard{}), "\x1b[s\x1b[6n")
	buf := make([]byte, 4096)
	n, err := k.Read(buf)
	if err != nil || string(buf[:n]) != "\x1b[5;9R" {
		t.Fatalf("first read %q, %v; want the reply", buf[:n], err)
	}
	if got := strings.Join(readAll(t, k, 4096), "|"); got != "a|b|\x1b[B|c" {
		t.Errorf("then %q", got)
	}
	// Ctrl-D before the reply: a made-up reply now, Ctrl-D next, and the
	// real reply dropped when it comes.
	k = newTestKeys("x\x04", "\x1b[5;9Ry")
	io.WriteString(k.Output(discard{}), "\x1b[6n")
	if n, _ := k.Read(buf); string(buf[:n]) != "\x1b[1;1R" {
		t.Fatalf("read %q, want a made-up reply", buf[:n])
	}
	if got := strings.Join(readAll(t, k, 4096), "|"); got != "x|\x03|y" || k.Event() != EndOfInput {
		t.Errorf("then %q", got)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) Fd() uintptr                 { return ^uintptr(0) }

// TestTerminalTextEnd: in the terminal's own line mode Ctrl-D ends the
// input (the read returns nothing); a line typed but not entered is then
// no answer, as with every other prompt.
func TestTerminalTextEnd(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	io.WriteString(w, "half typed")
	w.Close()
	a := NewTerminal(r, os.Stderr, io.Discard)
	a.Out = discard{}
	reply, err := a.Ask(&Prompt{Kind: "text", Text: "Anything?"})
	if !errors.Is(err, ErrEndKey) || reply.Text != "" {
		t.Errorf("got %+v, %v; want the end of input and no answer", reply, err)
	}
}
