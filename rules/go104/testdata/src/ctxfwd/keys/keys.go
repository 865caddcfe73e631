// Package keys carries credentials in the request context.
package keys

import (
	"context"
	"net/http"
	"os"
)

type ctxKey string

const (
	callerKey ctxKey = "caller-key"
	tenantKey ctxKey = "tenant"
	serverKey ctxKey = "server-key"
)

// FromRequest keeps the caller's Authorization header and its tenant.
func FromRequest(ctx context.Context, r *http.Request) context.Context {
	ctx = context.WithValue(ctx, tenantKey, r.Header.Get("X-Tenant"))
	return context.WithValue(ctx, callerKey, r.Header.Get("Authorization"))
}

// FromConfig keeps the server's own key, for a stdio server.
func FromConfig(ctx context.Context) context.Context {
	return context.WithValue(ctx, serverKey, os.Getenv("API_KEY"))
}

// Caller is the caller's key the context carries.
func Caller(ctx context.Context) string {
	s, _ := ctx.Value(callerKey).(string)
	return s
}

// Tenant is the caller's tenant.
func Tenant(ctx context.Context) string {
	s, _ := ctx.Value(tenantKey).(string)
	return s
}

// Server is the server's own key.
func Server(ctx context.Context) string {
	s, _ := ctx.Value(serverKey).(string)
	return s
}
