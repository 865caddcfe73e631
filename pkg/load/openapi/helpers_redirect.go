package openapi

import (
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// BrowserRedirect says why an operation is a browser navigation rather than
// an API call, or returns "": a GET that answers with a redirect (301, 302,
// 303, 307, 308 or 3XX; 304 is a cache answer) and with no body a program
// would read beside it (a 2xx without content, or with an HTML page only),
// or that says so in its summary or description ("redirects the user",
// "should be a redirection") and answers with no such body either. A
// browser follows such a URL (an OAuth authorize URL, a logout link, an
// invitation link), and a navigation can carry values only in its URL: a
// token there cannot go in a header.
func BrowserRedirect(op Operation) string {
	if op.Method != "get" || op.Op == nil || op.Op.Responses == nil {
		return ""
	}
	redirects := false
	for code, r := range op.Op.Responses.Map() {
		switch {
		case code == "304":
		case strings.HasPrefix(code, "3"):
			redirects = true
		case strings.HasPrefix(code, "2"):
			if r != nil && r.Value != nil && !pageOnly(r.Value.Content) {
				return ""
			}
		}
	}
	if redirects {
		return "its responses are redirects"
	}
	if documentedRedirect(op.Op.Summary) || documentedRedirect(op.Op.Description) {
		return "its description says it redirects the browser"
	}
	return ""
}

// pageOnly reports whether a response's content is empty or an HTML page,
// which a browser shows and a program does not read.
func pageOnly(c openapi3.Content) bool {
	for mt := range c {
		if !strings.HasPrefix(strings.ToLower(mt), "text/html") {
			return false
		}
	}
	return true
}

// redirectProse finds "redirect" and its forms; a match followed by uri or
// url names a parameter (the redirect URI), not what the operation does.
var redirectProse = regexp.MustCompile(`(?i)\bredirect(?:s|ed|ing|ion)?\b(\s+(?:uri|url)s?\b)?`)

func documentedRedirect(text string) bool {
	for _, m := range redirectProse.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 {
			return true
		}
	}
	return false
}

// AuthorizationRequest reports whether an operation is an OAuth 2.0
// authorization endpoint (RFC 6749 section 4.1.1, OpenID Connect's
// authentication request): a GET that takes response_type, and client_id
// or redirect_uri, in its query. A browser carries its parameters to the
// sign-in, and the protocol defines what they mean (max_age, prompt,
// login_hint).
func AuthorizationRequest(op Operation) bool {
	if op.Method != "get" || op.Op == nil {
		return false
	}
	has := map[string]bool{}
	for _, list := range []openapi3.Parameters{op.Item.Parameters, op.Op.Parameters} {
		for _, p := range list {
			if p != nil && p.Value != nil && p.Value.In == "query" {
				has[SnakeName(p.Value.Name)] = true
			}
		}
	}
	return has["response_type"] && (has["client_id"] || has["redirect_uri"])
}

// OAuthRequestBody reports whether a request schema is the parameters of
// an OAuth 2.0 protocol request sent in a body: a token request
// (grant_type), an authorization request posted as a form (response_type
// with client_id or redirect_uri), or a token introspection or revocation
// (token with token_type_hint, RFC 7662 and RFC 7009). The protocol tells
// the server to ignore parameters it does not recognise (RFC 6749 section
// 3.1), so such a schema is open by design.
func OAuthRequestBody(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	has := func(name string) bool {
		for k := range s.Properties {
			if SnakeName(k) == name {
				return true
			}
		}
		return false
	}
	return has("grant_type") || has("response_type") && (has("client_id") || has("redirect_uri")) ||
		has("token") && has("token_type_hint")
}
