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
