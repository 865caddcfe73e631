package state

import (
	"net/http"
	"os"
)

// Map keys: what a method stores as a map's keys stays keys for its
// callers ([key] in its summary), and a method that reads the map's values
// does not read the keys its caller stored there. The name only selects
// the program's own path.
type table struct {
	paths map[string]string
	hits  map[string]int
}

func (t *table) remember(name string) { t.hits[name]++ } // want `remember: taint\(p1→p0.hits\[key\]\)`

func (t *table) open(name string) { os.ReadFile(t.paths[name]) } // want `open: taint\(p0.paths⇒a file path\)`

func (t *table) path(name string) string { return t.paths[name] } // want `path: taint\(p0.paths→result\)`

func handleTable(t *table, r *http.Request) { // want `handleTable: taint\(p0.paths⇒a file path request data@p0.paths\[key\] request data@p0.hits\[key\]\)`
	name := r.FormValue("name")
	t.remember(name)
	t.paths[name] = "/srv/default"
	t.open(name)
	os.ReadFile(t.path(name))
	os.ReadFile(name) // want `a file path from a form value \(source at keys.go:\d+\)$`
}
