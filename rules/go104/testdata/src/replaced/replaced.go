// Package replaced forwards requests to model providers with the
// server's own key: the caller's credential header is replaced on the
// way, on the request being served before it is copied, or on the
// outgoing request after the copy. Those are not passthrough; the same
// code without the replacement is.
package replaced

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Provider interface {
	Token() string
	URL() string
}

// applyAuth replaces the caller's Authorization with the provider's key.
func applyAuth(r *http.Request, p Provider) {
	r.Header.Del("Authorization")
	r.Header.Set("Authorization", "Bearer "+p.Token())
}

// The handler replaces the header of the request it serves, then a
// helper copies every header: the provider's key is what goes out
// (inference-gateway's shape).
func ProxyHandler(c *gin.Context, p Provider) {
	applyAuth(c.Request, p)
	stream(c, p)
}

func stream(c *gin.Context, p Provider) {
	out, _ := http.NewRequest(c.Request.Method, p.URL(), c.Request.Body)
	out.Header = c.Request.Header.Clone()
	http.DefaultClient.Do(out)
}

// Without the replacement, the same copy forwards the caller's token.
func RawHandler(c *gin.Context, p Provider) {
	rawStream(c, p)
}

func rawStream(c *gin.Context, p Provider) {
	out, _ := http.NewRequest(c.Request.Method, p.URL(), c.Request.Body)
	out.Header = c.Request.Header.Clone() // want `An outgoing request \(its Header field\) gets every incoming header \(Authorization and Cookie among them\)`
	http.DefaultClient.Do(out)
}

type Meta struct{ APIKey string }

// Copies every header, then sets Authorization to the channel's key (a
// one-api adaptor's shape).
func SetupHeaders(c *gin.Context, req *http.Request, m *Meta) {
	for k, v := range c.Request.Header {
		req.Header.Set(k, v[0])
	}
	req.Header.Del("Host")
	req.Header.Set("Authorization", m.APIKey)
}

// Forwards the caller's header, then overwrites it with the server's key.
func overwritten(w http.ResponseWriter, r *http.Request, m *Meta) {
	out, _ := http.NewRequest(http.MethodPost, "https://api.example.com/v1", r.Body)
	out.Header.Set("Authorization", r.Header.Get("Authorization"))
	out.Header.Set("Authorization", "Bearer "+m.APIKey)
	http.DefaultClient.Do(out)
}

// Overwritten before it is forwarded: the caller's value wins.
func overwrittenFirst(w http.ResponseWriter, r *http.Request, m *Meta) {
	out, _ := http.NewRequest(http.MethodPost, "https://api.example.com/v1", r.Body)
	out.Header.Set("Authorization", "Bearer "+m.APIKey)
	out.Header.Set("Authorization", r.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
	http.DefaultClient.Do(out)
}

// The served request's header replaced after the read: the read was the
// caller's.
func replacedLate(w http.ResponseWriter, r *http.Request, m *Meta) {
	tok := r.Header.Get("Authorization")
	r.Header.Set("Authorization", "Bearer "+m.APIKey)
	out, _ := http.NewRequest(http.MethodPost, "https://api.example.com/v1", r.Body)
	out.Header.Set("Authorization", tok) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
	http.DefaultClient.Do(out)
}

// Replaced on the served request before the read, in the same handler.
func replacedEarly(w http.ResponseWriter, r *http.Request, m *Meta) {
	r.Header.Set("Authorization", "Bearer "+m.APIKey)
	out, _ := http.NewRequest(http.MethodPost, "https://api.example.com/v1", r.Body)
	out.Header.Set("Authorization", r.Header.Get("Authorization"))
	http.DefaultClient.Do(out)
}
