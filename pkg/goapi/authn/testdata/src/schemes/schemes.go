package schemes // want package:"stored: apiKey checks credentials"

import "net/http"

// schemes keeps its credential checks in a table; apiKey is unexported,
// so its kind reaches importers in the package's HiddenFacts.

// Check answers 401 and returns false when the request is not allowed.
type Check func(w http.ResponseWriter, r *http.Request) bool

// ByName holds the checks by the name of their scheme.
var ByName = map[string]Check{"key": apiKey}

func apiKey(w http.ResponseWriter, r *http.Request) bool { // want apiKey:"checks credentials"
	if r.Header.Get("X-API-Key") != "secret" {
		w.WriteHeader(http.StatusUnauthorized)
		return false
	}
	return true
}
