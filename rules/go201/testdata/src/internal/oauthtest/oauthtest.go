// Package oauthtest is test scaffolding outside _test.go files: still
// reported, a level lower.
package oauthtest

import (
	"io"
	"net/http"
)

func token(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit \(a note, not a warning: test scaffolding \(oauthtest/\)\)`
}
