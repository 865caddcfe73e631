package openapi

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/corpus"
)

// TestStandInsSameErrors validates documents with and without the stand-ins
// and expects errors at the same places, and the document as it was
// afterwards. The messages may differ: without stand-ins an error inside a
// component schema is first met through some other schema that references
// it ("invalid allOf element: ..."), with them it is met at the schema
// itself, which is the better message.
func TestStandInsSameErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, corpus.Files(t, "small", "medium")...)
	for i, f := range corpus.Files(t, "apisguru-sample") {
		if i%4 == 0 {
			files = append(files, f)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		version, ok := Sniff(data)
		if !ok {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			d, err := Load(context.Background(), f, version, Options{Root: filepath.Dir(f)})
			if err != nil {
				t.Skip(err)
			}
			before := dumpDoc(d)
			useStandIns = false
			want := describeInvalid(d, Validate(context.Background(), d.T))
			useStandIns = true
			got := describeInvalid(d, Validate(context.Background(), d.T))
			if got != want {
				t.Errorf("with stand-ins:\n%s\nwithout:\n%s", got, want)
			}
			if after := dumpDoc(d); after != before {
				t.Error("the document differs after validation")
			}
		})
	}
}

func dumpDoc(d *Document) string {
	var b strings.Builder
	dump(&b, d, reflectValue(d.T), "", map[uintptr]bool{})
	return b.String()
}

func describeInvalid(d *Document, invs []Invalid) string {
	var out []string
	for _, inv := range invs {
		loc := d.Locate(inv.Pointer, inv.Origin, "")
		out = append(out, fmt.Sprintf("%s:%d:%d", loc.File, loc.Line, loc.Column))
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }

// TestTopKeyMatchesTree checks that the shortcut for top-level keys finds
// each one where the YAML tree of the whole file does.
func TestTopKeyMatchesTree(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	jsons, _ := filepath.Glob("testdata/*.json")
	files = append(files, jsons...)
	files = append(files, corpus.Files(t, "small", "medium")...)
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		version, ok := Sniff(data)
		if !ok || version == "2.0" {
			continue
		}
		d, err := Load(context.Background(), f, version, Options{Root: filepath.Dir(f)})
		if err != nil {
			continue
		}
		tr, err := d.tree(d.abs)
		if err != nil || tr.root == nil {
			continue
		}
		for i := 0; i+1 < len(tr.root.Content); i += 2 {
			key := tr.root.Content[i].Value
			_, want, _ := tr.find([]string{key})
			want.line, want.column = d.orig(d.abs, want.line, want.column)
			got, ok := d.topKey(key)
			if !ok || got != want {
				t.Errorf("%s: key %q at %v (found %v), the tree says %v", f, key, got, ok, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Skip("no documents")
	}
}
