package questions_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"amends/questions"
)

// compiled compiles the set schema with a validator nobody here wrote.
func compiled(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(questions.Schema()))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(questions.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(questions.SchemaID)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// asJSON decodes a TOML file into the values a JSON validator reads.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaValidatesEverySet: every question set in the repository that
// loads is valid against the schema, as a JSON Schema validator sees it.
func TestSchemaValidatesEverySet(t *testing.T) {
	schema := compiled(t)
	root := ".."
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "toml-test" || d.Name() == ".git" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if _, err := questions.Load(p, src); err != nil {
			return nil // not a set, or one with mistakes on purpose
		}
		n++
		if err := schema.Validate(asJSON(t, src)); err != nil {
			t.Errorf("%s loads, but the schema refuses it:\n%v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Errorf("%d sets found in the repository, want at least 5 (the built-in ones, the minimal one, the test sets)", n)
	}
	// The built-in set as amends new writes it, schema line and all.
	if err := schema.Validate(asJSON(t, questions.WithSchemaLine(questions.BuiltinSource()))); err != nil {
		t.Errorf("the built-in set: %v", err)
	}
}

// TestSchemaRefuses: what an editor should point at, the schema points at.
func TestSchemaRefuses(t *testing.T) {
	schema := compiled(t)
	small, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ old, new, want string }{
		{`title = "A small set"`, `titel = "A small set"`, "titel"},
		{`kind = "scale"`, `kind = "scael"`, "/question/2/kind"},
		{"weight = 2\n", "weight = \"2\"\n", "weight"},
		{`version = "0.1.0"`, `version = "first"`, "version"},
		{`id = "small"`, `id = "Small Set"`, "id"},
	} {
		src := strings.Replace(string(small), tt.old, tt.new, 1)
		err := schema.Validate(asJSON(t, []byte(src)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error naming %q", tt.new, err, tt.want)
		}
	}
}
