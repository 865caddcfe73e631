// Stub of golang.org/x/oauth2, checked against v0.38.0.
package oauth2

import (
	"context"
	"net/http"
)

type AuthStyle int

type Endpoint struct {
	AuthURL       string
	DeviceAuthURL string
	TokenURL      string
	AuthStyle     AuthStyle
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct {
	AccessToken string
}

type TokenSource interface {
	Token() (*Token, error)
}

type AuthCodeOption interface{}

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }
func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}
func (c *Config) Client(ctx context.Context, t *Token) *http.Client     { return nil }
func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return nil }
func NewClient(ctx context.Context, src TokenSource) *http.Client       { return nil }
