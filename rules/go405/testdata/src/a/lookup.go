package a

import (
	"net/http"
	"os"

	"example.com/kv"
)

// A record looked up in a library's cache by a key from the request:
// the record was stored before, the key only chose it; graded as a
// lookup, not an error.
var cache kv.Cache

func cachedEntry(w http.ResponseWriter, r *http.Request) {
	e, err := cache.Entry(r.FormValue("id"))
	if err != nil {
		return
	}
	os.ReadFile(e.Path) // want `untrusted data reaches a file path in os.ReadFile, from a form value .*\(a note, not an error: the data gets there only through an object.s state \(looked up by Cache.Entry`
}

// A map whose keys come from requests: a lookup gives the value stored,
// which the program chose.
type registry struct {
	dirs map[string]string
}

func (g *registry) register(w http.ResponseWriter, r *http.Request) {
	g.dirs[r.FormValue("name")] = "/srv/data"
	os.ReadDir(g.dirs["main"])
	if d, ok := g.dirs["backup"]; ok {
		os.ReadDir(d)
	}
}

var seen = map[string]string{}

func remember(w http.ResponseWriter, r *http.Request) {
	seen[r.FormValue("id")] = "/var/cache/app"
	os.RemoveAll(seen["last"])
}

var paths = map[string]string{}

func storePath(w http.ResponseWriter, r *http.Request) {
	paths["path"] = r.FormValue("path")
	os.RemoveAll(paths["path"]) // want `untrusted data reaches a file path in os.RemoveAll, from a form value`
}
