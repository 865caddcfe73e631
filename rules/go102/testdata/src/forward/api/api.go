// Package api is the upstream client the tools call: it sends the key
// the request context carries.
package api

import (
	"context"
	"net/http"

	"forward/keyctx"
)

func authorize(h http.Header, key string) {
	h.Set("Authorization", "Bearer "+key)
}

// Delete removes a service upstream, as the caller whose key the context
// carries.
func Delete(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, "https://api.example.com/services/"+id, nil)
	if err != nil {
		return err
	}
	key := keyctx.From(ctx)
	authorize(req.Header, key)
	_, err = http.DefaultClient.Do(req)
	return err
}
