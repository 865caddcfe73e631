// Package echo is a stub of github.com/labstack/echo/v5, checked against
// v5.1.0: routes, middleware and StartConfig, which serves a handler.
package echo

import (
	"context"
	"net/http"
)

type Context struct{}

func (c *Context) Request() *http.Request          { return nil }
func (c *Context) Param(name string) string        { return "" }
func (c *Context) JSON(code int, i any) error      { return nil }
func (c *Context) String(code int, s string) error { return nil }

type HandlerFunc func(c *Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type RouteInfo struct{}

type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) Use(middleware ...MiddlewareFunc)                                 {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group                  { return &Group{} }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)                 {}
func (e *Echo) Start(address string) error                                       { return nil }

type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                               {}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

// StartConfig serves a handler (usually an *Echo) on Address.
type StartConfig struct {
	Address         string
	HideBanner      bool
	BeforeServeFunc func(s *http.Server) error
}

func (sc StartConfig) Start(ctx context.Context, h http.Handler) error { return nil }
func (sc StartConfig) StartTLS(ctx context.Context, h http.Handler, certFile, keyFile any) error {
	return nil
}
