package oas101

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// signIn says how a POST is a sign-in that exchanges a credential for a
// token, or returns "". Such an operation authenticates the caller with
// what its own request carries (an API key or a password in the body, a
// cloud identity token, a signed request, a JWT) and answers with the
// token the rest of the API takes, so it cannot require that token. It is
// recognised by what it does, not by a vendor's names:
//   - its request carries a credential (a credential-named field, a header
//     parameter, or a whole body that its schema's name or a description
//     calls an API key, an identity token, a signature header) and its
//     success answer is a token or key (a credential-named field, or a
//     response or schema that its name or description calls one);
//   - or its last fixed path segment is the verb authenticate
//     (.../{login}/authenticate) and either half of the exchange is there,
//     or it answers 401 to a bad credential.
//
// An operation that takes a password and answers with the user it
// created, or that creates an API key from a name, exchanges nothing; a
// data operation under /authenticators/{id}, or a segment that only
// mentions the word (authenticate-settings), is no sign-in.
func signIn(op openapi.Operation) string {
	if op.Method != "post" || op.Op == nil {
		return ""
	}
	in, out := carriedCredential(op), issuedToken(op)
	if in != "" && out != "" && openapi.CredentialPhrase(in) != openapi.CredentialPhrase(out) {
		// An API key in and an API key out is a stored setting echoed
		// back, not a sign-in: a sign-in trades one credential for
		// another.
		return fmt.Sprintf("a sign-in that exchanges the %s its request carries for the %s it answers with", in, out)
	}
	if !authenticatePath(op.Path) {
		return ""
	}
	switch {
	case in != "":
		return fmt.Sprintf("a sign-in (.../authenticate) that checks the %s its request carries", in)
	case out != "":
		return fmt.Sprintf("a sign-in (.../authenticate) that answers with the %s", out)
	case op.Op.Responses != nil && op.Op.Responses.Value("401") != nil:
		return "a sign-in (.../authenticate) that answers 401 to a bad credential"
	}
	return ""
}

// authenticatePath reports whether the last fixed segment of a path is the
// verb authenticate itself: /authn/{account}/{login}/authenticate, not
// /authenticators/{id} or /settings/authenticate-options.
func authenticatePath(path string) bool {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if strings.HasPrefix(segs[i], "{") {
			continue
		}
		w := openapi.Words(segs[i])
		return len(w) == 1 && w[0] == "authenticate"
	}
	return false
}

// carriedCredential names the credential an operation's request carries,
// or returns "": a credential header parameter, a credential-named field
// of the body, or a whole body whose schema's name or whose description
// names one (an "API key" text/plain body, an AWSSignatureHeader).
func carriedCredential(op openapi.Operation) string {
	if h := ownCredential(op); h != "" {
		return fmt.Sprintf("%s header", h)
	}
	if op.Op.RequestBody == nil || op.Op.RequestBody.Value == nil {
		return ""
	}
	fields, _ := requestFields(op.Op)
	for _, f := range slices.Sorted(maps.Keys(fields)) {
		if credentialName(f) {
			return fmt.Sprintf("%s field", f)
		}
	}
	body := op.Op.RequestBody.Value
	if p := openapi.CredentialPhrase(refName(op.Op.RequestBody.Ref)); p != "" {
		return p
	}
	if p := openapi.CredentialProse(body.Description); p != "" {
		return p
	}
	return contentCredential(body.Content, false)
}

// issuedToken names the token or key an operation's success answer holds,
// or returns "".
func issuedToken(op openapi.Operation) string {
	if op.Op.Responses == nil {
		return ""
	}
	m := op.Op.Responses.Map()
	for _, code := range slices.Sorted(maps.Keys(m)) {
		r := m[code]
		if !strings.HasPrefix(code, "2") || r == nil || r.Value == nil {
			continue
		}
		if p := openapi.CredentialPhrase(refName(r.Ref)); issued(p) {
			return p
		}
		if r.Value.Description != nil {
			if p := openapi.CredentialProse(*r.Value.Description); issued(p) {
				return p
			}
		}
		if p := contentCredential(r.Value.Content, true); issued(p) {
			return p
		}
	}
	return ""
}

// contentCredential names the credential that a body's schemas name: by
// their $ref or their description, or, with fields, by a top-level
// property (access_token, api_key).
func contentCredential(content openapi3.Content, fields bool) string {
	for _, mt := range slices.Sorted(maps.Keys(content)) {
		media := content[mt]
		if media == nil || media.Schema == nil {
			continue
		}
		if p := openapi.CredentialPhrase(refName(media.Schema.Ref)); p != "" {
			return p
		}
		s := media.Schema.Value
		if s == nil {
			continue
		}
		if p := openapi.CredentialProse(s.Description); p != "" {
			return p
		}
		if !fields {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if credentialName(name) {
				return fmt.Sprintf("%s field", name)
			}
		}
	}
	return ""
}

// issued reports whether a credential an answer names is one a sign-in
// issues (a token, a key, a secret), not a password, which an answer names
// only to say that it changed.
func issued(phrase string) bool {
	w := strings.Fields(phrase)
	return len(w) > 0 && w[len(w)-1] != "password" && w[len(w)-1] != "passwd" && w[len(w)-1] != "passphrase"
}

// credentialName reports whether a field's name carries a credential, as
// OAS104 judges names (token, api_key, password, not page_token), or ends
// with one (identity_token, jwt; not apiKeyConfigured). A session id is left
// out: as a field it names a chat or agent session far more often than a
// login.
func credentialName(name string) bool {
	w := openapi.Words(name)
	if len(w) == 0 || w[len(w)-1] == "session" || strings.Join(w, "") == "sessionid" {
		return false
	}
	if openapi.CredentialName(name) {
		return true
	}
	p := strings.Fields(openapi.CredentialPhrase(name))
	return len(p) > 0 && p[len(p)-1] == w[len(w)-1]
}

// refName is the last element of a $ref: AccessToken in
// "auth.yml#/components/responses/AccessToken".
func refName(ref string) string {
	if ref == "" {
		return ""
	}
	return ref[strings.LastIndex(ref, "/")+1:]
}

// preAuthStep says which step before authentication an operation is,
// recognised by its shape: a step of the token lifecycle, or a sign-in
// that exchanges a credential for a token; "" when it is neither.
func preAuthStep(op openapi.Operation) string {
	if s := tokenStep(op); s != "" {
		return s
	}
	return signIn(op)
}
