// Package vertex calls Vertex AI, which accepts no narrower scope than
// cloud-platform: the scope is a note.
package vertex

import (
	"context"

	"golang.org/x/oauth2/google"
)

// The Gemini API's host comes first, and Vertex AI's is named: a package
// that calls both is graded by Vertex AI.
const gemini = "https://generativelanguage.googleapis.com/v1beta"

const endpoint = "https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1"

func token(ctx context.Context, key []byte) {
	google.CredentialsFromJSON(ctx, key, "https://www.googleapis.com/auth/cloud-platform") // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API the identity can use \(a note, not a warning: Vertex AI accepts no narrower scope; the IAM roles of the identity are the limit\)`
	google.JWTConfigFromJSON(key, "https://www.googleapis.com/auth/drive")                 // want `OAuth scope "https://www.googleapis.com/auth/drive" grants every file in the user's Drive$`
}
