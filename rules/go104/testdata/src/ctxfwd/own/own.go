// Package own calls the upstream with the server's own key, which the
// context carries too, and passes the caller's tenant, no credential:
// nothing the caller presented is forwarded.
package own

import (
	"context"
	"net/http"

	"ctxfwd/keys"
)

// List calls the upstream as the server.
func List(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example.com/items", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+keys.Server(ctx))
	req.Header.Set("X-Tenant", keys.Tenant(ctx))
	if keys.Caller(ctx) == "" {
		return nil, nil
	}
	return http.DefaultClient.Do(req)
}
