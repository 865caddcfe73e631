package reach

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// TestFacts checks the capabilities found for each function, across a
// package boundary (a reaches what b's functions reach through facts), and
// that read-only calls, recursion and pure code stay silent.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
}

// TestVia checks that a fact explains each capability by its call chain.
func TestVia(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
	want := map[string]string{
		"wrapper": "Clear → os.RemoveAll",
		"deep":    "later → tool → Run → os/exec.Command",
	}
	for obj, facts := range res[0].Facts {
		w, ok := want[obj.Name()]
		if !ok {
			continue
		}
		f := facts[0].(*Fact)
		got := f.Why(goapi.FileDelete)
		if obj.Name() == "deep" {
			got = f.Why(goapi.Exec)
		}
		if got != w {
			t.Errorf("%s: via %q, want %q", obj.Name(), got, w)
		}
		delete(want, obj.Name())
	}
	if len(want) > 0 {
		t.Errorf("no facts for %v", want)
	}
}

// TestConds checks capabilities that depend on an argument: a POST to a
// URL that names a read method, a method chosen by the caller or kept in a
// field, a file written under a cache or temporary directory; kept as
// conditions on a parameter through helpers, and judged at each call.
func TestConds(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), Analyzer, "cond")
	want := map[string]string{
		"sendMessage":   "post → postRaw → net/http.NewRequestWithContext",
		"createWebsite": "Request → Do → net/http.NewRequest",
		"writeHome":     "writeTo → os.OpenFile",
	}
	for obj, facts := range res[0].Facts {
		w, ok := want[obj.Name()]
		if !ok {
			continue
		}
		f := facts[0].(*Fact)
		got := f.Why(goapi.HTTPWrite)
		if obj.Name() == "writeHome" {
			got = f.Why(goapi.FileWrite)
		}
		if got != w {
			t.Errorf("%s: via %q, want %q", obj.Name(), got, w)
		}
		delete(want, obj.Name())
	}
	if len(want) > 0 {
		t.Errorf("no facts for %v", want)
	}
}
