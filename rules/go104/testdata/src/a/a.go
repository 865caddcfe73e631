package a

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/gin-gonic/gin"
	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/oauth2"
)

// The caller's bearer token, replayed against the upstream API.
func search(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	req, _ := http.NewRequest("GET", "https://api.example.com/search", nil)
	req.Header.Set("Authorization", "Bearer "+tok) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header: the upstream can act as the caller`
	http.DefaultClient.Do(req)
}

// Every incoming header copied: Authorization and cookies go along.
func copyAll(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest(r.Method, "https://backend.example.com"+r.URL.Path, r.Body)
	for k, vs := range r.Header {
		for _, v := range vs {
			out.Header.Add(k, v) // want `An outgoing request \(Header.Add\) gets every incoming header \(Authorization and Cookie among them\)`
		}
	}
	out2, _ := http.NewRequest(r.Method, "https://backend.example.com", nil)
	out2.Header = r.Header.Clone() // want `An outgoing request \(its Header field\) gets every incoming header`
}

// Copying headers, then removing the credentials: silent.
func copyStripped(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest(r.Method, "https://backend.example.com", nil)
	out.Header = r.Header.Clone()
	out.Header.Del("Authorization")
	out.Header.Del("Cookie")
}

// The session cookie, handed on.
func cookie(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	out, _ := http.NewRequest("GET", "https://other.example.com", nil)
	out.AddCookie(c) // want `An outgoing request \(AddCookie\) gets the caller's cookie`
}

// An upstream client built with the caller's key.
func chat(c *gin.Context) {
	key := c.GetHeader("X-API-Key")
	client := openai.NewClient(key) // want `An upstream client \(openai.NewClient\) gets the caller's API-key header`
	_ = client
	_ = option.WithAuthToken(c.GetHeader("Authorization"))                                        // want `An upstream client \(option.WithAuthToken\) gets the caller's Authorization header`
	src := oauth2.Token{AccessToken: strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")} // want `An upstream client \(oauth2.Token\) gets the caller's Authorization header`
	_ = src
}

// Through helpers: one reads the token, one sets it.
func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func callUpstream(ctx context.Context, token string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com", nil)
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", token))
	http.DefaultClient.Do(req)
}

func viaHelpers(w http.ResponseWriter, r *http.Request) {
	callUpstream(r.Context(), bearer(r)) // want `An outgoing request \(Header.Set\) in callUpstream gets the caller's Authorization header`
}

// Middleware: a closure's request.
func mw(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out, _ := http.NewRequest("GET", "https://audit.example.com", nil)
		out.Header.Set("X-Forwarded-Authorization", r.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
		next.ServeHTTP(w, r)
	})
}

// Silent: the server's own key, a header that is not a credential, the
// response's headers, the request being served.
func own(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "https://api.example.com", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("UPSTREAM_TOKEN"))
	req.Header.Set("X-Request-ID", r.Header.Get("X-Request-ID"))
	req.Header.Set("Accept-Language", r.Header.Get("Accept-Language"))
	w.Header().Set("X-Echo", r.Header.Get("Authorization"))
	r.Header.Set("X-User", r.Header.Get("Authorization"))
	callUpstream(r.Context(), os.Getenv("UPSTREAM_TOKEN"))
	_ = openai.NewClient(os.Getenv("OPENAI_API_KEY"))
}

// Basic-auth credentials, handed on.
func basic(w http.ResponseWriter, r *http.Request) {
	u, p, ok := r.BasicAuth()
	if !ok {
		return
	}
	out, _ := http.NewRequest("GET", "https://other.example.com", nil)
	out.SetBasicAuth(u, p) // want `An outgoing request \(SetBasicAuth\) gets the caller's basic-auth credentials`
}

// Silent: a RoundTripper's request is the outgoing one, and a client's
// own header map is not a caller's.
type transport struct{ base http.RoundTripper }

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	h := req.Header.Clone()
	h.Set("X-Client", "cli")
	out := req.Clone(req.Context())
	out.Header = h
	return t.base.RoundTrip(out)
}

type rpcRequest struct{ Header http.Header }

func send(ctx context.Context, request rpcRequest) {
	req, _ := http.NewRequestWithContext(ctx, "POST", "https://mcp.example.com", nil)
	for k, v := range request.Header {
		req.Header[k] = v
	}
	req.Header.Set("Authorization", request.Header.Get("Authorization"))
}
