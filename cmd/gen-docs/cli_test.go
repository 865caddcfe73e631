package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCLIDocsAreCurrent fails when a command, flag or help text changed and
// docs/cli was not regenerated, or when docs/cli has a page of a command
// that is gone.
func TestCLIDocsAreCurrent(t *testing.T) {
	fresh := t.TempDir()
	if err := CLIDocs(fresh); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "cli")
	want := readDir(t, fresh)
	got := readDir(t, dir)
	for name, content := range want {
		switch old, ok := got[name]; {
		case !ok:
			t.Errorf("docs/cli/%s is missing: run go run ./cmd/gen-docs", name)
		case old != content:
			t.Errorf("docs/cli/%s is stale: run go run ./cmd/gen-docs", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("docs/cli/%s belongs to no command: run go run ./cmd/gen-docs, which deletes it", name)
		}
	}
	if len(want) < 2 {
		t.Fatalf("generated only %d pages", len(want))
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}
