package openapi

import "testing"

func TestCredentialPhrase(t *testing.T) {
	for text, want := range map[string]string{
		"ApiKey":                               "api key",
		"JWTToken":                             "jwt",
		"AWSSignatureHeader":                   "signature header",
		"The response is an access token":      "access token",
		"Google Cloud instance identity token": "identity token",
		"client_secret":                        "client secret",
		"new password":                         "password",
		// Not credentials: a cursor, a sort key, a count, a letter's signature.
		"nextPageToken":  "",
		"sort_key":       "",
		"max_tokens":     "",
		"EmailSignature": "",
		"tokenizer":      "",
		"":               "",
	} {
		if got := CredentialPhrase(text); got != want {
			t.Errorf("CredentialPhrase(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestCredentialProse(t *testing.T) {
	for text, want := range map[string]string{
		"API Key": "api key",
		"The response is an access token for the account": "access token",
		"AWS Signature Version 4 header":                  "aws signature",
		// About something else, mentioning a token on its way.
		"WebRTC SDP offer. Use this variant when you have created an ephemeral session token.":                       "",
		"The offer the browser made, sent when the request is authenticated with an ephemeral session token instead": "",
	} {
		if got := CredentialProse(text); got != want {
			t.Errorf("CredentialProse(%q) = %q, want %q", text, got, want)
		}
	}
}
