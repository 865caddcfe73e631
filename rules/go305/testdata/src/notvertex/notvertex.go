// Package notvertex calls no API that requires cloud-platform: the scope
// stays a warning when a user consents to it, and is a note for a service
// account's key or Application Default Credentials, which IAM roles limit.
package notvertex

import (
	"context"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

const endpoint = "https://storage.googleapis.com/b"

func token(ctx context.Context, key []byte) {
	google.CredentialsFromJSON(ctx, key, "https://www.googleapis.com/auth/cloud-platform")                                                     // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use \(a note, not a warning: the credential is a service account's or Application Default Credentials, for which Google recommends cloud-platform and limits what the token may do by the IAM roles of the identity: narrow those roles, not the scope\)$`
	google.FindDefaultCredentialsWithParams(ctx, google.CredentialsParams{Scopes: []string{"https://www.googleapis.com/auth/cloud-platform"}}) // want `\(a note, not a warning: the credential is a service account's`
	google.ConfigFromJSON(key, "https://www.googleapis.com/auth/cloud-platform")                                                               // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use$`
	_ = oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/cloud-platform"}}                           // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use$`
}
