package gosrc

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/goapi/reach"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/rules"
	"github.com/apiaudit/apiaudit/rules/go405"
)

// goAnalyzers are the analyzers of every Go rule.
func goAnalyzers() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range rules.All {
		if r.Analyzer != nil {
			out = append(out, r.Analyzer)
		}
	}
	return out
}

// TestBudgetsOnExamples checks that the work budgets of the bounded
// analyses (pkg/budget) are far from spent on the project's own Go
// examples: no problem, and no unit using a twentieth of its budget.
func TestBudgetsOnExamples(t *testing.T) {
	for _, ex := range []string{"agent-gateway", "inventory"} {
		dir, err := filepath.Abs(filepath.Join("..", "..", "..", "examples", ex))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Analyze(context.Background(), dir, goAnalyzers(), func(string, string) bool { return false }, Options{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Problems {
			t.Errorf("%s: problem %v", ex, p)
		}
		for _, name := range []string{"authentication analysis", "capability analysis", "taint analysis"} {
			u, ok := res.Budgets[name]
			if !ok {
				t.Errorf("%s: no budget of the %s was tracked", ex, name)
				continue
			}
			if u.Share > 0.05 {
				t.Errorf("%s: the %s used %.1f%% of a unit's budget (%d steps), more than a twentieth", ex, name, 100*u.Share, u.Steps)
			}
			t.Logf("%s: %s: at most %d steps, %.4f%% of a budget", ex, name, u.Steps, 100*u.Share)
		}
	}
}

// TestBudgetStops checks what a scan says when an analysis spends its
// budget (here made one step, so that the fixture's flow is not
// followed): a problem naming the analysis and the package, on the
// package's directory, and the rest of the scan goes on.
func TestBudgetStops(t *testing.T) {
	floor, per := gotaint.WorkFloor, gotaint.WorkPerByte
	gotaint.WorkFloor, gotaint.WorkPerByte = 1, 0
	defer func() { gotaint.WorkFloor, gotaint.WorkPerByte = floor, per }()
	dir, err := filepath.Abs(filepath.Join("..", "..", "gotaint", "testdata", "sharemod"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(context.Background(), dir, []*analysis.Analyzer{go405.Rule.Analyzer}, func(string, string) bool { return false }, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Error())
	}
	want := "cmd/app: taint analysis of package example.com/sharemod/cmd/app stopped after 1 steps; findings there may be incomplete"
	if !slices.Contains(got, want) {
		t.Errorf("problems %q, want among them %q", got, want)
	}
	for _, p := range got {
		if !strings.Contains(p, "taint analysis of package") {
			t.Errorf("unexpected problem %q", p)
		}
	}
	if u := res.Budgets["taint analysis"]; u.Share <= 1 {
		t.Errorf("taint analysis used %d steps (%.1f of its budget), want more than its budget", u.Steps, u.Share)
	}
}

// TestBudgetStopsAuthn is TestBudgetStops for the authentication and
// capability analyses, which other analyzers query after they have run.
func TestBudgetStopsAuthn(t *testing.T) {
	af, ap, rf, rp := authn.WalkFloor, authn.WalksPerByte, reach.WorkFloor, reach.WorkPerByte
	authn.WalkFloor, authn.WalksPerByte, reach.WorkFloor, reach.WorkPerByte = 1, 0, 1, 0
	defer func() {
		authn.WalkFloor, authn.WalksPerByte, reach.WorkFloor, reach.WorkPerByte = af, ap, rf, rp
	}()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "examples", "agent-gateway"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(context.Background(), dir, goAnalyzers(), func(string, string) bool { return false }, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range res.Problems {
		for _, a := range []string{"authentication analysis of package ", "capability analysis of package "} {
			if strings.Contains(p.Message, a) && strings.HasSuffix(p.Message, " stopped after 1 steps; findings there may be incomplete") {
				seen[a] = true
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("problems %v: want one of the authentication analysis and one of the capability analysis", res.Problems)
	}
}
