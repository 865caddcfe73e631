// Package notvertex calls no API that requires cloud-platform: the scope
// stays a warning.
package notvertex

import (
	"context"

	"golang.org/x/oauth2/google"
)

const endpoint = "https://storage.googleapis.com/b"

func token(ctx context.Context, key []byte) {
	google.CredentialsFromJSON(ctx, key, "https://www.googleapis.com/auth/cloud-platform") // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use$`
}
