// Package budget bounds the work of an analysis that could blow up: a
// fixed point or a recursive walk that, on some input, would take time
// exponential (or worse) in its size. An analysis takes a Budget for one
// unit (a package, a document), spends a step for each piece of work (a
// body walked, an instruction stepped, a schema visited) and, once Spend
// says no, stops that unit and keeps what it has found. The driver then
// reports Err as a problem, so that a result cut short is never silent
// (see Watch and Track).
//
// A budget's limit is a number of steps proportional to the unit's size
// (Floor plus PerByte for each byte of its source), far above what real
// projects use: see docs/performance.md for the measurements. Steps are
// counted, never timed, so a scan stops at the same place on every run.
package budget

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Budget is the work one analysis may do on one unit. The zero value and
// nil are budgets without a limit. It is safe for concurrent use.
type Budget struct {
	Analysis string // what stops: "authentication analysis"
	Unit     string // what it stops on: "package example.com/x"
	Where    string // the unit's file or directory, for the problem's place
	Limit    int64  // steps allowed; 0 = no limit
	used     atomic.Int64
	why      atomic.Pointer[string] // set by Stop
	// unwatched: Track found no driver watching its key (a vet tool's
	// analysis, where no problem list exists); Unwatched is told once.
	unwatched atomic.Bool
	told      atomic.Bool
}

// Unwatched, when set, is called once for each budget that is spent
// while no driver watches it (Track found no Watch for its key): the
// go vet tool sets it to print the stop, since unitchecker keeps no list
// of problems. It may be called from several goroutines at once.
var Unwatched func(*Budget)

// tell calls Unwatched once for a spent budget nobody watches.
func (b *Budget) tell() {
	if b.unwatched.Load() && Unwatched != nil && b.told.CompareAndSwap(false, true) {
		Unwatched(b)
	}
}

// New returns a budget of limit steps.
func New(analysis, unit string, limit int64) *Budget {
	return &Budget{Analysis: analysis, Unit: unit, Limit: limit}
}

// Sized returns a budget of floor steps plus perByte for each of size
// bytes (the unit's source), so that a large unit gets a large budget.
func Sized(analysis, unit string, size int64, floor, perByte int64) *Budget {
	return New(analysis, unit, floor+perByte*size)
}

// Spend counts one step and says whether the analysis may take it: false
// once the limit is passed, and from then on.
func (b *Budget) Spend() bool {
	if b == nil || b.Limit == 0 {
		return true
	}
	n := b.used.Add(1)
	if n == b.Limit+1 {
		b.tell()
	}
	return n <= b.Limit
}

// Spent says whether the analysis was stopped: a step was refused, or
// Stop was called.
func (b *Budget) Spent() bool {
	return b != nil && (b.Limit > 0 && b.used.Load() > b.Limit || b.why.Load() != nil)
}

// Stop records that the analysis stopped the unit for a reason of its own
// (a bound on rounds it had before budgets): why completes "stopped ...",
// as in "after 50 rounds of one function". The first reason is kept.
func (b *Budget) Stop(why string) {
	if b != nil && b.why.CompareAndSwap(nil, &why) {
		b.tell()
	}
}

// Used is how many steps were taken, refused ones included.
func (b *Budget) Used() int64 {
	if b == nil {
		return 0
	}
	return b.used.Load()
}

// Err is the problem to report when the budget was spent, nil otherwise:
// one line naming the analysis and the unit.
func (b *Budget) Err() error {
	if !b.Spent() {
		return nil
	}
	if b.Limit == 0 || b.used.Load() <= b.Limit {
		return fmt.Errorf("%s of %s stopped %s; findings there may be incomplete", b.Analysis, b.Unit, *b.why.Load())
	}
	return fmt.Errorf("%s of %s stopped after %d steps; findings there may be incomplete", b.Analysis, b.Unit, b.Limit)
}

// The budgets of analyses that run under a driver (go/analysis passes,
// whose results the checker drops once their dependents are done) are
// tracked by a key the driver and the analyses share, the load's file
// set: the driver watches it, each analysis tracks its budgets under it,
// and the driver collects them at the end.
var (
	mu       sync.Mutex
	watching = map[any][]*Budget{}
)

// Watch starts tracking the budgets taken under key; collect stops and
// returns them, in the order they were tracked.
func Watch(key any) (collect func() []*Budget) {
	mu.Lock()
	watching[key] = []*Budget{}
	mu.Unlock()
	return func() []*Budget {
		mu.Lock()
		defer mu.Unlock()
		bs := watching[key]
		delete(watching, key)
		return bs
	}
}

// Track records b under key when a driver watches it; otherwise (a test,
// the vet tool) it does nothing.
func Track(key any, b *Budget) *Budget {
	mu.Lock()
	if bs, ok := watching[key]; ok {
		watching[key] = append(bs, b)
	} else if b != nil {
		b.unwatched.Store(true)
	}
	mu.Unlock()
	return b
}
