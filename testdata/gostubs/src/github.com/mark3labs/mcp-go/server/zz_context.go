package server

import (
	"context"
	"net/http"
)

type HTTPContextFunc func(ctx context.Context, r *http.Request) context.Context

type SSEContextFunc func(ctx context.Context, r *http.Request) context.Context

func WithHTTPContextFunc(fn HTTPContextFunc) StreamableHTTPOption { return nil }

func WithSSEContextFunc(fn SSEContextFunc) SSEOption { return nil }
