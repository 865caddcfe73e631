package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
	"github.com/apiaudit/apiaudit/pkg/config"
)

// TestDocsAreCurrent fails when a rule's documentation changed and
// docs/rules was not regenerated, or when a page has no rule.
func TestDocsAreCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "rules")
	pages := Pages(cli.Registry())
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s is missing: run go run ./cmd/gen-docs", name)
			continue
		}
		if string(got) != want {
			t.Errorf("docs/rules/%s is stale: run go run ./cmd/gen-docs", name)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule: delete it", e.Name())
		}
	}
	if got, want := len(pages), len(cli.Registry())+1; got != want {
		t.Fatalf("got %d pages, want one per rule plus the index (%d)", got, want)
	}
}

// TestConfigSchemaIsCurrent fails when a rule, a rule's options or a report
// format changed and docs/config.schema.json was not regenerated.
func TestConfigSchemaIsCurrent(t *testing.T) {
	want, err := config.Schema(cli.Registry())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "config.schema.json"))
	if err != nil {
		t.Fatalf("%v: run go run ./cmd/gen-docs", err)
	}
	if string(got) != string(want) {
		t.Error("docs/config.schema.json is stale: run go run ./cmd/gen-docs")
	}
}
