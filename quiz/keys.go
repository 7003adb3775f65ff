package quiz

import (
	"bytes"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// Keys is the input layer between the terminal and survey's prompts.
// Survey reads its keys through it (it takes any terminal.FileReader), and
// it mends what survey gets wrong:
//
//   - Nothing typed ahead is lost. Survey reads through a fresh buffered
//     reader for each prompt and drops whatever that reader took beyond
//     what it needed; Keys hands on one whole key per Read, so a reader
//     never holds more than one key, and the keys after it wait here for
//     the next prompt. And when survey asks the terminal where the cursor
//     is (Input and Confirm do), it reads every key up to the reply and
//     keeps them only for the prompt at hand; Keys sees the question go
//     out (survey writes through Output) and hands on the reply first,
//     the keys typed before it still waiting their turn.
//   - A key can stand for an event: Ctrl-D for the end of input (survey
//     takes it for Enter, and would answer the question), Ctrl-\ for an
//     interruption; Bind adds more, such as a key for going back. Survey
//     is handed Ctrl-C for such a key, which ends any prompt, and Event
//     then says what the key was.
//   - Keys survey misreads are made plain or dropped: survey reads only
//     the first of an escape sequence's parameters, so Ctrl-Up or F5 would
//     type their last characters into an answer, and Alt with a letter
//     fails the prompt.
//
// Keys is safe for use by one reader at a time, which is how prompts read.
type Keys struct {
	in terminal.FileReader

	mu    sync.Mutex
	buf   []byte // read from the terminal and not yet handed on
	part  []byte // the rest of a key a reader took only part of
	err   error  // the read error to hand on once buf is empty
	event Event  // what the last Ctrl-C handed on stood for
	binds map[string]Event

	// replies counts the cursor-position questions written and not yet
	// answered; Output's Write adds to it while Read may be waiting.
	replies atomic.Int32

	// wait reports whether more input arrives within d; nil waits for
	// nothing (the input is not a terminal that can be polled).
	wait func(d time.Duration) bool
	// waitKey waits for input or a call of Redraw, and reports whether it
	// was Redraw; nil waits only in the read.
	waitKey func() bool
	redraw  func() // wakes waitKey
}

// Event is what a key stands for, beyond the key itself.
type Event int

// The events a key may stand for.
const (
	NoEvent    Event = iota
	Interrupt        // Ctrl-C: stop, keeping what was answered
	EndOfInput       // Ctrl-D: the end of input, the same
	Back             // go back to the previous question
)

const keyInterrupt = "\x03"

// NewKeys returns the input layer over in, with Ctrl-C and Ctrl-\ bound
// to Interrupt and Ctrl-D to EndOfInput.
func NewKeys(in terminal.FileReader) *Keys {
	k := &Keys{in: in, binds: map[string]Event{
		"\x03": Interrupt,
		"\x1c": Interrupt,
		"\x04": EndOfInput,
	}}
	k.wait = pollFunc(in)
	k.waitKey, k.redraw = wakeFunc(in)
	return k
}

// KeyRedraw is what Keys hands on after Redraw: a key no prompt does
// anything with but draw itself again.
const KeyRedraw = "\x07"

// Redraw makes the prompt reading keys draw itself again, as after a key
// that does nothing: when the screen has changed size, so that its text
// is wrapped to the new width at once.
func (k *Keys) Redraw() {
	if k.redraw != nil {
		k.redraw()
	}
}

// Bind makes key (the bytes a terminal sends for it, such as "\x1b[Z" for
// Shift-Tab) stand for e. A key bound to NoEvent is handed on as it is.
func (k *Keys) Bind(key string, e Event) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if e == NoEvent {
		delete(k.binds, key)
		return
	}
	k.binds[key] = e
}

// Event returns what the last Ctrl-C handed on stood for, and forgets it:
// Interrupt when nothing else was recorded.
func (k *Keys) Event() Event {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.event
	k.event = NoEvent
	if e == NoEvent {
		return Interrupt
	}
	return e
}

// Fd returns the terminal's file descriptor, for survey's terminal modes.
func (k *Keys) Fd() uintptr { return k.in.Fd() }

// Read hands on at most one key: whole, unless p is too small for it, in
// which case the rest comes with the next Read.
func (k *Keys) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for len(k.part) == 0 {
		key, err := k.next()
		if err != nil {
			return 0, err
		}
		k.part = key
	}
	n := copy(p, k.part)
	k.part = k.part[n:]
	return n, nil
}

// next takes the next key from the terminal, as survey should see it; an
// empty key was dropped.
func (k *Keys) next() ([]byte, error) {
	if k.replies.Load() > 0 {
		return k.reply()
	}
	if len(k.buf) == 0 && !k.fill(true) {
		return nil, k.takeErr()
	}
	n := k.keyLen()
	raw := string(k.buf[:n])
	k.buf = k.buf[n:]
	if e, ok := k.binds[raw]; ok {
		k.event = e
		return []byte(keyInterrupt), nil
	}
	if isCursorReplyKey(raw) {
		return nil, nil // nobody waits for it (see reply): it must not be typed
	}
	return []byte(plainKey(raw)), nil
}

// reply returns the answer to a cursor-position question, taken from
// among the keys typed before it, which stay for later. Should a key
// that stops the quiz (Ctrl-C, Ctrl-D) come first, a made-up reply is
// handed on at once, so that the prompt goes on to read that key rather
// than wait for a terminal that may never answer; the real reply is then
// dropped when it comes.
func (k *Keys) reply() ([]byte, error) {
	for {
		for i := 0; i < len(k.buf); {
			n, complete := keyAt(k.buf[i:])
			if !complete && !k.fill(false) {
				complete = true
			}
			if !complete {
				continue
			}
			key := string(k.buf[i : i+n])
			if isCursorReplyKey(key) {
				k.buf = append(k.buf[:i:i], k.buf[i+n:]...)
				k.replies.Add(-1)
				return []byte(key), nil
			}
			if e := k.binds[key]; e == Interrupt || e == EndOfInput {
				k.replies.Add(-1)
				return []byte("\x1b[1;1R"), nil
			}
			i += n
		}
		if !k.fill(true) {
			return nil, k.takeErr()
		}
	}
}

// Output returns out with the cursor-position questions written to it
// counted, so that Keys knows a reply is awaited; survey must write
// through it.
func (k *Keys) Output(out terminal.FileWriter) terminal.FileWriter {
	return &keysOut{k: k, out: out}
}

type keysOut struct {
	k   *Keys
	out terminal.FileWriter
}

func (o *keysOut) Write(p []byte) (int, error) {
	if n := bytes.Count(p, []byte(cursorQuestion)); n > 0 {
		o.k.replies.Add(int32(n))
	}
	return o.out.Write(p)
}

func (o *keysOut) Fd() uintptr { return o.out.Fd() }

// cursorQuestion asks a terminal where the cursor is (DSR); it replies
// ESC [ row ; column R, as though typed.
const cursorQuestion = "\x1b[6n"

func isCursorReplyKey(key string) bool {
	return len(key) > 3 && key[0] == 0x1b && key[1] == '[' && key[len(key)-1] == 'R' && isCursorReply(key[2:len(key)-1])
}

func (k *Keys) takeErr() error {
	err := k.err
	k.err = nil
	return err
}

// fill reads more from the terminal into buf. Unless block is set, it
// reads only what arrives within a moment, for the rest of a key whose
// first bytes came alone. It reports whether anything was read.
func (k *Keys) fill(block bool) bool {
	if k.err != nil {
		return false
	}
	if !block && (k.wait == nil || !k.wait(keyRestWait)) {
		return false
	}
	if block && k.waitKey != nil && k.waitKey() {
		k.buf = append(k.buf, KeyRedraw...)
		return true
	}
	var chunk [256]byte
	n, err := k.in.Read(chunk[:])
	k.buf = append(k.buf, chunk[:n]...)
	if err != nil {
		k.err = err
	}
	return n > 0
}

// keyRestWait is how long the rest of a key is waited for once its first
// bytes have come: an Escape key pressed alone arrives alone, whereas the
// bytes of an arrow key come together, in practice in the same read.
const keyRestWait = 50 * time.Millisecond

// keyLen returns the length of the key at the start of buf, reading the
// rest of it from the terminal when it came in parts.
func (k *Keys) keyLen() int {
	for {
		n, complete := keyAt(k.buf)
		if complete || !k.fill(false) {
			return n
		}
	}
}

// keyAt returns the length of the key at the start of b (not empty) and
// whether it is complete.
func keyAt(b []byte) (int, bool) {
	switch {
	case b[0] != 0x1b:
		if b[0] < utf8.RuneSelf {
			return 1, true
		}
		if !utf8.FullRune(b) {
			return len(b), false
		}
		_, n := utf8.DecodeRune(b)
		return n, true
	case len(b) == 1:
		return 1, false // Escape alone, or the start of a sequence
	case b[1] == '[':
		// CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, a final byte.
		for i := 2; i < len(b); i++ {
			if b[i] >= 0x40 && b[i] <= 0x7e {
				return i + 1, true
			}
			if b[i] < 0x20 || b[i] > 0x3f {
				return i, true // broken off: hand on what came
			}
		}
		return len(b), len(b) >= 32
	case b[1] == 'O':
		if len(b) < 3 {
			return len(b), false
		}
		return 3, true
	case b[1] == 0x1b:
		return 1, true // Escape, then another key
	}
	// Alt with a key: Escape and one character.
	if !utf8.FullRune(b[1:]) {
		return len(b), false
	}
	_, n := utf8.DecodeRune(b[1:])
	return 1 + n, true
}

// plainKey turns a key into what survey reads right: escape sequences it
// knows pass, a modified arrow (Ctrl-Up) becomes the arrow, Home and End
// in their other forms become the ones it knows, and other sequences are
// dropped.
func plainKey(key string) string {
	if len(key) < 2 || key[0] != 0x1b {
		return key
	}
	if key[1] == 'O' && len(key) == 3 && bytes.IndexByte([]byte("ABCDFH"), key[2]) >= 0 {
		return key
	}
	if key[1] != '[' || len(key) < 3 {
		return "" // Alt with a key, or Escape on its own before another
	}
	params, final := key[2:len(key)-1], key[len(key)-1]
	switch {
	case bytes.IndexByte([]byte("ABCDFH"), final) >= 0:
		return "\x1b[" + string(final) // with or without modifiers
	case final == '~':
		switch params {
		case "3":
			return "\x1b[3~" // Delete
		case "1", "7":
			return "\x1b[H"
		case "4", "8":
			return "\x1b[F"
		case "200", "201":
			return key // a paste begins or ends (the line prompt asks for the marks)
		}
	}
	return ""
}

// isCursorReply reports whether params are a cursor-position reply's: row;column.
func isCursorReply(params string) bool {
	digits, semi := 0, 0
	for _, c := range []byte(params) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ';':
			semi++
		default:
			return false
		}
	}
	return semi == 1 && digits >= 2
}

// Pending returns, without taking them, the keys typed but not yet read.
func (k *Keys) Pending() []byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append(append([]byte(nil), k.part...), k.buf...)
}
