package go105

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestRule checks the findings, and their grade: an error when a route
// behind the condition reaches a sensitive capability or an MCP server is
// behind it, a warning when the routes only change state.
func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	results := ruletest.RunGo(t, Analyzer, "a", "b", "c", "d", "e", "f", "g", "h", "spread", "echov5", "chain", "wrapoff", "fence/transport")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			want := ""
			switch {
			case strings.Contains(d.Message, "(a note"):
				want = "note"
			case strings.Contains(d.Message, "(a warning"):
				want = "warning"
			case strings.Contains(d.Message, "changes state") && !strings.Contains(d.Message, "reaches"):
				want = "warning"
			}
			if d.Category != want {
				t.Errorf("%s: category %q, want %q", d.Message, d.Category, want)
			}
		}
	}
	if n == 0 {
		t.Error("no diagnostics")
	}
}
