package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
	"github.com/apiaudit/apiaudit/rules"
)

// TestRegistry checks every rule's shape: a unique, well-formed ID that names
// its package, a kebab-case name, complete documentation with CWE and OWASP
// mappings, and fixtures beside it.
func TestRegistry(t *testing.T) {
	if len(rules.All) == 0 {
		t.Fatal("no rules registered")
	}
	ids, names := map[string]bool{}, map[string]bool{}
	for _, r := range cli.Registry() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if ids[r.ID] || names[r.Name] {
			t.Errorf("rule %s (%s): duplicate id or name", r.ID, r.Name)
		}
		ids[r.ID], names[r.Name] = true, true
	}
	for _, r := range rules.All {
		dir := strings.ToLower(r.ID)
		if _, err := os.Stat(filepath.Join(dir, "testdata")); err != nil {
			t.Errorf("rule %s has no %s/testdata directory", r.ID, dir)
		}
		if r.Engine {
			t.Errorf("rule %s under rules/ must have a check function", r.ID)
		}
	}
}
