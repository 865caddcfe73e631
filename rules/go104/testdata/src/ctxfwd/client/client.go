// Package client calls the upstream with the key the caller brought,
// carried through the context.
package client

import (
	"context"
	"net/http"

	"ctxfwd/keys"
)

func headers(h http.Header, token, tenant string) {
	h.Set("Authorization", token)
	h.Set("X-Tenant", tenant)
}

// List calls the upstream as the caller.
func List(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example.com/items", nil)
	if err != nil {
		return nil, err
	}
	headers(req.Header, keys.Caller(ctx), keys.Tenant(ctx)) // want `the outgoing request's Authorization header gets the caller's Authorization header, put into the request context by keys.FromRequest, read back by keys.Caller: the upstream can act as the caller; use a credential of the server's own \(token exchange, client credentials\) \(a warning, not an error: it travels through the request context, .* check which one the header carries\)$`
	return http.DefaultClient.Do(req)
}
