package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"amends/questions"
)

// TestMain makes this test binary the amends command as well: run as
// "amends" (testscript puts it on PATH under that name), it is main. The
// scripts and the terminal tests run it so, and nothing is built.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"amends": main})
}

// TestScripts runs the command-line tests in testdata/script, each in its
// own folder with its own HOME, XDG_STATE_HOME and SOURCE_DATE_EPOCH; see
// scriptSetup for what else a script finds there.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		Setup:               scriptSetup,
		Cmds:                scriptCmds,
		Condition:           scriptCondition,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}

// scriptSetup gives a script a home, a state folder and a fixed date, the
// test sets to work with ($WORK/small.toml from questions/testdata, which
// "check" and "score" use, $WORK/mistakes.toml beside it, a set with each
// mistake the logic check finds, and $WORK/take.toml from quiz/testdata,
// which asks for a name), and what it may compare with: $BUILTIN (the built-in
// set's source, $BUILTIN_ES the Spanish one's), $BUILTIN_ID,
// $BUILTIN_VERSION, $VERSION and $CORPUS (the toml-test files).
func scriptSetup(env *testscript.Env) error {
	s, err := questions.Builtin()
	if err != nil {
		return err
	}
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			panic(err)
		}
		return a
	}
	for _, c := range [][2]string{
		{"questions/testdata/small.toml", "small.toml"},
		{"questions/testdata/mistakes.toml", "mistakes.toml"},
		{"quiz/testdata/small.toml", "take.toml"},
	} {
		b, err := os.ReadFile(c[0])
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(env.WorkDir, c[1]), b, 0o600); err != nil {
			return err
		}
	}
	for _, kv := range [][2]string{
		{"HOME", filepath.Join(env.WorkDir, "home")},
		{"XDG_STATE_HOME", filepath.Join(env.WorkDir, "state")},
		{"SOURCE_DATE_EPOCH", "1795564800"}, // 25 November 2026
		{"NO_COLOR", "1"},
		{"TERM", "xterm"},
		{"BUILTIN", abs("questions/builtin.toml")},
		{"BUILTIN_ID", s.ID},
		{"BUILTIN_VERSION", s.Version},
		{"VERSION", version},
		{"CORPUS", abs("questions/testdata/toml-test/tests")},
		{"BUILTIN_ES", abs("questions/builtin_es.toml")},
		// No language settings unless a script sets them: the built-in
		// set is the English one, whatever the machine speaks.
		{"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", ""},
	} {
		env.Setenv(kv[0], kv[1])
	}
	return os.Mkdir(filepath.Join(env.WorkDir, "home"), 0o700)
}

// amendsBin is the amends command that TestMain put on PATH, for the
// tests that drive it from Go (signals, a terminal).
func amendsBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("amends")
	if err != nil {
		t.Fatalf("amends is not on PATH, as TestMain puts it: %v", err)
	}
	return bin
}
