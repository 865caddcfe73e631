package mcp510

import (
	"fmt"
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

// TestGathered checks that the tools a Go package defines without a
// registration that can be followed are not counted as one catalog.
func TestGathered(t *testing.T) {
	cat := &toolcat.Catalog{Source: toolcat.SourceGo, Name: "example.com/srv", At: toolcat.Pos{File: "a.go", Line: 1}}
	for i := range 200 {
		cat.Tools = append(cat.Tools, &toolcat.Tool{Name: toolcat.Text{Value: fmt.Sprint("t", i), Set: true}})
	}
	count := func() int {
		n := 0
		pass := &lint.CatalogPass{Rule: Rule, Catalog: cat, Report: func(lint.Finding) { n++ }}
		if err := Rule.Catalog(pass); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 1 {
		t.Fatalf("one server's 200 tools: %d findings, want 1", n)
	}
	cat.Gathered = true
	if n := count(); n != 0 {
		t.Errorf("gathered tools: %d findings, want 0", n)
	}
}
