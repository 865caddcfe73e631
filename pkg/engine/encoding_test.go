package engine

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf16"
)

// TestDiscoverEncodings checks that a directory scan finds documents saved
// with a UTF-8 byte order mark or in UTF-16, which editors on Windows write:
// skipping them would pass an unauthenticated admin endpoint in silence.
func TestDiscoverEncodings(t *testing.T) {
	doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /admin:\n    post:\n      responses:\n        '200': {description: ok}\n"
	utf16le := func(s string, bom bool) []byte {
		var out []byte
		if bom {
			out = append(out, 0xFF, 0xFE)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"bom.yaml":         append([]byte{0xEF, 0xBB, 0xBF}, doc...),
		"utf16.yaml":       utf16le(doc, true),
		"utf16-nobom.yaml": utf16le(doc, false),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, err := Discover(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	got := rels(t, dir, found.Inputs, KindOpenAPI)
	want := []string{"bom.yaml", "utf16-nobom.yaml", "utf16.yaml"}
	if !slices.Equal(got, want) {
		t.Fatalf("discovered %v; want %v (notices %v)", got, want, found.Notices)
	}
}
