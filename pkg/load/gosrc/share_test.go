package gosrc

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/rules/go405"
)

// TestFlowAcrossPackages checks that a flow from a request, read in one
// package, to a command run in another is reported where they meet, when
// the taint analyzer shares the load and leaves out the packages no flow
// can go through (gotaint.Share).
func TestFlowAcrossPackages(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "gotaint", "testdata", "sharemod"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(context.Background(), dir, []*analysis.Analyzer{go405.Rule.Analyzer}, func(string, string) bool { return false }, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s", f.Location, f.RuleID))
	}
	if want := []string{"cmd/app/main.go:12:14 GO405"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
