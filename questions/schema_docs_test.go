package questions

import (
	"reflect"
	"slices"
	"testing"
)

// TestSchemaDocs: every key of the format has a sentence for editors to
// show, and every sentence a key; every required key exists.
func TestSchemaDocs(t *testing.T) {
	seen := map[string]bool{}
	types := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || types[rt] || rt == condType || rt == msgType {
			return
		}
		types[rt] = true
		f := fieldsOf(rt)
		for _, n := range f.names {
			key := rt.Name() + "." + n
			seen[key] = true
			if keyDocs[key] == "" {
				t.Errorf("key %s has no description in keyDocs (schema.go)", key)
			}
			walk(rt.Field(f.index[n]).Type)
		}
	}
	walk(reflect.TypeOf(Set{}))
	for key := range keyDocs {
		if !seen[key] {
			t.Errorf("keyDocs describes %s, which is no key", key)
		}
	}
	for name, keys := range required {
		for _, k := range keys {
			if !seen[name+"."+k] {
				t.Errorf("required %s.%s is no key", name, k)
			}
		}
	}
	if !slices.Contains(required["Set"], "id") {
		t.Error("id is not required")
	}
}
