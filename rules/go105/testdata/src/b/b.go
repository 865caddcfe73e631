// Package b installs authentication through an interface whose
// implementation the configuration chooses.
package b

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"

	"b/mw"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

// The constructor, in another package, returns a no-op when auth is off:
// the routes are open then (inference-gateway's shape).
func serve(cfg mw.Config) {
	auth, err := mw.NewAuthenticator(cfg)
	if err != nil {
		return
	}
	r := gin.New()
	r.Use(auth.Middleware()) // want `auth.Middleware\(\) does not always authenticate: it may be \(\*mw.Noop\).Middleware, which checks no credentials, when !cfg.Auth.Enabled \(in mw.NewAuthenticator\); then POST /run reaches command execution .* with no authentication; fail closed`
	r.POST("/run", runIt)
	r.Run(":8080")
}

// The constructor returns only the verifying type: authentication, though
// the no-op type implements the interface too.
func serveStrict(secret string) {
	auth := mw.NewStrict(secret)
	r := gin.New()
	r.Use(auth.Middleware())
	r.POST("/run", runIt)
	r.Run(":8080")
}

// The package chooses itself, by assignment.
type local interface {
	Wrap(http.Handler) http.Handler
}

type keyCheck struct{ key string }

func (k keyCheck) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != k.key {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type passThrough struct{}

func (passThrough) Wrap(next http.Handler) http.Handler { return next }

func run(w http.ResponseWriter, r *http.Request) { exec.Command("x").Run() }

func serveLocal(key string, open bool) {
	var a local = keyCheck{key: key}
	if open {
		a = passThrough{}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	http.ListenAndServe(":8080", a.Wrap(mux)) // want `a.Wrap\(mux\) does not always authenticate: it may be \(b.passThrough\).Wrap, which checks no credentials, when open; then POST /run reaches command execution`
}

// Only the checking type is ever assigned: authentication, though the
// package declares a type that checks nothing.
func serveKnown(key string) {
	var a local = keyCheck{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /run", run)
	http.ListenAndServe(":8080", a.Wrap(mux))
}
