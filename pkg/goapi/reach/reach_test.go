package reach

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
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
		if obj == nil {
			continue // a package fact
		}
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

// TestFuncValues checks calls of function values taken from storage:
// maps, slices and struct fields of the package and of a dependency
// (through funcvals' facts), literals among them, and the standard
// library's functions by their tables; parameters, literals called by
// name and values whose candidates reach nothing stay silent.
func TestFuncValues(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), Analyzer, "fv")
	want := map[string]string{
		"runOp":       "os.RemoveAll",
		"viaTable":    "Shell → os/exec.Command",
		"dispatchLit": "func literal at fv.go:47 → os/exec.Command",
		"call":        "wipe → os.RemoveAll",
	}
	for obj, facts := range res[0].Facts {
		if obj == nil {
			continue // a package fact
		}
		w, ok := want[obj.Name()]
		if !ok {
			continue
		}
		f := facts[0].(*Fact)
		got := f.Why(f.Caps.Each()[0])
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
		if obj == nil {
			continue // a package fact
		}
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

// TestKubernetes checks the Kubernetes API as capabilities: client-go's
// typed and dynamic clients and controller-runtime's client write to the
// cluster, and read Secrets when the resource is Secrets or chosen by the
// caller (a condition on the parameter that carries it, judged at each
// call); reads of other resources reach nothing.
func TestKubernetes(t *testing.T) {
	res := ruletest.RunGo(t, Analyzer, "kube")
	want := map[string]string{
		"DeletePod":    "(k8s.io/client-go/kubernetes/typed/core/v1.PodInterface).Delete",
		"FetchSecret":  "Fetch → (k8s.io/client-go/dynamic.ResourceInterface).Get",
		"FetchFromEnv": "FetchKind → Fetch → (k8s.io/client-go/dynamic.ResourceInterface).Get",
		"Exec":         "(k8s.io/client-go/tools/remotecommand.Executor).StreamWithContext",
	}
	for obj, facts := range res[0].Facts {
		if obj == nil {
			continue // a package fact
		}
		w, ok := want[obj.Name()]
		if !ok {
			continue
		}
		f := facts[0].(*Fact)
		got := f.Why(f.Caps.Each()[0])
		if got != w {
			t.Errorf("%s: via %q, want %q", obj.Name(), got, w)
		}
		delete(want, obj.Name())
	}
	if len(want) > 0 {
		t.Errorf("no facts for %v", want)
	}
}

// TestStoredInFields checks that storing a function in a struct field of
// the package runs nothing: the constructor that fills the field reaches
// nothing, and a call through the field reaches what the function does.
func TestStoredInFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "stored")
}
