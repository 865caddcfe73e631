package fv // want package:"stored: bearer checks credentials"

import (
	"net/http"

	"schemes"
)

// fv authenticates through function values taken from tables: its own,
// with a literal, and another package's.

type guard struct {
	name  string
	check func(w http.ResponseWriter, r *http.Request) bool
}

var guards = []guard{{"bearer", bearer}}

func bearer(w http.ResponseWriter, r *http.Request) bool { // want bearer:"checks credentials"
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return false
	}
	return true
}

func viaSlice(w http.ResponseWriter, r *http.Request) bool { // want viaSlice:"checks credentials"
	return guards[0].check(w, r)
}

func viaPackage(w http.ResponseWriter, r *http.Request) bool { // want viaPackage:"checks credentials"
	return schemes.ByName["key"](w, r)
}

// literal checks are literals in a table.
var literal = map[string]func(*http.Request) string{
	"cookie": func(r *http.Request) string {
		c, _ := r.Cookie("session")
		return c.Value
	},
}

func viaLiteral(r *http.Request) string { // want viaLiteral:"reads credentials"
	return literal["cookie"](r)
}

// Silent: the stored functions of this signature check nothing.
var formats = map[string]func(w http.ResponseWriter, v string){"text": text}

func text(w http.ResponseWriter, v string) { w.Write([]byte(v)) }

func render(w http.ResponseWriter, v string) { formats["text"](w, v) }

// Silent: a check received as a parameter is whichever the caller passes.
func with(check func(w http.ResponseWriter, r *http.Request) bool, w http.ResponseWriter, r *http.Request) bool {
	return check(w, r)
}

var _, _ = render, with
