// Package keyctx carries each caller's API key in the request context.
package keyctx

import (
	"context"
	"net/http"
	"strings"
)

type keyType struct{}

// With stores key in ctx.
func With(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, keyType{}, key)
}

// From is the key stored in ctx, or "".
func From(ctx context.Context) string {
	if k, ok := ctx.Value(keyType{}).(string); ok {
		return k
	}
	return ""
}

// FromRequest is an HTTP context function: the caller's own key, from
// its Authorization header.
func FromRequest(ctx context.Context, r *http.Request) context.Context {
	raw := r.Header.Get("Authorization")
	if raw == "" {
		return ctx
	}
	return With(ctx, strings.TrimPrefix(raw, "Bearer "))
}

// Chain runs several context functions in turn.
func Chain(fns ...func(context.Context, *http.Request) context.Context) func(context.Context, *http.Request) context.Context {
	return func(ctx context.Context, r *http.Request) context.Context {
		for _, fn := range fns {
			ctx = fn(ctx, r)
		}
		return ctx
	}
}

// WithUserAgent keeps the caller's user agent, no credential.
func WithUserAgent(ctx context.Context, r *http.Request) context.Context {
	return context.WithValue(ctx, "ua", r.Header.Get("User-Agent"))
}
