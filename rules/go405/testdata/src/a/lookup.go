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
	os.ReadFile(e.Path) // want `untrusted data reaches a file path in os.ReadFile, from a form value .*\(a warning, not an error: the data gets there only through an object's state \(looked up by Cache.Entry`
}
