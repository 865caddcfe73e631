// Package ifcallkeys implements ifcall's key checker in a package of its
// own.
package ifcallkeys

import (
	"errors"
	"net/http"
)

type Store struct{ keys map[string]bool }

// Lookup reads the bearer token and looks it up; the caller rejects.
func (s *Store) Lookup(r *http.Request) (string, error) {
	tok := r.Header.Get("Authorization")
	if !s.keys[tok] {
		return "", errors.New("unknown key")
	}
	return tok, nil
}

// Size makes *Store the only implementation of ifcall's keyChecker.
func (s *Store) Size() int { return len(s.keys) }
