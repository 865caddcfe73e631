// Package keys keeps a caller's token and a trace id in the context.
package keys

import "context"

type tokenKey struct{}

type traceKey struct{}

// WithToken stores the token the caller sent.
func WithToken(ctx context.Context, tok string) context.Context { // want WithToken:`ctxcred\(stores param 1 under keys.tokenKey\{\}\)`
	return context.WithValue(ctx, tokenKey{}, tok)
}

// Token is the token WithToken stored.
func Token(ctx context.Context) string { // want Token:`ctxcred\(gets keys.tokenKey\{\}\)`
	s, _ := ctx.Value(tokenKey{}).(string)
	return s
}

// WithTrace stores a trace id under a key of its own.
func WithTrace(ctx context.Context, id string) context.Context { // want WithTrace:`ctxcred\(stores param 1 under keys.traceKey\{\}\)`
	return context.WithValue(ctx, traceKey{}, id)
}

// Trace is the trace id WithTrace stored.
func Trace(ctx context.Context) string { // want Trace:`ctxcred\(gets keys.traceKey\{\}\)`
	s, _ := ctx.Value(traceKey{}).(string)
	return s
}
