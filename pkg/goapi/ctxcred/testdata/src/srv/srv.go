package srv // want package:`ctxcred sends 1`

// This package puts the caller's Authorization header into the context and
// sends it upstream; a trace id travels the same way and is no credential.

import (
	"context"
	"net/http"

	"keys"
)

// FromRequest is an HTTP context function of a server.
func FromRequest(ctx context.Context, r *http.Request) context.Context { // want FromRequest:`ctxcred\(puts authorization under keys.tokenKey\{\}\)`
	return keys.WithToken(ctx, r.Header.Get("Authorization"))
}

// TraceFromRequest puts a header that is no credential into the context.
func TraceFromRequest(ctx context.Context, r *http.Request) context.Context {
	return keys.WithTrace(ctx, r.Header.Get("X-Request-Id"))
}

// call sends the stored token upstream as the outgoing request's credential.
func call(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+keys.Token(ctx))
	req.Header.Set("X-Request-Id", keys.Trace(ctx))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
