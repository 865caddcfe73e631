package oas101

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// tokenStep names the step of the OAuth and token lifecycle a POST is, or
// returns "": device authorization (RFC 8628), the token endpoint, token
// refresh, validation and introspection (RFC 7662), and revocation (RFC
// 7009). Such a step authenticates with what its request carries (the
// grant, the refresh token, the token to check, the client id) rather than
// with a token the caller would have to hold first, so it cannot require
// one. It is recognised by the operation's shape, not by a vendor's names:
//   - a request field only OAuth's token requests carry (grant_type,
//     device_code, token_type_hint, code_verifier, subject_token,
//     client_assertion);
//   - a lifecycle verb (refresh, validate, verify, check, introspect,
//     revoke, device) as the last fixed segment of the path, where the path
//     names authentication or tokens (/auth/refresh, /oauth2/introspect,
//     /authorize/device, /tokens/validate), or an operationId that puts the
//     verb next to a token (refreshToken, validateAccessToken,
//     tokenIntrospection, deviceAuthorization, deviceCode);
//   - refresh, introspect, revoke or device beside a request field that
//     carries the token or the client (refresh_token, token, client_id in a
//     form body), which needs no other context.
//
// A revocation that names what it revokes in the path (/tokens/{id}/revoke)
// manages a stored credential, which its owner must be signed in to do,
// and is not a step of the flow.
func tokenStep(op openapi.Operation) string {
	if op.Method != "post" || op.Op == nil {
		return ""
	}
	fields, form := requestFields(op.Op)
	switch {
	case fields["token_type_hint"]:
		return hinted
	case fields["grant_type"] || fields["device_code"] || fields["code_verifier"] || fields["subject_token"] || fields["client_assertion"]:
		return tokenRequest
	}
	var fixed [][]string
	params := false
	for _, seg := range strings.Split(strings.Trim(op.Path, "/"), "/") {
		if strings.HasPrefix(seg, "{") {
			params = true
			continue
		}
		if w := openapi.Words(seg); len(w) > 0 {
			fixed = append(fixed, w)
		}
	}
	if len(fixed) == 0 {
		return ""
	}
	last := fixed[len(fixed)-1]
	opWords := openapi.Words(op.Op.OperationID)
	// The context is a segment before the verb (/auth/refresh), or a token
	// the last segment names beside it (/refresh-token): refresh-oauth,
	// where the verb acts on a stored OAuth connection, is no step.
	context := slices.ContainsFunc(fixed[:len(fixed)-1], authSegment) || slices.ContainsFunc(last, func(w string) bool { return tokenWords[w] })
	for _, step := range lifecycleSteps {
		inPath := slices.ContainsFunc(last, step.is)
		inID := step.named(opWords)
		if !inPath && !inID {
			continue
		}
		if step.kind == revocation && params {
			return ""
		}
		if inPath && context || inID || step.carried(fields, form) {
			return step.kind
		}
	}
	return ""
}

// The kinds of lifecycle step, as the message names them.
const (
	device       = "a device authorization request (RFC 8628), which identifies the client by the client id in its request"
	refresh      = "a token refresh, which takes the refresh token in its request"
	validation   = "a token validation or introspection, which takes the token to check in its request"
	revocation   = "a token revocation, which takes the token to revoke in its request"
	tokenRequest = "an OAuth token request, whose grant is in its body"
	hinted       = "a token revocation or introspection (RFC 7009, RFC 7662), which takes the token in its body"
)

// lifecycleStep is a verb of the token lifecycle, with the request fields
// that carry what the step needs.
type lifecycleStep struct {
	kind  string
	words []string
	needs []string // request fields that carry what the step needs, without other context
}

func (s lifecycleStep) is(w string) bool { return slices.Contains(s.words, w) }

// named reports whether an operationId's words put the step's verb next to
// what it acts on: a token (refreshToken, validateAccessToken,
// tokenIntrospection; access, refresh, id or auth may stand between), or
// for a device authorization the authorization or code it asks for
// (deviceAuthorization, getDeviceCode). A verb elsewhere in the name says
// nothing (Graph's deviceAppManagement.CreateVppTokens).
func (s lifecycleStep) named(words []string) bool {
	objects := map[string]bool{"token": true, "tokens": true}
	if s.kind == device {
		objects = map[string]bool{"authorization": true, "authorize": true, "code": true}
	}
	for i, w := range words {
		if !s.is(w) {
			continue
		}
		for _, dir := range []int{1, -1} {
			for j := i + dir; j >= 0 && j < len(words); j += dir {
				if objects[words[j]] {
					return true
				}
				if s.kind == device || !qualifiers[words[j]] {
					break
				}
			}
		}
	}
	return false
}

// qualifiers may stand between a verb and the token it acts on in an
// operationId: validateAccessToken, revokeRefreshToken.
var qualifiers = map[string]bool{"access": true, "refresh": true, "id": true, "auth": true, "oauth": true, "bearer": true}

// carried reports whether the request carries what the step needs: the
// refresh token of a refresh, the token an introspection or revocation
// acts on, the client id of a device authorization in a form body, as
// OAuth's endpoints take it.
func (s lifecycleStep) carried(fields map[string]bool, form bool) bool {
	return slices.ContainsFunc(s.needs, func(f string) bool { return fields[f] && (f != "client_id" || form) })
}

// lifecycleSteps are the verbs of the token lifecycle, in the order they are
// tried.
var lifecycleSteps = []lifecycleStep{
	{kind: device, words: []string{"device", "devicecode"}, needs: []string{"client_id"}},
	{kind: refresh, words: []string{"refresh"}, needs: []string{"refresh_token"}},
	{kind: validation, words: []string{"introspect", "introspection"}, needs: []string{"token", "access_token", "id_token"}},
	// validate and verify say nothing of tokens alone (/payments/verify):
	// they need the path or the operationId to name authentication.
	{kind: validation, words: []string{"validate", "validation", "verify", "check"}},
	{kind: revocation, words: []string{"revoke", "revocation"}, needs: []string{"token", "access_token", "refresh_token"}},
}

// authWords name authentication or its tokens as a path segment: /auth,
// /oauth2, /oidc, /sso, /token, /tokens, /jwt, /authorize. Not
// authorization, which is as often the API's permissions
// (/authorization/memberships/{id}/check asks whether one is granted).
var authWords = map[string]bool{
	"auth": true, "oauth": true, "oauth2": true, "oidc": true, "openid": true, "sso": true,
	"token": true, "tokens": true, "jwt": true, "authorize": true, "authentication": true, "authn": true,
}

// tokenWords, in the last segment itself, name the token a step acts on:
// /refresh-token, /validate_token.
var tokenWords = map[string]bool{"token": true, "tokens": true, "jwt": true}

// authSegment reports whether a path segment's words name authentication or
// its tokens and nothing else (/auth, /oauth2, /access-token), so that
// /payment_tokens, a resource of the API, is not one.
func authSegment(words []string) bool {
	core := false
	for _, w := range words {
		switch {
		case authWords[w]:
			core = true
		case w == "access" || w == "refresh" || w == "id" || w == "bearer" || w == "api":
		default:
			return false
		}
	}
	return core
}

// requestFields returns the top-level property names (snake_case) of an
// operation's request bodies, through $ref and allOf, and whether a body is
// a form (application/x-www-form-urlencoded), as OAuth's endpoints take.
func requestFields(op *openapi3.Operation) (map[string]bool, bool) {
	fields, form := map[string]bool{}, false
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return fields, false
	}
	var add func(s *openapi3.SchemaRef, depth int)
	add = func(s *openapi3.SchemaRef, depth int) {
		if s == nil || s.Value == nil || depth > 4 {
			return
		}
		for name := range s.Value.Properties {
			fields[openapi.SnakeName(name)] = true
		}
		for _, sub := range s.Value.AllOf {
			add(sub, depth+1)
		}
	}
	for mt, media := range op.RequestBody.Value.Content {
		if strings.HasPrefix(strings.ToLower(mt), "application/x-www-form-urlencoded") {
			form = true
		}
		if media != nil {
			add(media.Schema, 0)
		}
	}
	return fields, form
}
