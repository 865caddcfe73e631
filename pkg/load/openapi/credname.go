package openapi

import (
	"slices"
	"strings"
)

// Credential names, as OAS104 judges a parameter in a URL and OAS101 and
// the bounds rules judge a path that carries one: the words of a name
// decide whether it holds a credential, an identifier or a link's token.

// notCredential qualifies "token" when it names a cursor, a counter or a
// value that grants no access: page_token, max_tokens, csrf_token, and AWS's
// ClientToken, which is an idempotency key.
var notCredential = map[string]bool{
	"page": true, "next": true, "prev": true, "previous": true, "continuation": true, "cursor": true,
	"pagination": true, "sync": true, "resume": true, "start": true, "skip": true, "delta": true,
	"change": true, "changes": true, "max": true, "min": true, "csrf": true, "xsrf": true,
	"idempotency": true, "client": true,
}

// flagWords start names of switches, not values: rotateWorkerToken,
// AllowUsersToChangePassword, include_secret.
var flagWords = map[string]bool{
	"allow": true, "enable": true, "disable": true, "require": true, "include": true, "exclude": true,
	"rotate": true, "use": true, "show": true, "hide": true, "is": true, "has": true, "with": true,
}

// keyOwners are the words that make "key" a credential: api_key, secret_key;
// not sort_key, idempotency_key or partition_key.
var keyOwners = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true, "auth": true, "client": true,
	"app": true, "application": true, "subscription": true, "developer": true, "master": true, "session": true,
}

// exact are whole names that are credentials (words joined, "x-" dropped).
var exact = map[string]bool{
	"key": true, "apikey": true, "auth": true, "authorization": true, "bearer": true,
	"session": true, "sessionid": true, "jsessionid": true, "phpsessid": true,
}

// pathNames are credential names that, in a path, far more often identify a
// resource: /kv/{key}, /chats/{session}.
var pathNames = map[string]bool{"key": true, "session": true, "sessionid": true}

// credential reports whether a parameter name looks like it carries a
// credential.
func credential(name string) bool {
	w := Words(name)
	if len(w) > 1 && w[0] == "x" {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	if exact[strings.Join(w, "")] {
		return true
	}
	if flagWords[w[0]] {
		return false
	}
	last, rest := w[len(w)-1], w[:len(w)-1]
	switch last {
	case "password", "passwd", "passphrase", "secret", "jwt", "apikey":
		return true
	case "token":
		return !slices.ContainsFunc(rest, func(s string) bool { return notCredential[s] })
	case "key":
		return len(rest) > 0 && keyOwners[rest[len(rest)-1]]
	}
	return false
}

// accessWords mark a token or key that grants access: access_token,
// auth_token, api_key, bearer, secret. A path token without one of them is
// graded as a one-time link (oneTimeLink).
var accessWords = map[string]bool{
	"access": true, "auth": true, "authorization": true, "api": true, "apikey": true, "bearer": true,
	"secret": true, "password": true, "passwd": true, "passphrase": true, "private": true,
	"refresh": true, "id": true, "oauth": true, "jwt": true, "session": true,
}

// oneTimeLink reports whether a credential-named path parameter is a token
// with no word of access: activation_token, confirmationToken, file_token.
func oneTimeLink(name string) bool {
	w := Words(name)
	return len(w) > 1 && w[len(w)-1] == "token" && !slices.ContainsFunc(w, func(s string) bool { return accessWords[s] })
}

// identifiesResource reports whether a path parameter names the resource
// whose collection precedes it in every path that uses it, as token in
// /tokens/{token} (a card token's id) or api_Key in /apikeys/{api_Key}: an
// identifier, not a credential.
func identifiesResource(name string, ops []Operation) bool {
	w := Words(name)
	if len(w) == 0 || len(ops) == 0 {
		return false
	}
	param := []string{w[0], strings.Join(w, "")}
	for _, op := range ops {
		segs := strings.Split(op.Path, "/")
		i := slices.Index(segs, "{"+name+"}")
		if i < 1 {
			return false
		}
		prev := Words(segs[i-1])
		if len(prev) == 0 {
			return false
		}
		coll := []string{prev[len(prev)-1], strings.Join(prev, "")}
		if !slices.ContainsFunc(coll, func(c string) bool {
			return slices.Contains(param, c) || slices.Contains(param, strings.TrimSuffix(c, "s"))
		}) {
			return false
		}
	}
	return true
}

// pathToken is the first path parameter of op that carries a credential,
// a link's token too when links is set.
func pathToken(op Operation, links bool) string {
	for _, seg := range strings.Split(op.Path, "/") {
		for rest := seg; ; {
			i := strings.Index(rest, "{")
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], "}")
			if j < 0 {
				break
			}
			name := rest[i+1 : i+j]
			rest = rest[i+j+1:]
			if !credential(name) || pathNames[strings.Join(Words(name), "")] || !links && oneTimeLink(name) ||
				identifiesResource(name, []Operation{op}) {
				continue
			}
			return name
		}
	}
	return ""
}

// CredentialName reports whether a parameter or field of this name looks
// like it carries a credential (a token, a password, a key).
func CredentialName(name string) bool { return credential(name) }

// OneTimeLink reports whether a credential-named path parameter is the
// token of a link with no word of access (activation_token).
func OneTimeLink(name string) bool { return oneTimeLink(name) }

// IdentifiesResource reports whether path parameter name identifies the
// resource of the collection before it in every path of ops.
func IdentifiesResource(name string, ops []Operation) bool { return identifiesResource(name, ops) }

// AccessWord reports whether a word of a name grants access (access, api,
// bearer, secret…).
func AccessWord(w string) bool { return accessWords[w] }

// NotCredentialWord reports whether a word before "token" makes it a
// cursor, a counter or another value that grants no access.
func NotCredentialWord(w string) bool { return notCredential[w] }

// PathName reports whether a credential name, words joined, more often
// identifies a resource in a path (/kv/{key}).
func PathName(joined string) bool { return pathNames[joined] }

// PathCredential returns the first variable of op's path template that
// carries a credential as OAS104 judges a path parameter (apiKey in
// /{apiKey}/tokens, not key in /kv/{key}, token in /tokens/{token} or a
// one-time activation_token), or "". OpenAPI has no security scheme that
// sends a credential in the path, so a document whose key is a path
// segment cannot declare it as a requirement: the operation authenticates
// in its path.
func PathCredential(op Operation) string { return pathToken(op, false) }

// PathLinkToken is the name of a path parameter of op that is a token of
// a link rather than an access credential ({webhook_token},
// {invite_token}, {interaction_token}), or "" if none. The URL is then
// what the caller presents: whoever holds it may call.
func PathLinkToken(op Operation) string {
	if name := pathToken(op, true); name != "" && oneTimeLink(name) {
		return name
	}
	return ""
}
