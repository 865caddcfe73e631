package openapi

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// privilegedSegments are path segments that mark an operation as meant for
// operators rather than ordinary clients. "root" and "system" are left out:
// /folders/root and /system/status are ordinary resources in many APIs.
var privilegedSegments = map[string]bool{
	"admin": true, "admins": true, "administration": true, "administrator": true,
	"backoffice": true, "debug": true, "internal": true, "manage": true,
	"management": true, "ops": true, "sudo": true, "superuser": true,
}

// PrivilegedSegment returns the first segment of an operation's path that
// marks it as administrative or internal, such as "admin" in
// /v1/admin/users or "_debug" in /_debug/vars, or "" when there is none. A
// segment must be the word itself: /internal-transfers and /managed-keys are
// ordinary resources.
func PrivilegedSegment(path string) string {
	for seg := range strings.SplitSeq(path, "/") {
		if privilegedSegments[strings.ToLower(strings.TrimLeft(seg, "_.-~"))] {
			return seg
		}
	}
	return ""
}

// Internal reports whether an operation is marked `x-internal: true`, the
// extension Redocly and Stoplight read to leave an operation out of what
// they publish: on the operation, on its path item, or on a tag the
// operation carries whose entry in the document's tags list is marked.
func Internal(t *openapi3.T, op Operation) bool {
	if op.Op != nil && marked(op.Op.Extensions) || op.Item != nil && marked(op.Item.Extensions) {
		return true
	}
	if t == nil || op.Op == nil {
		return false
	}
	for _, tag := range t.Tags {
		if tag != nil && marked(tag.Extensions) && slices.Contains(op.Op.Tags, tag.Name) {
			return true
		}
	}
	return false
}

// marked reports whether extensions hold x-internal set to true (the
// boolean, or the string a hand-written document sometimes has).
func marked(ext map[string]any) bool {
	switch v := ext["x-internal"].(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}

// credentialWords are words that name a credential on their own.
var credentialWords = map[string]bool{
	"jwt": true, "apikey": true, "password": true, "passwd": true, "passphrase": true,
}

// credentialOwners are the words that make the next word a credential:
// access token, identity token, api key, client secret.
var credentialOwners = map[string]map[string]bool{
	"token": {
		"access": true, "auth": true, "authentication": true, "id": true, "identity": true, "session": true,
		"bearer": true, "refresh": true, "api": true, "jwt": true, "oauth": true, "oidc": true,
	},
	"key":    {"api": true, "access": true, "secret": true, "auth": true, "client": true, "app": true, "application": true, "subscription": true, "developer": true},
	"secret": {"client": true, "api": true, "shared": true, "app": true, "application": true},
}

// signers are the words beside which "signature" is a signed request (an
// AWS Signature Version 4 header, an HMAC request signature) rather than a
// person's signature in a letter.
var signers = map[string]bool{"header": true, "aws": true, "hmac": true, "request": true, "sigv4": true}

// CredentialPhrase returns the credential that a name or a sentence names,
// as lowercase words ("api key", "access token", "jwt", "password",
// "signature header"), or "": ApiKey, JWTToken, AWSSignatureHeader, "The
// response is an access token", "Google Cloud instance identity token".
// A token or key needs a word that says whose (access, identity, api,
// client): a page token, a sort key and a token count are none.
func CredentialPhrase(text string) string {
	w := Words(text)
	for i, x := range w {
		if credentialWords[x] {
			return x
		}
		if i > 0 && credentialOwners[x][w[i-1]] {
			return w[i-1] + " " + x
		}
		if x == "signature" {
			if i+1 < len(w) && signers[w[i+1]] {
				return x + " " + w[i+1]
			}
			if i > 0 && signers[w[i-1]] {
				return w[i-1] + " " + x
			}
		}
	}
	return ""
}

// CredentialProse is CredentialPhrase for a description, which counts only
// when it is about the credential: a short first sentence ("API key", "The
// response is an access token", "AWS Signature Version 4 header"). A longer
// text that mentions a token on its way ("WebRTC SDP offer. Use this
// variant when you have created an ephemeral session token") describes
// something else.
func CredentialProse(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, "\n\n"); i >= 0 {
		text = text[:i]
	}
	if len(strings.Fields(text)) > 12 {
		return ""
	}
	return CredentialPhrase(text)
}
