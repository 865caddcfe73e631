// Package oidc is a stub of github.com/coreos/go-oidc/v3/oidc, checked against its documented API (v3).
package oidc

import "context"

type IDToken struct {
	Subject string
}

type IDTokenVerifier struct{}

func (v *IDTokenVerifier) Verify(ctx context.Context, rawIDToken string) (*IDToken, error) {
	return nil, nil
}
