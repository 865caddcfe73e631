// Package ownapi is an upstream client that sends the server's own key,
// whatever the request context carries.
package ownapi

import (
	"context"
	"net/http"
	"os"
)

// Delete removes a service upstream with the server's key.
func Delete(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, "https://api.example.com/services/"+id, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_KEY"))
	_, err = http.DefaultClient.Do(req)
	return err
}
