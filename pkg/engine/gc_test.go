package engine

import (
	"runtime/debug"
	"sync"
	"testing"
)

// TestTightGC checks that overlapping scans of big documents lower GOGC and
// set a memory limit for all of them, and that the last one to finish puts
// the previous values back; small documents, and a GOGC the user set, leave
// them alone.
func TestTightGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	origMem := debug.SetMemoryLimit(-1)

	tightGC(bigDocument - 1)()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("a small document changed GOGC to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != origMem {
		t.Fatalf("a small document changed the memory limit to %d", got)
	}
	// A small document in flight during big ones counts in the limit.
	small := tightGC(1 << 20)

	var wg sync.WaitGroup
	releases := make(chan func(), 4)
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); releases <- tightGC(bigDocument) }()
	}
	wg.Wait()
	close(releases)
	var rs []func()
	for r := range releases {
		rs = append(rs, r)
	}
	if got := debug.SetGCPercent(tightGCPercent); got != tightGCPercent {
		t.Fatalf("GOGC during big loads = %d, want %d", got, tightGCPercent)
	}
	if got, want := debug.SetMemoryLimit(-1), int64(memoryPerByte*(4*bigDocument+1<<20)); got != want {
		t.Fatalf("memory limit during 4 big scans and a small one = %d, want %d", got, want)
	}
	small()
	for i, r := range rs {
		r()
		if got, want := debug.SetMemoryLimit(-1), int64((3-i)*memoryPerByte*bigDocument); i < len(rs)-1 && got != want {
			t.Fatalf("memory limit after %d of %d scans = %d, want %d", i+1, len(rs), got, want)
		}
		if got := debug.SetGCPercent(-2); i < len(rs)-1 && got != tightGCPercent {
			t.Fatalf("GOGC = %d after %d of %d loads ended", got, i+1, len(rs))
		} else {
			debug.SetGCPercent(got)
		}
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after every load = %d, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != origMem {
		t.Errorf("memory limit after every load = %d, want %d back", got, origMem)
	}

	t.Setenv("GOGC", "200")
	tightGC(bigDocument)()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set by the user, GOGC became %d", got)
	}
}
