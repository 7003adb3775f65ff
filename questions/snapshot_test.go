package questions_test

import (
	"bytes"
	"os"
	"testing"

	"amends/questions"
	"amends/questions/internal/snapshot"
)

// TestBuiltinSnapshot checks that builtin_gen.go holds exactly what Load
// makes of builtin.toml, so that Builtin, which starts from it, is the set
// the file describes; go generate ./questions rewrites it.
func TestBuiltinSnapshot(t *testing.T) {
	loaded, err := questions.Load(questions.BuiltinName, questions.BuiltinSource())
	if err != nil {
		t.Fatal(err)
	}
	want, err := snapshot.Source(loaded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("builtin_gen.go is out of date with builtin.toml; run: go generate ./questions")
	}
	// And the set Builtin returns prints the same.
	b, err := questions.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	again, err := snapshot.Source(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, want) {
		t.Fatal("Builtin() differs from Load(builtin.toml)")
	}
	if b.Hash != loaded.Hash || len(b.Questions()) != len(loaded.Questions()) {
		t.Fatalf("hash %s or %d questions, want %s and %d", b.Hash, len(b.Questions()), loaded.Hash, len(loaded.Questions()))
	}
}
