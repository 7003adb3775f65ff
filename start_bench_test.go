package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStart measures the budget of DESIGN.md's "start to first
// question": a real amends process, from exec to the first prompt of
// "amends take -plain -private" on the built-in set, beside a Go
// hello-world process from exec to its exit. The budget is 3 times
// hello; compare the two figures' ns/op (run with -benchtime=200x or so,
// on a quiet machine: both are a few milliseconds).
//
//	go test -run '^$' -bench BenchmarkStart -benchtime 200x .
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello")
	amends := filepath.Join(dir, "amends")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "hello.go"), []byte(src), 0o600); err != nil {
		b.Fatal(err)
	}
	build := func(out, pkgDir string) {
		cmd := exec.Command("go", "build", "-o", out, ".")
		cmd.Dir = pkgDir
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, msg)
		}
	}
	build(hello, dir)
	wd, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	build(amends, wd)
	env := append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "HOME="+dir, "LC_ALL=", "LC_MESSAGES=", "LANG=", "NO_COLOR=1")

	b.Run("hello", func(b *testing.B) {
		for b.Loop() {
			cmd := exec.Command(hello)
			cmd.Env = env
			if out, err := cmd.Output(); err != nil || !bytes.HasPrefix(out, []byte("hello")) {
				b.Fatalf("hello: %v %q", err, out)
			}
		}
	})
	b.Run("amends", func(b *testing.B) {
		for b.Loop() {
			firstQuestion(b, amends, env)
		}
	})
}

// firstQuestion starts amends take -plain -private and waits until it
// asks its first question (the prompt "> "), then ends its input and waits
// for it to stop; the time to stop is not the budget's, but is small.
func firstQuestion(b *testing.B, amends string, env []string) {
	cmd := exec.Command(amends, "take", "-plain", "-private")
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	asked := false
	for {
		line, err := r.ReadString('>')
		if err != nil {
			break
		}
		if len(line) == 1 || line[len(line)-2] == '\n' {
			asked = true
			break
		}
	}
	b.StopTimer()
	stdin.Close()
	go func() { _, _ = io.Copy(io.Discard, r) }()
	_ = cmd.Wait()
	b.StartTimer()
	if !asked {
		b.Fatal("amends asked no question")
	}
}
