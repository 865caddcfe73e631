// Package auth is a stub of github.com/modelcontextprotocol/go-sdk/auth, checked against v1.8.0.
package auth

import (
	"context"
	"net/http"
	"time"
)

type TokenInfo struct {
	Scopes     []string
	Expiration time.Time
	UserID     string
	Extra      map[string]any
}

type TokenVerifier func(ctx context.Context, token string, req *http.Request) (*TokenInfo, error)

type RequireBearerTokenOptions struct {
	ResourceMetadataURL string
	Scopes              []string
}

func RequireBearerToken(verifier TokenVerifier, opts *RequireBearerTokenOptions) func(http.Handler) http.Handler {
	return nil
}

func TokenInfoFromContext(ctx context.Context) *TokenInfo { return nil }
