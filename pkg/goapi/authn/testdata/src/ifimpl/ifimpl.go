// Package ifimpl holds implementations of ifauth's interfaces, in a
// package of their own as a program's services often are.
package ifimpl

import (
	"errors"
	"net/http"
)

type KeyStore struct{ keys map[string]string }

// Identify reads the API key and looks it up; it turns no one away itself.
func (s *KeyStore) Identify(r *http.Request) (string, error) { // want Identify:"reads credentials"
	user, ok := s.keys[r.Header.Get("X-API-Key")]
	if !ok {
		return "", errors.New("unknown key")
	}
	return user, nil
}

// Reload makes *KeyStore the only type that implements ifauth's keyLookup.
func (s *KeyStore) Reload() error { return nil }

type Locale struct{}

// Identify here reads no credential: the language the client asked for.
func (Locale) Identify(r *http.Request) (string, error) {
	return r.Header.Get("Accept-Language"), nil
}

type Anonymous struct{}

// Authenticate is named to authenticate but lets everyone in as a guest:
// where the implementation is in sight, it decides, not the name.
func (Anonymous) Authenticate(r *http.Request) (string, error) { return "guest", nil }
