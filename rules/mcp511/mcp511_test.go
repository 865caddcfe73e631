package mcp511

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

// TestGatheredCatalog: tools a Go package defines without a registration
// the adapter can follow may serve different servers (mcpproxy-go builds
// retrieve_tools once per routing mode): a repeated name there is no
// clash, while the same two tools on one server are.
func TestGatheredCatalog(t *testing.T) {
	tool := func(line int) *toolcat.Tool {
		at := toolcat.Pos{File: "modes.go", Line: line, Column: 3}
		return &toolcat.Tool{At: at, Name: toolcat.Text{Value: "retrieve_tools", Set: true, At: at}}
	}
	for _, gathered := range []bool{false, true} {
		cat := &toolcat.Catalog{Source: toolcat.SourceGo, File: "modes.go", Gathered: gathered, Tools: []*toolcat.Tool{tool(10), tool(20)}}
		var got []lint.Finding
		if err := Rule.Catalog(&lint.CatalogPass{Rule: Rule, Catalog: cat, Report: func(f lint.Finding) { got = append(got, f) }}); err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 1, true: 0}[gathered]; len(got) != want {
			t.Errorf("gathered=%v: %d findings %v, want %d", gathered, len(got), got, want)
		}
	}
}

// TestPlace checks the grading by where a catalog lives: a golden file
// under testdata/ and an example program's tools are notes, a manifest of
// the project a warning.
func TestPlace(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"tools.json": lint.SeverityDefault,
		"internal/server/testdata/retrieve_full_stats.golden.json": lint.SeverityNote,
		"examples/server/toolschemas/main.go":                      lint.SeverityNote,
		"contrib/demo.json":                                        lint.SeverityNote, // named so
	} {
		at := toolcat.Pos{File: file, Line: 1, Column: 1}
		cat := &toolcat.Catalog{Source: toolcat.SourceManifest, File: file, Tools: []*toolcat.Tool{{At: at, Name: toolcat.Text{Value: "github:get_repo", Set: true, At: at}}}}
		var got []lint.Finding
		if err := Rule.Catalog(&lint.CatalogPass{Rule: Rule, Catalog: cat, Report: func(f lint.Finding) { got = append(got, f) }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Severity != want {
			t.Errorf("%s: %v, want one finding of severity %v", file, got, want)
		}
	}
}
