package engine

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/rules"
)

// scanBudgetDoc scans one document of testdata/budget with every rule
// on by default and returns its findings (rule IDs) and problems.
func scanBudgetDoc(t *testing.T, name string) (findings, problems []string) {
	t.Helper()
	var on []*lint.Rule
	for _, r := range rules.All {
		if r.Spec != nil && !r.Doc.Optional {
			on = append(on, r)
		}
	}
	root, err := filepath.Abs(filepath.Join("testdata", "budget"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	res, err := Run(context.Background(), Options{Paths: []string{name}, Rules: on, Known: append(slices.Clone(on), SuppressionRule)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		findings = append(findings, f.RuleID)
	}
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	return findings, problems
}

// TestSchemaWalkBudget checks that a schema walk that would take 8^17
// steps stops at its budget (steps counted, not time), that the scan
// says so in one problem naming the file and the schema, and that the
// document's findings are still reported, the schema's missing bound
// among them.
func TestSchemaWalkBudget(t *testing.T) {
	before := openapi.MaxWalk()
	findings, problems := scanBudgetDoc(t, "selfparts.yaml")
	want := "selfparts.yaml: schema analysis of schema /components/schemas/Note stopped after 100000 steps; findings there may be incomplete (the bounds rules take such a schema for unbounded)"
	if !slices.Equal(problems, []string{want}) {
		t.Errorf("problems %q, want %q", problems, want)
	}
	if !slices.Contains(findings, "OAS201") || !slices.Contains(findings, "OAS101") {
		t.Errorf("findings %q, want OAS101 and OAS201 among them", findings)
	}
	// Steps refused once the budget is spent are counted too: one for
	// each part still to try at each level of the walk.
	if got := openapi.MaxWalk(); got > openapi.HoldsLimit+17*8 {
		t.Errorf("a walk took %d steps (%d before), over the limit of %d", got, before, openapi.HoldsLimit)
	}
}

// TestSchemaWalkBudgetSilent checks that a schema of allOf parts that
// are not itself is walked in full, without a problem, its bound found.
func TestSchemaWalkBudgetSilent(t *testing.T) {
	findings, problems := scanBudgetDoc(t, "twoparts.yaml")
	if len(problems) > 0 {
		t.Errorf("problems %q, want none", problems)
	}
	if slices.Contains(findings, "OAS201") {
		t.Errorf("findings %q: the schema's bound (maxLength in a part) was not found", findings)
	}
	for _, f := range findings {
		if strings.HasPrefix(f, "OAS5") {
			t.Errorf("finding %s: the fixture is not a valid document", f)
		}
	}
}
