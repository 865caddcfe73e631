package gosrc

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// An analyzer that panics must not take the scan down: code the type
// checker accepts can still surprise an analysis (a dependency read with
// stand-ins for C's types, see cgostub.go, holds types no Go compiler
// would have produced). recovering makes each analyzer that analyzers
// require, once, turn a panic in its Run into an error of its action,
// which the scan reports as a problem of the package; analyzers that need
// its result fail with it, and the others go on.
var recovered = struct {
	sync.Mutex
	done map[*analysis.Analyzer]bool
}{done: map[*analysis.Analyzer]bool{}}

func recovering(analyzers []*analysis.Analyzer) {
	recovered.Lock()
	defer recovered.Unlock()
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if recovered.done[a] {
			return
		}
		recovered.done[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (res any, err error) {
			defer func() {
				if r := recover(); r != nil {
					res, err = nil, fmt.Errorf("crashed on %s: %v (please report this with the code)\n%s", pass.Pkg.Path(), r, panicFrames(debug.Stack()))
				}
			}()
			return run(pass)
		}
	}
	for _, a := range analyzers {
		visit(a)
	}
}

// panicFrames keeps the first frames of a stack below the panic.
func panicFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			lines = lines[i:]
			break
		}
	}
	return strings.Join(lines[:min(len(lines), 12)], "\n")
}
