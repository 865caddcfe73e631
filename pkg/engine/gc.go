package engine

import (
	"os"
	"runtime/debug"
	"sync"
)

// bigDocument is the size from which scanning a document runs with a
// tighter garbage collector. Loading is where a scan's memory peaks: the
// parser's node tree, the origins and the model are all alive at once, and
// most of it is garbage a moment later; the rules then run on a model of a
// few hundred MB. With the default GOGC=100 the heap may grow to twice what
// is live before a collection; at 50 it grows by half. On Microsoft Graph's
// 20 MB description GOGC=50 for the load alone took the peak from 1.2 GB to
// 0.8–0.9 GB, but one run in three still went past 1 GB: a soft memory
// limit of memoryPerByte times the file's size, for the whole scan of the
// document, keeps it at 0.76–0.78 GB for about 10% more time. Small
// documents, which a directory scan has hundreds of, keep the defaults:
// for them the extra collections cost more than they save.
const bigDocument = 8 << 20

// tightGCPercent is GOGC while a big document is scanned.
const tightGCPercent = 50

// memoryPerByte bounds, as a soft memory limit, the memory a big document
// may take per byte of the file while it is scanned: Microsoft Graph's
// 20 MB description needs about 500 MB live at its peak.
const memoryPerByte = 40

var tight struct {
	sync.Mutex
	n       int   // big documents in flight
	prev    int   // GOGC to restore
	prevMem int64 // memory limit to restore
	limit   int64 // memoryPerByte times the size of every document in flight
}

// tightGC, for a big document, lowers GOGC and sets a memory limit until
// the returned function is called, unless the user set GOGC or GOMEMLIMIT,
// whose choice stands. Scans overlap: the limit counts every document in
// flight, small ones too (they share the heap), and the settings are
// restored when the last big one ends.
func tightGC(size int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	big := size >= bigDocument
	tight.Lock()
	defer tight.Unlock()
	if big && tight.n == 0 {
		tight.prev = debug.SetGCPercent(tightGCPercent)
		tight.prevMem = debug.SetMemoryLimit(-1)
	}
	if big {
		tight.n++
	}
	tight.limit += memoryPerByte * size
	if tight.n > 0 {
		debug.SetMemoryLimit(tight.limit)
	}
	return func() {
		tight.Lock()
		defer tight.Unlock()
		tight.limit -= memoryPerByte * size
		switch {
		case big && tight.n == 1:
			debug.SetGCPercent(tight.prev)
			debug.SetMemoryLimit(tight.prevMem)
		case tight.n > 0:
			debug.SetMemoryLimit(tight.limit)
		}
		if big {
			tight.n--
		}
	}
}
