// Package dispatch bounds the body in its outer handler and hands the
// request to a session's methods (as go-sdk's StreamableHTTPHandler does).
package dispatch

import (
	"io"
	"net/http"
)

type Handler struct{ s *session }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	}
	h.s.ServeHTTP(w, r)
}

type session struct{}

func (s *session) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		s.post(w, r)
	}
}

// post is reached only through Handler, after the limit.
func (s *session) post(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

// other is not handed the limited request.
func other(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit`
}

// Direct bounds the body and dispatches to its own methods without a
// next handler: what they read is bounded too.
type Direct struct{}

func (d *Direct) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	}
	r = r.WithContext(r.Context())
	d.serveStateful(w, r)
}

func (d *Direct) serveStateful(w http.ResponseWriter, r *http.Request) {
	var c conn
	c.servePOST(w, r)
}

type conn struct{}

func (c *conn) servePOST(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

// Unbounded reads before it bounds anything: reported.
type Unbounded struct{}

func (u *Unbounded) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u.read(w, r)
}

func (u *Unbounded) read(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit`
}
