package a

import "net/http"

// Optional authentication: the middleware sets who is calling when a
// credential is present but hands a request without one on. It reads a
// credential; it does not check one.

var serverKey string

// softAuth passes a request with no token on (the tok == "" branch).
func softAuth(next http.Handler) http.Handler { // want softAuth:"^reads credentials, lets requests without one through$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization")
		if tok == "" {
			next.ServeHTTP(w, r)
			return
		}
		if tok != serverKey {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// presentOnly rejects only when a token is present, then passes on.
func presentOnly(next http.Handler) http.Handler { // want presentOnly:"^reads credentials, lets requests without one through$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := r.Header.Get("X-API-Key"); tok != "" {
			if tok != serverKey {
				http.Error(w, "bad key", http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// evaluate is a complete middleware that reports whether it handled the
// request (accepted and passed it on, or rejected it); false: no token.
func evaluate(w http.ResponseWriter, r *http.Request, next http.Handler) bool { // want evaluate:"^checks credentials$"
	tok := r.Header.Get("Authorization")
	if tok == "" {
		return false
	}
	if tok != serverKey {
		w.WriteHeader(http.StatusUnauthorized)
		return true
	}
	next.ServeHTTP(w, r)
	return true
}

// whenUnhandled passes on what evaluate did not handle: gotify's
// authentication.Optional.
func whenUnhandled(next http.Handler) http.Handler { // want whenUnhandled:"^reads credentials, lets requests without one through$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !evaluate(w, r, next) {
			next.ServeHTTP(w, r)
		}
	})
}

// orReject is the same helper made strict: silent as optional.
func orReject(next http.Handler) http.Handler { // want orReject:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !evaluate(w, r, next) {
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
}

// validToken reads and compares, rejecting nothing itself.
func validToken(r *http.Request) bool { // want validToken:"^reads credentials$"
	return r.Header.Get("Authorization") == serverKey
}

// invalidPassesOn hands on the requests the validator said no to.
func invalidPassesOn(next http.Handler) http.Handler { // want invalidPassesOn:"^reads credentials, lets requests without one through$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !validToken(r) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("X-User", "admin")
		if r.Method == "DELETE" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// validOrReject: the validator's no is a 401 (silent as optional).
func validOrReject(next http.Handler) http.Handler { // want validOrReject:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if validToken(r) {
			next.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
	})
}

// deny reports whether it turned the request away; its false is "valid".
func deny(w http.ResponseWriter, r *http.Request) bool { // want deny:"^checks credentials$"
	if r.Header.Get("Authorization") != serverKey {
		w.WriteHeader(http.StatusUnauthorized)
		return true
	}
	return false
}

// notDenied passes on when deny let the request through: strict (silent
// as optional), although its shape is whenUnhandled's.
func notDenied(next http.Handler) http.Handler { // want notDenied:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !deny(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// viaOptional calls an optional check: it reads, as that does.
func viaOptional(next http.Handler) http.Handler { // want viaOptional:"^reads credentials$"
	return softAuth(next)
}

// preflight lets CORS preflights without a token through, and only them.
func preflight(next http.Handler) http.Handler { // want preflight:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("Authorization")
		if tok == "" && r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		if tok != serverKey {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func currentUser(r *http.Request) *string { // want currentUser:"^reads credentials$"
	if tok := r.Header.Get("Authorization"); tok != "" {
		return &tok
	}
	return nil
}

// roleAfterAuth tests the user's presence again for a role check, after
// turning away requests without one: strict.
func roleAfterAuth(next http.Handler) http.Handler { // want roleAfterAuth:"^checks credentials$"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := currentUser(r)
		if user == nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if user != nil && *user == "guest" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
