package engine

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/rules"
	"github.com/apiaudit/apiaudit/rules/oas405"
)

// scanBudgetDoc scans one document (a name in testdata/budget, or an
// absolute path) with every rule on by default, from its directory, and
// returns its findings (rule IDs) and problems.
func scanBudgetDoc(t *testing.T, name string) (findings, problems []string) {
	t.Helper()
	var on []*lint.Rule
	for _, r := range rules.All {
		if r.Spec != nil && !r.Doc.Optional {
			on = append(on, r)
		}
	}
	path, err := filepath.Abs(filepath.Join("testdata", "budget", name))
	if filepath.IsAbs(name) {
		path = name
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(path))
	res, err := Run(context.Background(), Options{Paths: []string{filepath.Base(path)}, Rules: on, Known: append(slices.Clone(on), SuppressionRule)})
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

// TestPromptWalkBudget checks the same for OAS405's walk of a prompt's
// schema, which would take 12^9 steps on the fixture: one problem naming
// the rule, the field and the budget, and the document's other findings.
func TestPromptWalkBudget(t *testing.T) {
	findings, problems := scanBudgetDoc(t, "selfalternatives.yaml")
	want := `selfalternatives.yaml: rule OAS405: prompt-length analysis of request field "prompt" (schema Prompt) stopped after 100000 steps; findings there may be incomplete`
	if !slices.Equal(problems, []string{want}) {
		t.Errorf("problems %q, want %q", problems, want)
	}
	if !slices.Contains(findings, "OAS101") {
		t.Errorf("findings %q, want OAS101 among them", findings)
	}
	if got := oas405.MaxWalk(); got > oas405.WalkLimit+12*9 {
		t.Errorf("a walk took %d steps, over the limit of %d", got, oas405.WalkLimit)
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

// TestSchemaWalkBudgetCorpus measures the most steps a walk of
// openapi.Holds takes on the documents APIAUDIT_BUDGET_SPECS names
// (paths separated by the list separator; skipped when unset), the
// figure HoldsLimit is set against: it fails when a walk takes more
// than a twentieth of the limit, or a document reports a stopped walk.
// Run it alone (-run 'Corpus$'): the other tests' walks count too.
func TestSchemaWalkBudgetCorpus(t *testing.T) {
	specs := slices.DeleteFunc(filepath.SplitList(os.Getenv("APIAUDIT_BUDGET_SPECS")), func(s string) bool { return s == "" })
	if len(specs) == 0 {
		t.Skip("APIAUDIT_BUDGET_SPECS names no document")
	}
	for _, f := range specs {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		_, problems := scanBudgetDoc(t, abs)
		for _, p := range problems {
			if strings.Contains(p, "schema analysis") || strings.Contains(p, "prompt-length analysis") {
				t.Errorf("%s: %s", f, p)
			}
		}
		t.Logf("%s: the longest walks so far took %d steps (Holds), %d (OAS405)", filepath.Base(f), openapi.MaxWalk(), oas405.MaxWalk())
	}
	if got := openapi.MaxWalk(); got > openapi.HoldsLimit/20 {
		t.Errorf("a walk took %d steps, over a twentieth of the limit (%d)", got, openapi.HoldsLimit)
	}
	if got := oas405.MaxWalk(); got > oas405.WalkLimit/20 {
		t.Errorf("a walk of OAS405 took %d steps, over a twentieth of the limit (%d)", got, oas405.WalkLimit)
	}
}
