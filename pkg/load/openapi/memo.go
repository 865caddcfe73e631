package openapi

import (
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// Many rules walk the same document the same way (every schema, every
// parameter, every text). The walks are pure functions of the document, so
// each is done once per document and shared; rules run concurrently, and
// the first to ask computes while the others wait.
//
// The cache is keyed by the document and lives until Release: the engine
// releases a document when its rules are done. A caller that never releases
// (a test) only keeps the walks alive as long as the process.
var memos sync.Map // *openapi3.T -> *memo

type memo struct {
	mu      sync.Mutex
	entries map[string]*entry
}

type entry struct {
	once  sync.Once
	value any
}

func cached[V any](t *openapi3.T, key string, compute func() V) V {
	if t == nil {
		return compute()
	}
	m, _ := memos.LoadOrStore(t, &memo{entries: map[string]*entry{}})
	mm := m.(*memo)
	mm.mu.Lock()
	e := mm.entries[key]
	if e == nil {
		e = &entry{}
		mm.entries[key] = e
	}
	mm.mu.Unlock()
	e.once.Do(func() { e.value = compute() })
	return e.value.(V)
}

// Release forgets the walks cached for a document.
func Release(t *openapi3.T) {
	forgetStopped(t)
	memos.Delete(t)
	repairs.Delete(t)
}

// Cached reports whether anything is cached for a document (for tests).
func Cached(t *openapi3.T) bool {
	_, ok := memos.Load(t)
	return ok
}
