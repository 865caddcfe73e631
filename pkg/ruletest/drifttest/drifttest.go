// Package drifttest checks a drift rule (one that reads OpenAPI documents
// and Go code together) against fixture repositories. It is apart from
// pkg/ruletest because it runs the engine, which the Go analyzers' own
// tests must not import.
package drifttest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// Run scans each fixture directory (a small repository with a document
// and a Go module) with the rule alone, as apiaudit scan does, and
// matches the findings with the `# want "re"` comments of its YAML files
// and the `// want "re"` comments of its Go files. A directory without
// wants says the rule stays silent there.
func Run(t *testing.T, rule *lint.Rule, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			res, err := engine.Run(context.Background(), engine.Options{Paths: []string{dir}, Rules: []*lint.Rule{rule}})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Problems {
				t.Errorf("problem: %s", p.Error())
			}
			msgs, err := ruletest.CheckWants(dir, res.Findings)
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range msgs {
				t.Error(msg)
			}
		})
	}
}
