// Package access authenticates a request through providers registered at
// run time, which the analysis cannot see into.
package access

import (
	"context"
	"net/http"
)

// Provider checks a request; providers are plugins registered by
// packages this one does not know.
type Provider func(ctx context.Context, r *http.Request) error

type AuthError struct {
	Code    int
	Message string
}

type Manager struct{ providers []Provider }

func (m *Manager) Register(p Provider) { m.providers = append(m.providers, p) }

func (m *Manager) Authenticate(ctx context.Context, r *http.Request) (string, *AuthError) {
	for _, p := range m.providers {
		if err := p(ctx, r); err == nil {
			return "caller", nil
		}
	}
	return "", &AuthError{Code: http.StatusUnauthorized, Message: "denied"}
}

// Count tallies requests; it checks nothing.
func (m *Manager) Count(r *http.Request) error { return nil }

func (e *AuthError) Error() string { return e.Message }
