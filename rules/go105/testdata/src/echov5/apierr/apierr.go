// Package apierr builds the API's error answers, in a package of its own:
// an error constructor that always answers 401, and a mapping from error
// kinds to statuses that answers 401 for one kind among others.
package apierr

import "net/http"

type Error struct {
	Kind    string
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// Unauthorized always answers 401: a caller that reads a credential and
// returns it authenticates.
func Unauthorized(msg string) *Error {
	return &Error{Kind: "auth", Status: http.StatusUnauthorized, Message: msg}
}

// StatusOf maps a kind to a status. Calling it rejects nothing for sure.
func StatusOf(kind string) int {
	switch kind {
	case "auth":
		return http.StatusUnauthorized
	case "limit":
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
