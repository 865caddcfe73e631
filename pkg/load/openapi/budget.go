package openapi

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/budget"
)

// HoldsLimit is how many schemas one walk of Holds may visit. A walk
// follows allOf, oneOf and anyOf to a depth of 16 without remembering
// what it has seen (the answer depends on the path), so a schema that is
// its own part several times over would take its number of parts to the
// 17th power; real documents take a few steps (see docs/performance.md).
var HoldsLimit int64 = 100_000

// walkBudget is the budget of one walk of Holds.
type walkBudget struct{ budget.Budget }

func newWalkBudget() *walkBudget {
	return &walkBudget{budget.Budget{Analysis: "schema analysis", Limit: HoldsLimit}}
}

// stopped holds the walks that were stopped, by the schema they started
// from, until the document is released; stoppedN counts them, so that
// documents without any pay nothing to look. holdsMax is the most steps
// a walk took (for the measurements of docs/performance.md).
var (
	stopped  sync.Map // *openapi3.Schema → int64, the steps allowed
	stoppedN atomic.Int64
	holdsMax atomic.Int64
)

// done records the walk from s when it was stopped.
func (b *walkBudget) done(s *openapi3.Schema) {
	used := b.Used()
	for m := holdsMax.Load(); used > m && !holdsMax.CompareAndSwap(m, used); m = holdsMax.Load() {
	}
	if b.Spent() {
		if _, loaded := stopped.LoadOrStore(s, b.Limit); !loaded {
			stoppedN.Add(1)
		}
	}
}

// MaxWalk is the most steps one walk of Holds has taken in this process.
func MaxWalk() int64 { return holdsMax.Load() }

// Stopped is the problem to report for the walks over t's schemas that
// were stopped (see HoldsLimit), naming the first schema by its pointer
// and counting the others; nil when none was.
func Stopped(t *openapi3.T) error {
	if t == nil || stoppedN.Load() == 0 {
		return nil
	}
	var ptrs []string
	var limit int64
	for _, s := range Schemas(t) {
		if l, ok := stopped.Load(s.S); ok {
			ptrs = append(ptrs, s.Pointer)
			limit = l.(int64)
		}
	}
	if len(ptrs) == 0 {
		return nil
	}
	slices.SortFunc(ptrs, func(a, b string) int { return cmp.Compare(a, b) })
	ptrs = slices.Compact(ptrs)
	unit := "schema " + ptrs[0]
	if len(ptrs) > 1 {
		unit += fmt.Sprintf(" and %d more", len(ptrs)-1)
	}
	return fmt.Errorf("schema analysis of %s stopped after %d steps; findings there may be incomplete (the bounds rules take such a schema for unbounded)", unit, limit)
}

// forgetStopped drops t's schemas from stopped.
func forgetStopped(t *openapi3.T) {
	if stoppedN.Load() == 0 {
		return
	}
	for _, s := range Schemas(t) {
		if _, ok := stopped.LoadAndDelete(s.S); ok {
			stoppedN.Add(-1)
		}
	}
}
