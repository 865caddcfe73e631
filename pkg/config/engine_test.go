package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// TestThroughEngine runs a configuration through engine.Run on a small
// tree: rules turned off, severities changed for all files and for some,
// and an option that the rule reads while it runs.
func TestThroughEngine(t *testing.T) {
	dir := t.TempDir()
	spec := func(path string) string {
		return fmt.Sprintf("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  %s:\n    get:\n      responses:\n        '200': {description: ok}\n", path)
	}
	write(t, filepath.Join(dir, "api.yaml"), spec("/a"))
	write(t, filepath.Join(dir, "legacy", "old.yaml"), spec("/old"))
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	// Rule TST101 reports every operation and says what its max option is
	// at the time it runs; TST201 and TST202 report every operation too.
	everyOp := func(msg func(string) string) func(*lint.SpecPass) error {
		return func(pass *lint.SpecPass) error {
			for _, op := range openapi.Operations(pass.Doc) {
				pass.Reportf(op.Pointer, op.Op.Origin, "", "%s", msg(op.Path))
			}
			return nil
		}
	}
	r1 := &lint.Rule{ID: "TST101", Name: "test-with-options", Options: &testOpts, Doc: lint.Doc{Severity: lint.SeverityWarning}}
	r1.Spec = everyOp(func(p string) string { return fmt.Sprintf("%s max %d", p, testOpts.Max) })
	r2 := &lint.Rule{ID: "TST201", Name: "test-auth", Doc: lint.Doc{Severity: lint.SeverityError}}
	r2.Spec = everyOp(func(p string) string { return p + " auth" })
	r3 := &lint.Rule{ID: "TST202", Name: "test-bound", Doc: lint.Doc{Severity: lint.SeverityNote}}
	r3.Spec = everyOp(func(p string) string { return p + " bound" })
	all := []*lint.Rule{r1, r2, r3}

	write(t, ".apiaudit.yaml", `
exclude: ["nothing/**"]
rules:
  disable: [test-bound]
  severity: {TST101: error}
overrides:
  - paths: ["legacy/**"]
    disable: [TST201]
    severity: {TST101: note}
options:
  test-with-options: {max: 99}
`)
	found, err := Find(".")
	if err != nil || found == "" {
		t.Fatalf("Find = %q, %v", found, err)
	}
	c, err := Load(found, ".apiaudit.yaml", all)
	if err != nil {
		t.Fatal(err)
	}
	undo := c.Apply()
	t.Cleanup(undo)
	res, err := engine.Run(context.Background(), engine.Options{
		Exclude: c.Exclude, Rules: c.Select(all), Known: all, Adjust: c.Adjust,
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s %s %s", f.Location.File, f.RuleID, f.Severity, f.Message))
	}
	want := []string{
		"api.yaml TST101 error /a max 99",
		"api.yaml TST201 error /a auth",
		"legacy/old.yaml TST101 note /old max 99",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%q\nwant:\n%q", got, want)
	}
	if slices.Contains(res.Rules, r3) {
		t.Error("a disabled rule ran")
	}
	undo()
	if testOpts.Max != 30 {
		t.Errorf("undo left max at %d", testOpts.Max)
	}
}
