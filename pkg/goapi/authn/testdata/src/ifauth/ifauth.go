// Package ifauth authenticates through interface methods: an identifier
// whose implementations (in package ifimpl) read a credential, and an
// authenticator whose implementation is nowhere in sight, which counts
// by its name. The middleware rejects through a JSON helper of its own.
package ifauth

import (
	"encoding/json"
	"net/http"

	_ "ifimpl"
)

type identifier interface {
	Identify(r *http.Request) (string, error)
}

type keyLookup interface {
	Identify(r *http.Request) (string, error)
	Reload() error
}

type authenticator interface {
	Authenticate(r *http.Request) (string, error)
}

type session interface {
	AuthenticateRequest(r *http.Request) (string, error)
}

type locale interface {
	Language(r *http.Request) (string, error)
}

func writeJSON(w http.ResponseWriter, code int, msg string) {
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// byImplementation: the only type that can be a keyLookup is ifimpl's
// *KeyStore, whose Identify reads the API key: rejecting on its error
// checks credentials.
func byImplementation(k keyLookup, next http.Handler) http.Handler { // want byImplementation:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := k.Identify(r); err != nil {
			writeJSON(w, http.StatusUnauthorized, err.Error())
			return
		}
		next.ServeHTTP(w, r)
	})
}

// mixed: an identifier may also be ifimpl.Locale, whose Identify reads no
// credential; a call that may run it authenticates no one for sure.
func mixed(id identifier, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := id.Identify(r); err != nil {
			writeJSON(w, http.StatusUnauthorized, err.Error())
			return
		}
		next.ServeHTTP(w, r)
	})
}

// guestOnly: the only authenticator in sight, ifimpl.Anonymous, reads no
// credential; its name does not make up for that.
func guestOnly(a authenticator, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.Authenticate(r); err != nil {
			writeJSON(w, http.StatusUnauthorized, err.Error())
			return
		}
		next.ServeHTTP(w, r)
	})
}

// byName: no implementation of session is visible here (main wires it);
// the method's name and signature say it authenticates.
func byName(s session, next http.Handler) http.Handler { // want byName:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, err := s.AuthenticateRequest(r)
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, "[svc] "+err.Error())
			return
		}
		r.Header.Set("X-User", user)
		next.ServeHTTP(w, r)
	})
}

// passesOn calls the same method but hands a request that fails it on:
// optional authentication, not a check.
func passesOn(s session, next http.Handler) http.Handler { // want passesOn:"^reads credentials, lets requests without one through$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, err := s.AuthenticateRequest(r)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		if user == "banned" {
			writeJSON(w, http.StatusForbidden, "banned")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// noReject calls it and never turns anyone away: it reads, it does not check.
func noReject(s session, next http.Handler) http.Handler { // want noReject:"^reads credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _ := s.AuthenticateRequest(r)
		r.Header.Set("X-User", user)
		next.ServeHTTP(w, r)
	})
}

// notAuth rejects with 401 on the error of a method whose name says
// nothing about credentials and with no implementation in sight: silent.
func notAuth(l locale, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := l.Language(r); err != nil {
			writeJSON(w, http.StatusUnauthorized, err.Error())
			return
		}
		next.ServeHTTP(w, r)
	})
}
