// Stub of golang.org/x/oauth2/clientcredentials, checked against golang.org/x/oauth2 v0.38.0.
package clientcredentials

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

type Config struct {
	ClientID       string
	ClientSecret   string
	TokenURL       string
	Scopes         []string
	EndpointParams url.Values
	AuthStyle      oauth2.AuthStyle
}

func (c *Config) Token(ctx context.Context) (*oauth2.Token, error)   { return nil, nil }
func (c *Config) Client(ctx context.Context) *http.Client            { return nil }
func (c *Config) TokenSource(ctx context.Context) oauth2.TokenSource { return nil }
