// Stub of golang.org/x/oauth2/google, checked against golang.org/x/oauth2 v0.38.0.
package google

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/jwt"
)

var Endpoint = oauth2.Endpoint{
	AuthURL:  "https://accounts.google.com/o/oauth2/auth",
	TokenURL: "https://oauth2.googleapis.com/token",
}

type Credentials struct {
	ProjectID   string
	TokenSource oauth2.TokenSource
	JSON        []byte
}

type CredentialsParams struct {
	Scopes  []string
	Subject string
}

type CredentialsType string

func DefaultClient(ctx context.Context, scope ...string) (*http.Client, error) { return nil, nil }
func DefaultTokenSource(ctx context.Context, scope ...string) (oauth2.TokenSource, error) {
	return nil, nil
}
func FindDefaultCredentials(ctx context.Context, scopes ...string) (*Credentials, error) {
	return nil, nil
}
func FindDefaultCredentialsWithParams(ctx context.Context, params CredentialsParams) (*Credentials, error) {
	return nil, nil
}
func CredentialsFromJSON(ctx context.Context, jsonData []byte, scopes ...string) (*Credentials, error) {
	return nil, nil
}
func CredentialsFromJSONWithType(ctx context.Context, jsonData []byte, credType CredentialsType, scopes ...string) (*Credentials, error) {
	return nil, nil
}
func CredentialsFromJSONWithParams(ctx context.Context, jsonData []byte, params CredentialsParams) (*Credentials, error) {
	return nil, nil
}
func ConfigFromJSON(jsonKey []byte, scope ...string) (*oauth2.Config, error) { return nil, nil }
func JWTConfigFromJSON(jsonKey []byte, scope ...string) (*jwt.Config, error) { return nil, nil }
func JWTAccessTokenSourceWithScope(jsonKey []byte, scope ...string) (oauth2.TokenSource, error) {
	return nil, nil
}
func ComputeTokenSource(account string, scope ...string) oauth2.TokenSource        { return nil }
func AppEngineTokenSource(ctx context.Context, scope ...string) oauth2.TokenSource { return nil }
