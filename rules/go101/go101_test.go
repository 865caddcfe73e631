package go101

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a", "b", "d", "examples/app", "mount", "tuple", "cond", "local", "iface", "field", "ifcall", "capurl", "localui", "localcors")
}

// TestOptions: a user-named auth middleware counts as auth, also when a
// handler calls it, and public paths are never reported.
func TestOptions(t *testing.T) {
	saved := options
	t.Cleanup(func() { options = saved })
	options.AuthMiddleware = []string{"authmw.Gate"}
	options.PublicPaths = append([]string{"/public/*"}, options.PublicPaths...)
	ruletest.RunGo(t, Analyzer, "c")
}
