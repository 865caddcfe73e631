// Package fallbackapi is an upstream client that sends the caller's key
// from the context, or the operator's own when the caller sent none.
package fallbackapi

import (
	"context"
	"net/http"

	"forward/keyctx"
)

// DefaultToken is the operator's token, set from a flag at start-up.
var DefaultToken string

// Delete removes a service upstream.
func Delete(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, "https://api.example.com/services/"+id, nil)
	if err != nil {
		return err
	}
	token := keyctx.From(ctx)
	if token == "" {
		token = DefaultToken
	}
	req.Header.Set("Authorization", "token "+token)
	_, err = http.DefaultClient.Do(req)
	return err
}
