// Package oas104 defines rule OAS104: credentials sent in the URL.
package oas104

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS104",
	Name: "credentials-in-url",
	Doc: lint.Doc{
		Title: "Credentials are sent in the URL",
		Summary: "An apiKey security scheme is sent in the query string (or path), or a query or path " +
			"parameter is named like a credential: token, access_token, api_key, secret, password, " +
			"session id and the like.",
		Why: `URLs are not secret. They are written to web server and proxy access logs,
kept in browser history, sent to other sites in the Referer header, cached by
CDNs and pasted into tickets and chat. A key or token in the query string
ends up in all of those places, long after the request, and whoever reads
them can call the API as its owner.

For AI agents the URL is also part of the transcript: tool calls and their
arguments are logged, shown to users and fed back into the model's context,
where a prompt injection can ask for them. A credential in a header stays
out of that trail. Schemes are reported as errors. Parameter names are a
heuristic and are reported as warnings; pagination cursors (page_token,
next_token, continuation_token, sync_token), token counts (max_tokens),
tokenizer names, signatures of signed URLs (signature, sig), idempotency and
sort keys, and path parameters that identify a resource
(/sessions/{session_id}) are not reported.`,
		Fix: "send the credential in a header (Authorization, or an apiKey scheme with in: header) and remove it from the URL",
		Bad: `components:
  securitySchemes:
    apiKey:
      type: apiKey
      in: query
      name: api_key
paths:
  /v1/models:
    get:
      parameters:
        - name: access_token
          in: query
          schema: {type: string}`,
		Good: `components:
  securitySchemes:
    apiKey:
      type: apiKey
      in: header
      name: X-Api-Key
paths:
  /v1/models:
    get:
      parameters:
        - name: page_token
          in: query
          schema: {type: string}`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "high",
		Grades: `- **error**: an api key scheme sent in the query string or the path, where some requirement accepts it alone.
- **warning**: query or path parameters whose names look like credentials, when required, or taken by an operation that needs no credential or takes one in the url.
- **note**: a token whose name has no word of access and whose description says it is short-lived (ephemeral, one-time, single-use, expiring after a stated time: DeepL's WebSocket reconnection token, judged noise at warning, 0 of 2); a token with no word of access that every operation taking it takes beside an expiry (exp, expires, expires_at) on a GET that serves a file (its path names a file or a download, or it answers with bytes): a pre-signed link meant to be handed out (AIgateway's /v1/files/jobs/{jobId}/{filename}/public?token=…&exp=…, judged noise at warning, 0 of 1); a publishable key: an api key scheme or a key parameter whose description calls it public or publishable, or for the browser, the client side or the front end, or says the Referer or the allowed domains restrict it, and says nothing of a secret, a private key or the server side, or a scheme that every requirement using it pairs with a header scheme sending the Referer or the Origin (Woosmap's browser-side key beside RefererHeader, judged noise at error, 0 of 2; its server-side private_key stays an error); an api key scheme in the url where every requirement that accepts it also offers one that keeps the key out of the url (a header or cookie key, http, OAuth 2): the url is a fallback; an api key scheme in the url whose description says it serves development or test instances only ("Used to authenticate only dev instances": Clerk's ` + "`__dev_session`" + `, judged noise at error, 0 of 6); a path token with no word of access (activation_token, confirmationToken, file_token: a one-time link or an opaque handle); and an optional credential-named parameter of operations that all require a credential with an alternative that keeps it out of the url (Google's key and oauth_token on every API, a session id used as a filter; operations that write no requirement at all are OAS101's omissions and do not count; one whose description calls its value a private or secret key, a client secret, a password or a passphrase stays a warning: Netlify's PEM private key in ` + "`key`" + ` is data the call carries, not an alternative credential); a bare key whose description gives it to something that is no account ("The key of the file") or that every operation taking it takes beside a store, bucket, container or file (casibase's /add-file?store=…&key=…: the file's path in the store); and a token or key whose name has no word of access when its description calls it a cursor, a continuation or an identifier and says nothing of access (a log continuation token, a cache or lock key), or says it filters a listing, is the key of a setting or a record, or is the id of an instance ("used to filter configurations", "a configuration key", a session id described as a "meeting instance ID") and says nothing of access, when every operation that takes a bare token also takes a page size (Kinto's ` + "`_token`" + ` beside ` + "`_limit`" + `), or when the path segment around it names a cursor (Graph's ` + "`delta(token='{token}')`" + `); and a session id (session, session_id, sessionId) in a document that serves sessions as a resource (a sessions collection followed by a parameter, /agent/sessions/{sid}): it names a chat or agent session the caller keeps, not the caller's login, which JSESSIONID and PHPSESSID stay; a session id whose description calls it an identifier and says nothing of access (an upload session), or calls it the ID of a session and says nothing of a secret or a sign-in ("The ID of the session", read from the access token's ` + "`sid`" + ` claim: every session id judged in a query named a session, 4 of 4 false at warning); a token with no word of access (` + "`token`" + `, ` + "`invitation_token`" + `: not an access or refresh token, a key or a password) when every operation that takes it is a browser redirect, a GET that answers with redirects and no body a program reads, or says it redirects (a logout link, an invitation on an OAuth authorize URL), which can carry a value only in its url; parameters of operations that all have a # in their path, as apis.guru renders AWS query-protocol actions (/#Action=ChangePassword), whose SDKs send them in a signed body; and optional key, access_token or oauth_token parameters offered side by side in a document that describes no authentication (Google's standard parameters on every API of a fragment without its OAuth scheme).`,
		CWE:   []int{598, 522},
		OWASP: []string{"API2:2023", "LLM02:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	schemes := openapi.Schemes(pass.Doc)
	inURL := map[string]bool{} // "in name" of apiKey schemes sent in the URL
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Type != "apiKey" {
			continue
		}
		s := ref.Value
		if s.In != "query" && s.In != "path" {
			continue
		}
		inURL[s.In+" "+strings.ToLower(s.Name)] = true
		where := "query string"
		if s.In == "path" {
			where = "path"
		}
		if alt := headerAlternative(pass.Doc, schemes, name); alt != "" {
			// Every requirement that accepts the key in the URL offers a
			// header or cookie way too: the URL is a fallback (browser
			// event streams, quick tries), not the only way in.
			pass.ReportSeverityf(lint.SeverityNote, openapi.Pointer("components", "securitySchemes", name), s.Origin, "in",
				"security scheme %q sends the api key %q in the %s (a note: every requirement that accepts it offers security scheme %q as an alternative, which keeps the key out of the url; the url is a fallback)", name, s.Name, where, alt)
			continue
		}
		if why := publishable(pass.Doc, schemes, name, s); why != "" {
			// Woosmap's browser-side key: issued to be embedded in web
			// pages, where anyone can read it, and checked against the
			// Referer; the url hides nothing a page does not show.
			pass.ReportSeverityf(lint.SeverityNote, openapi.Pointer("components", "securitySchemes", name), s.Origin, "in",
				"security scheme %q sends the api key %q in the %s (a note: %s; such a key is meant to be seen, so the url leaks nothing a web page does not show; check that the server restricts it to the allowed domains and to read-only calls)", name, s.Name, where, why)
			continue
		}
		if devOnly(s.Description) {
			// "Used to authenticate only dev instances": a key of a
			// development setup, never of the production service.
			pass.ReportSeverityf(lint.SeverityNote, openapi.Pointer("components", "securitySchemes", name), s.Origin, "in",
				"security scheme %q sends the api key %q in the %s (a note: its description says it serves development or test instances only)", name, s.Name, where)
			continue
		}
		pass.Reportf(openapi.Pointer("components", "securitySchemes", name), s.Origin, "in",
			"security scheme %q sends the api key %q in the %s", name, s.Name, where)
	}
	// sessions is the path that serves sessions as a resource, when name
	// is a session id; the paths are read once, on the first session id.
	var sessionsAt *string
	sessions := func(name string) string {
		if !sessionName(name) {
			return ""
		}
		if sessionsAt == nil {
			at := sessionResource(pass.Doc)
			sessionsAt = &at
		}
		return *sessionsAt
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		in, name := p.P.In, p.P.Name
		if in != "query" && in != "path" || !openapi.CredentialName(name) {
			continue
		}
		if inURL[in+" "+strings.ToLower(name)] {
			continue // the parameter restates a scheme reported above
		}
		if in == "path" && (openapi.PathName(strings.Join(openapi.Words(name), "")) || openapi.IdentifiesResource(name, p.Users)) {
			continue
		}
		sev, grade := lint.SeverityWarning, ""
		if in == "path" && openapi.OneTimeLink(name) {
			// activation_token, confirmationToken, file_token: the token
			// is the link a message carries (verify this address, confirm
			// this destination) or an opaque handle, and the path is
			// where such links put it; an access token or a password in a
			// path stays a warning.
			sev, grade = lint.SeverityNote, " (a note: a token in the path that names no access credential is most often a one-time link or an opaque handle)"
		} else if ok, omitted := credentialOutsideURL(pass.Doc, schemes, p.Users); !p.P.Required && ok && secretData(p) != "" && !awsAction(p.Users) {
			grade = " (a warning though it is optional and the call is authenticated otherwise: its description calls it a " + secretData(p) + ", a secret the url puts in logs and histories)"
		} else if !p.P.Required && ok {
			// Every operation that takes it requires a credential that a
			// scheme can send outside the url: the parameter is an
			// optional alternative (Google's key and oauth_token on every
			// API) or names something else (a session or shipping-rate id
			// used as a filter).
			which := "every operation that takes it"
			if omitted > 0 {
				which += fmt.Sprintf(" (but %d that write no requirement, which OAS101 reports)", omitted)
				if omitted == 1 {
					which = "every operation that takes it (but one that writes no requirement, which OAS101 reports)"
				}
			}
			sev, grade = lint.SeverityNote, " (a note: it is optional, and "+which+" requires a credential a security scheme sends outside the url)"
		} else if awsAction(p.Users) {
			// apis.guru renders each action of an AWS query-protocol
			// service as GET and POST /#Action=Name: the SDKs send the
			// parameters in a signed POST form body, never in the url.
			sev, grade = lint.SeverityNote, " (a note: every operation that takes it is an AWS action rendered with a # in its path (/#Action=…), whose SDKs send parameters in a signed request body, not in the url)"
		} else if at := sessions(name); at != "" {
			// A chat or agent session the API serves at /sessions/{id}:
			// the parameter names one of them (a filter, a target), and
			// the caller's credential travels elsewhere.
			sev, grade = lint.SeverityNote, " (a note: the document serves sessions as a resource, at "+at+", so it names one of them, not the caller's credential)"
		} else if why := notCredentialBy(p); why != "" {
			sev, grade = lint.SeverityNote, " (a note: "+why+")"
		} else if why := publishableProse(p.P.Name, p.P.Description); why != "" {
			sev, grade = lint.SeverityNote, " (a note: "+why+"; such a key is meant to be seen, so the url leaks nothing a web page does not show)"
		} else if at, exp := expiringLink(p); !accessName(name) && at != "" {
			// A pre-signed download link (/files/{name}?token=…&exp=…):
			// an authenticated call mints it to be handed to someone who
			// has no credential, and the url is the only place such a
			// link can carry its signature. An access token stays a
			// warning.
			sev, grade = lint.SeverityNote, " (a note: every operation that takes it serves a file ("+at+") and takes expiry "+strconv.Quote(exp)+" beside it, the shape of a signed link that expires and is meant to be handed out; check that the signature covers the file and the expiry)"
		} else if !accessName(name) && ephemeralProse.MatchString(p.P.Description) {
			// DeepL's reconnection ?token=: "the latest ephemeral token
			// obtained for the stream". A url that must carry a token (a
			// WebSocket's, which a browser opens without headers) is safe
			// when the token dies young; an access token stays a warning.
			sev, grade = lint.SeverityNote, " (a note: its description says it is short-lived (ephemeral, one-time or expiring), the way a url that must carry a token, such as a WebSocket's, keeps it safe; check that it expires and is single-use)"
		} else if at := navigation(p); at != "" && navigationValue(name) {
			// An OAuth authorize URL, a logout or invitation link: a
			// browser follows it, and a navigation can carry a value only
			// in its url. A one-time token there is how such links work;
			// an access token, a key or a password stays a warning.
			sev, grade = lint.SeverityNote, " (a note: every operation that takes it is a browser redirect ("+at+"), and a navigation can carry a value only in its url; keep it short-lived and single-use)"
		} else if alt := optionalAlternative(p); alt != "" && noAuthDescribed(pass.Doc) {
			// Google's key, access_token and oauth_token on every API of a
			// fragment that leaves its OAuth scheme out: optional ways to
			// send a credential the document does not describe.
			sev, grade = lint.SeverityNote, " (a note: it is optional, every operation that takes it offers optional "+strconv.Quote(alt)+" too, and the document describes no authentication, so these are alternative ways to send a credential the document leaves out, as Google's key and oauth_token on every API)"
		}
		pass.ReportSeverityf(sev, p.Pointer, p.Origin, "name",
			"%s parameter %q looks like a credential in the url (%s)%s", in, name, openapi.UsedBy(p.Users), grade)
	}
	return nil
}

// secretData returns what the description of p calls its value when that
// is a secret of its own (a private or secret key, a client secret, a
// password or passphrase) and nothing makes it something else
// (notCredentialBy): Netlify's ?key= "PEM-encoded private key" is data the
// call installs, not the caller's credential, so the credential the
// operation requires elsewhere does not make it an optional alternative.
func secretData(p *openapi.Param) string {
	m := secretProse.FindString(p.P.Description)
	if m == "" || notCredentialBy(p) != "" {
		return ""
	}
	return strings.ToLower(m)
}

// secretProse: see secretData.
var secretProse = regexp.MustCompile(`(?i)\b(?:private key|secret key|client secret|passphrase|password)\b`)

// ephemeralProse says a token dies young: ephemeral, short-lived, one-time,
// single-use, or expiring after a stated time.
var ephemeralProse = regexp.MustCompile(`(?i)\b(?:ephemeral|short[- ]lived|single[- ]use|one[- ]time|expires? (?:in|after) (?:\d+|a|one|five|ten|fifteen|thirty|sixty) )`)

// credentialOutsideURL reports whether every operation in ops requires a
// credential (no {} alternative) and offers at least one alternative that
// keeps it out of the url: a header or cookie key, http, OAuth 2, OpenID
// Connect, or a scheme the document names but does not define (OAS102
// reports it; mcpproxy-go's ApiKeyHeader). The operation's credential is
// then the scheme's, and an optional credential-named parameter is an
// alternative way to send it or names something else.
func credentialOutsideURL(doc *openapi3.T, schemes openapi3.SecuritySchemes, ops []openapi.Operation) (ok bool, omitted int) {
	// An operation that writes no requirement at all is an omission,
	// which OAS101 reports; the others say how the document authenticates.
	n := len(ops)
	ops = slices.DeleteFunc(slices.Clone(ops), func(op openapi.Operation) bool { return !openapi.EffectiveSecurity(doc, op).Set })
	omitted = n - len(ops)
	if len(ops) == 0 {
		return false, omitted
	}
	inURL := func(name string) bool {
		ref := schemes[name]
		return ref != nil && ref.Value != nil && ref.Value.Type == "apiKey" && (ref.Value.In == "query" || ref.Value.In == "path")
	}
	for _, op := range ops {
		sec := openapi.EffectiveSecurity(doc, op)
		if !sec.Set || sec.Anonymous() {
			return false, omitted
		}
		if !slices.ContainsFunc(sec.Reqs, func(r openapi3.SecurityRequirement) bool {
			return !slices.ContainsFunc(slices.Collect(maps.Keys(r)), inURL)
		}) {
			return false, omitted
		}
	}
	return true, omitted
}

// notCredentialBy says what makes a parameter whose name has no word of
// access (token, key, _token: not access_token or api_key) something
// else, or returns "": a description that calls it a cursor, a
// continuation or an identifier and says nothing of access (Airflow's log
// continuation token, a cache or lock key); a page size beside it on every
// operation that takes it, where a bare token is the next page's cursor
// (Kinto's _token beside _limit); a path segment that names a cursor
// (Graph's delta(token='{token}')).
func notCredentialBy(p *openapi.Param) string {
	words := openapi.Words(p.P.Name)
	// A session id (session-id, sessionId) described as identifying
	// something and saying nothing of access (Service Fabric's upload
	// session, "a GUID ... identifies an image store upload session") is
	// no login session.
	sessionID := !slices.ContainsFunc(words, func(w string) bool { return w != "session" && w != "id" && w != "x" })
	if why := ownedBy(p); why != "" {
		return why
	}
	if !sessionID && slices.ContainsFunc(words, func(w string) bool { return openapi.AccessWord(w) }) {
		return "" // access_token, api_key: a credential by name
	}
	if d := strings.ToLower(p.P.Description); d != "" && !credentialProse.MatchString(d) {
		if m := roleProse.FindString(d); m != "" {
			return "its description calls it " + strconv.Quote(strings.TrimSpace(m)) + " and says nothing of access, so it is no credential"
		}
		if m := selectorProse.FindString(d); m != "" {
			// "used to filter configurations", "a configuration key",
			// "meeting instance ID": it picks which resource the call
			// reads, and the caller's credential travels elsewhere.
			return "its description says " + strconv.Quote(strings.TrimSpace(m)) + " and nothing of access: it selects or identifies a resource, not the caller"
		}
	}
	if sessionID {
		// "The ID of the session", beside words such as "access token"
		// that the test above takes for a credential's description.
		if m := sessionIdentifier(p.P.Description); m != "" {
			return "its description calls it " + strconv.Quote(m) + " and says nothing of a secret or a sign-in, so it names the session rather than carrying its secret"
		}
		return ""
	}
	if slices.Equal(words, []string{"key"}) || slices.Equal(words, []string{"x", "key"}) {
		if why := storageKey(p); why != "" {
			return why
		}
	}
	if len(words) > 0 && words[len(words)-1] == "token" && len(p.Users) > 0 {
		sizes := openapi.NameKeys(openapi.DefaultPageSizeNames())
		size := ""
		for _, op := range p.Users {
			size = ""
			for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
				if ref != nil && ref.Value != nil && ref.Value.In == "query" && sizes[openapi.NameKey(ref.Value.Name)] {
					size = ref.Value.Name
					break
				}
			}
			if size == "" {
				break
			}
		}
		if size != "" {
			return "every operation that takes it also takes page size " + strconv.Quote(size) + ", so it is the next page's cursor more often than a credential"
		}
	}
	if p.P.In == "path" {
		for _, op := range p.Users {
			for _, seg := range strings.Split(op.Path, "/") {
				if !strings.Contains(seg, "{"+p.P.Name+"}") {
					continue
				}
				for _, w := range openapi.Words(strings.ReplaceAll(seg, "{"+p.P.Name+"}", "")) {
					if openapi.NotCredentialWord(w) {
						return "the path segment around it names a " + w + " cursor, not a credential"
					}
				}
			}
		}
	}
	return ""
}

// ownedBy says what makes a key, token or secret whose name has no other
// word of access (key, token, client_secret; not api_key or access_token)
// a value of some resource rather than the caller's credential, or returns
// "": a description that gives it to a thing that is no account ("The key
// of the file", "The client secret of the source", "package token") and
// says nothing else of access. The caller's credential authenticates the
// call; such a value names or unlocks one object (a stored file, a
// payment source Stripe.js reads with a publishable key, a package
// version to restore).
func ownedBy(p *openapi.Param) string {
	words := openapi.Words(p.P.Name)
	if len(words) > 1 && words[0] == "x" {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	head, rest := words[len(words)-1], words[:len(words)-1]
	if head != "key" && head != "token" && head != "secret" ||
		slices.ContainsFunc(rest, func(w string) bool { return openapi.AccessWord(w) }) {
		return ""
	}
	d := strings.ToLower(strings.TrimSpace(p.P.Description))
	owner, said := "", ""
	if m := ownerProse.FindStringSubmatchIndex(d); m != nil && d[m[2]:m[3]] == head {
		owner = d[m[6]:m[7]]
		said = head + " of " + d[m[4]:m[5]] + " " + owner
		d = d[:m[0]] + d[m[1]:]
	} else if f := strings.Fields(strings.TrimSuffix(d, ".")); len(f) == 2 && f[1] == head {
		// A label: "package token", "file key".
		owner, said, d = f[0], f[0]+" "+head, ""
	}
	if owner == "" || accountNouns[owner] || openapi.AccessWord(owner) || credentialProse.MatchString(d) {
		return ""
	}
	return "its description makes it the " + said + " and says nothing else of access: it belongs to that " + owner + ", not to the caller's login"
}

// storageKey says what makes a bare key (key, x-key) the name of a stored
// thing rather than a credential, or returns "": a store, bucket,
// container or file beside it on every operation that takes it
// (casibase's /add-file?store=…&key=…, where key is the file's path in
// the store), and a description that says nothing of access.
func storageKey(p *openapi.Param) string {
	if credentialProse.MatchString(strings.ToLower(p.P.Description)) || len(p.Users) == 0 {
		return ""
	}
	beside := ""
	for _, op := range p.Users {
		beside = ""
		for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
			if ref == nil || ref.Value == nil || ref.Value == p.P || ref.Value.Name == p.P.Name {
				continue
			}
			if slices.ContainsFunc(openapi.Words(ref.Value.Name), func(w string) bool { return storeWords[w] }) {
				beside = ref.Value.Name
				break
			}
		}
		if beside == "" {
			return ""
		}
	}
	return "every operation that takes it also takes " + strconv.Quote(beside) + ", so it is the key of an object in a store, not a credential"
}

// ownerProse finds what a description gives a key, token or secret to:
// "the key of the file", "a token for an upload", "the client secret of
// the source".
var ownerProse = regexp.MustCompile(`\b(key|token|secret) (?:of|for) (the|a|an|this|that|each|its) ([a-z]+)`)

// accountNouns own keys that are credentials: the key of the account, a
// key for the application.
var accountNouns = map[string]bool{
	"account": true, "user": true, "api": true, "application": true, "app": true, "client": true,
	"caller": true, "service": true, "organization": true, "organisation": true, "project": true,
	"tenant": true, "team": true, "developer": true, "customer": true, "subscription": true,
	"partner": true, "merchant": true, "workspace": true, "request": true, "requests": true,
	"your": true, "my": true, "the": true, "a": true, "an": true, "this": true, "security": true,
	"personal": true, "admin": true, "administrator": true, "owner": true, "member": true,
}

// storeWords name where stored things live: a store, a bucket, a
// container, a file or folder, an object store.
var storeWords = map[string]bool{
	"store": true, "bucket": true, "container": true, "file": true, "filename": true, "folder": true,
	"blob": true, "object": true, "storage": true, "kv": true,
}

// credentialProse is what a credential's description says: access,
// authentication, a key or secret of an account.
var credentialProse = regexp.MustCompile(`auth|access|secret|password|credential|api[ _-]?key|private|login|sign[ -]?in|permission|bearer`)

// roleProse is what a description calls a value that is no credential.
var roleProse = regexp.MustCompile(`\b(continu\w*|cursor|next page|pagination|paging|identif\w*|lock|cache)\b`)

// selectorProse is what a description says of a value that selects or
// identifies a resource rather than authenticating the caller: it filters
// a listing ("used to filter configurations"), it is the key of a setting
// or a record rather than of an account ("a configuration key", "sort
// key"), or it is the id of an instance or a record ("Webex meeting
// instance ID"). It is read only when the description says nothing of
// access (credentialProse).
var selectorProse = regexp.MustCompile(`\b(?:used )?to filter\b|\bfilters? (?:by|on|the|results|configurations|records|items)\b|` +
	`\b(?:configuration|config|setting|settings|property|attribute|field|sort|partition|lookup|record|object|metadata) keys?\b|` +
	`\b(?:[a-z]+ )?(?:instance|resource|object|record|entity|meeting|conference|device|event) id\b`)

// headerAlternative names a scheme that keeps credentials out of the URL
// (an api key in a header or cookie, http, oauth2, openIdConnect, mutual
// TLS) and that every security requirement list using scheme name offers
// as another alternative, or returns "" when some list has no such
// alternative, or no list uses the scheme.
func headerAlternative(doc *openapi3.T, schemes openapi3.SecuritySchemes, name string) string {
	lists := []openapi3.SecurityRequirements{doc.Security}
	for _, op := range openapi.Operations(doc) {
		if op.Op.Security != nil {
			lists = append(lists, *op.Op.Security)
		}
	}
	inURL := func(n string) bool {
		ref := schemes[n]
		return ref == nil || ref.Value == nil || ref.Value.Type == "apiKey" && (ref.Value.In == "query" || ref.Value.In == "path")
	}
	alt, used := "", false
	for _, reqs := range lists {
		uses := slices.ContainsFunc(reqs, func(r openapi3.SecurityRequirement) bool { _, ok := r[name]; return ok })
		if !uses {
			continue
		}
		used = true
		found := ""
		for _, r := range reqs {
			if _, ok := r[name]; ok || len(r) == 0 {
				continue
			}
			names := slices.Sorted(maps.Keys(r))
			if !slices.ContainsFunc(names, inURL) {
				found = names[0]
				break
			}
		}
		if found == "" {
			return ""
		}
		if alt == "" {
			alt = found
		}
	}
	if !used {
		return ""
	}
	return alt
}

// sessionName reports whether a parameter name is a session id: session,
// session_id, sessionId, parent_session_id; not the JSESSIONID or
// PHPSESSID of a web framework, which are the caller's login.
func sessionName(name string) bool {
	w := openapi.Words(name)
	if len(w) > 1 && w[0] == "x" {
		w = w[1:]
	}
	return slices.Equal(w, []string{"session"}) || slices.Equal(w, []string{"session", "id"}) ||
		len(w) > 2 && w[len(w)-2] == "session" && w[len(w)-1] == "id"
}

// sessionResource returns the first path of doc, in sorted order, that
// serves sessions as a resource (a sessions collection followed by a
// parameter: /agent/sessions/{sid}), or "". Such an API's sessions are
// records the caller creates, lists and deletes (a chat with an agent),
// and a session id in a query names one of them, as a conversation id
// would.
func sessionResource(doc *openapi3.T) string {
	if doc.Paths == nil {
		return ""
	}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
		segs := strings.Split(path, "/")
		for i := 0; i+1 < len(segs); i++ {
			words := openapi.Words(segs[i])
			if len(words) == 0 || !strings.HasPrefix(segs[i+1], "{") {
				continue
			}
			if last := words[len(words)-1]; last == "sessions" || last == "session" {
				return path
			}
		}
	}
	return ""
}

// idProse is how a description calls a value the id of something: "the ID
// of the session", "a unique identifier", "identifies the upload session".
var idProse = regexp.MustCompile(`(?i)\b(?:the |an? )?(?:unique )?(?:id|identifier) of (?:the |an? |this |that |its )?[a-z]+|\b(?:unique )?identifier\b|\bidentifies\b`)

// sessionSecretProse is what the description of a session id that is the
// caller's login says: a secret, a sign-in, a cookie, access it grants.
var sessionSecretProse = regexp.MustCompile(`(?i)secret|password|credential|authenticat|\blog(?:ged)?[ -]?(?:in|on)\b|\bsign(?:ed)?[ -]?in\b|cookie|bearer|api[ _-]?key|private|\bto access\b|\baccess to\b|\bgrants?\b`)

// sessionIdentifier returns the words of a session id's description that
// call it an identifier ("the ID of the session"), or "" when it says no
// such thing or speaks of a secret or a sign-in ("the session id returned
// at login"). Every session id judged in a query so far named a session (a
// chat, a trace, the session a logout ends: 4 of 4 false at warning); the
// login session ids some APIs put in the url are described as what they
// are, and keep their grade.
func sessionIdentifier(description string) string {
	if sessionSecretProse.MatchString(description) {
		return ""
	}
	return strings.TrimSpace(idProse.FindString(description))
}

// navigation says which operation takes p and why it is a browser
// redirect, when every operation that takes it is one
// (openapi.BrowserRedirect), or returns "".
func navigation(p *openapi.Param) string {
	if len(p.Users) == 0 || slices.ContainsFunc(p.Users, func(op openapi.Operation) bool { return openapi.BrowserRedirect(op) == "" }) {
		return ""
	}
	first := p.Users[0]
	return first.Method + " " + first.Path + ": " + openapi.BrowserRedirect(first)
}

// grantWords mark a token that grants access beyond one navigation: an
// access or refresh token, an api key, a secret or a password.
var grantWords = map[string]bool{
	"access": true, "refresh": true, "api": true, "apikey": true, "secret": true, "password": true,
	"passwd": true, "passphrase": true, "private": true, "bearer": true, "auth": true,
	"authorization": true, "oauth": true, "jwt": true, "key": true,
}

// navigationValue reports whether a credential-named parameter is what a
// browser link carries by design: a one-time token with no word of access
// (token, invitation_token, logout_token). A session id is not one: the
// browser sends its own session in a cookie, so one in the url is either
// an identifier (sessionIdentifier) or a login that need not be there.
func navigationValue(name string) bool {
	w := openapi.Words(name)
	if len(w) > 1 && w[0] == "x" {
		w = w[1:]
	}
	return len(w) > 0 && w[len(w)-1] == "token" && !slices.ContainsFunc(w, func(x string) bool { return grantWords[x] })
}

// awsAction reports whether every operation in ops has a # in its path, as
// apis.guru renders the actions of AWS services (/#Action=ChangePassword,
// /snapshots/{id}/blocks/{index}#blockToken): the fragment tells apart
// operations of one URL that the SDKs call with a signed request body.
func awsAction(ops []openapi.Operation) bool {
	return len(ops) > 0 && !slices.ContainsFunc(ops, func(op openapi.Operation) bool { return !strings.Contains(op.Path, "#") })
}

// noAuthDescribed reports whether doc defines no security scheme and
// writes no security requirement anywhere: it leaves authentication out.
func noAuthDescribed(doc *openapi3.T) bool {
	if len(openapi.Schemes(doc)) > 0 || doc.Security != nil {
		return false
	}
	for _, op := range openapi.Operations(doc) {
		if op.Op.Security != nil {
			return false
		}
	}
	return true
}

// optionalAlternative names another optional query parameter named like
// an access credential (key, oauth_token, access_token) that every
// operation taking the optional p also takes, or returns "": several
// optional ways to send a credential side by side.
func optionalAlternative(p *openapi.Param) string {
	if p.P.Required || p.P.In != "query" || len(p.Users) == 0 || !accessName(p.P.Name) {
		return ""
	}
	alt := ""
	for _, op := range p.Users {
		found := ""
		for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
			if ref == nil || ref.Value == nil || ref.Value == p.P {
				continue
			}
			if v := ref.Value; v.In == "query" && !v.Required && v.Name != p.P.Name && openapi.CredentialName(v.Name) && accessName(v.Name) {
				found = v.Name
				break
			}
		}
		if found == "" {
			return ""
		}
		if alt == "" {
			alt = found
		}
	}
	return alt
}

// accessName reports whether a name says it grants access: key, api_key,
// oauth_token, access_token; not a session id or a bare token.
func accessName(name string) bool {
	w := openapi.Words(name)
	if strings.Join(w, "") == "key" {
		return true
	}
	return slices.ContainsFunc(w, func(x string) bool { return openapi.AccessWord(x) && x != "session" && x != "id" })
}

// devOnlyRe finds a sentence that restricts something to development or
// test instances: "Used to authenticate only dev instances", "for local
// development only".
var devOnlyRe = regexp.MustCompile(`(?i)\bonly\b[^.\n]*\b(dev|development|test|testing)\b[^.\n]*\b(instances?|environments?|mode|builds?|setups?)\b|\b(dev|development|testing)\b[^.\n]*\bonly\b`)

// devOnly: a scheme's description says it is for development or test
// instances only.
func devOnly(desc string) bool { return desc != "" && devOnlyRe.MatchString(desc) }

// publicKeyProse is how a description calls a key meant to be seen: a
// public or publishable key, one for the browser, the client side or the
// front end.
var publicKeyProse = regexp.MustCompile(`(?i)\b(?:public|publishable)(?: api)? key\b|\b(?:client|browser|front)[- ]?(?:side|end)\b|\bfrontend\b|\bin (?:the|a|your) (?:web )?browser\b|\bbrowser key\b`)

// restrictedProse is how a description says a key only works from some
// sites: checked against the Referer or the Origin, restricted to allowed
// domains.
var restrictedProse = regexp.MustCompile(`(?i)\b(?:http )?referr?ers?\b|\ballowed (?:domains?|origins?|websites?|hosts?)\b|\b(?:restricted|limited|locked) to (?:your |the |specific |allowed |authori[sz]ed |registered )*(?:domains?|origins?|websites?|urls?)\b|\bauthori[sz]ed (?:domains?|origins?|websites?)\b`)

// secretKeyProse is what the description of a key that must stay hidden
// says: secret, private, server side, keep it safe; or any negation, as in
// "do not use it in the browser", which names the browser to forbid it.
var secretKeyProse = regexp.MustCompile(`(?i)secret|private|server[- ]?side|backend|confidential|keep it safe|\b(?:never|not|don't|dont|cannot|can't|must not|should not)\b`)

// publishableProse says why a key is meant to be public, from its name and
// description, or returns "": a key (not a secret, a password or a token)
// whose description calls it public, publishable or for the browser, the
// client side or the front end, or says it is checked against the Referer
// or restricted to allowed domains, and says nothing of a secret, a
// private key or the server side (a secret key's "never use it client-side"
// keeps its grade).
func publishableProse(name, description string) string {
	w := openapi.Words(name)
	if len(w) == 0 || w[len(w)-1] != "key" && w[len(w)-1] != "apikey" ||
		slices.ContainsFunc(w, func(x string) bool { return x == "secret" || x == "private" || x == "password" }) {
		return ""
	}
	if description == "" || secretKeyProse.MatchString(description) {
		return ""
	}
	if m := publicKeyProse.FindString(description); m != "" {
		return "its description says " + strconv.Quote(strings.ToLower(m)) + ": a publishable key, which web pages carry"
	}
	if m := restrictedProse.FindString(description); m != "" {
		return "its description says " + strconv.Quote(strings.ToLower(m)) + ": a publishable key, which web pages carry and the server checks against the sites allowed to use it"
	}
	return ""
}

// publishable says why api key scheme name is meant to be public, or
// returns "": its description says so (publishableProse), or every
// requirement that uses it also requires a header scheme that sends the
// Referer or the Origin, which the server checks against the key's allowed
// domains (Woosmap's PublicApiKeyAuth beside RefererHeader).
func publishable(doc *openapi3.T, schemes openapi3.SecuritySchemes, name string, s *openapi3.SecurityScheme) string {
	why := publishableProse(s.Name, s.Description)
	if why == "" && secretKeyProse.MatchString(s.Description) {
		return ""
	}
	lists := []openapi3.SecurityRequirements{doc.Security}
	for _, op := range openapi.Operations(doc) {
		if op.Op.Security != nil {
			lists = append(lists, *op.Op.Security)
		}
	}
	origin, used := "", false
	for _, reqs := range lists {
		for _, r := range reqs {
			if _, ok := r[name]; !ok {
				continue
			}
			used = true
			found := ""
			for _, other := range slices.Sorted(maps.Keys(r)) {
				ref := schemes[other]
				if ref == nil || ref.Value == nil || ref.Value.Type != "apiKey" || ref.Value.In != "header" {
					continue
				}
				if h := strings.ToLower(ref.Value.Name); h == "referer" || h == "referrer" || h == "origin" {
					found = other
					break
				}
			}
			if found == "" {
				origin = "-"
			} else if origin == "" {
				origin = found
			}
		}
	}
	if used && origin != "" && origin != "-" {
		pair := "every requirement that uses it also requires security scheme " + strconv.Quote(origin) + ", the " + strings.ToLower(schemes[origin].Value.Name) + " header the server checks the key against"
		if why != "" {
			return why + ", and " + pair
		}
		return pair
	}
	return why
}

// expiryWords name a link's expiry: exp, expires, expiry, expires_at,
// X-Amz-Expires.
var expiryWords = map[string]bool{"exp": true, "expires": true, "expiry": true, "expiration": true, "expire": true}

// fileWords in a path name what a download serves.
var fileWords = map[string]bool{
	"file": true, "files": true, "filename": true, "download": true, "downloads": true, "attachment": true,
	"attachments": true, "blob": true, "blobs": true, "media": true, "asset": true, "assets": true,
	"artifact": true, "artifacts": true, "image": true, "images": true, "thumbnail": true,
}

// expiringLink returns where p is a signed link that expires, and the name
// of its expiry, or "", "": every operation that takes p is a GET (or
// HEAD) that serves a file (its path names a file, a download or an
// attachment, or it answers with bytes that are no JSON, XML or HTML) and
// takes, in the query, an expiry beside p (exp, expires, expires_at). The
// shape of a pre-signed download url: an authenticated call mints it, and
// whoever holds it fetches one file until it expires (AIgateway's
// /v1/files/jobs/{jobId}/{filename}/public?token=…&exp=…&k=…).
func expiringLink(p *openapi.Param) (at, expiry string) {
	if p.P.In != "query" || len(p.Users) == 0 {
		return "", ""
	}
	for _, op := range p.Users {
		if op.Method != "get" && op.Method != "head" || !servesFile(op) {
			return "", ""
		}
		found := ""
		for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
			if ref == nil || ref.Value == nil || ref.Value == p.P || ref.Value.In != "query" {
				continue
			}
			if slices.ContainsFunc(openapi.Words(ref.Value.Name), func(w string) bool { return expiryWords[w] }) {
				found = ref.Value.Name
				break
			}
		}
		if found == "" {
			return "", ""
		}
		if expiry == "" {
			at, expiry = op.Method+" "+op.Path, found
		}
	}
	return at, expiry
}

// servesFile reports whether op answers with a file: its path names a
// file, a download or an attachment (/files/{name}, {filename}), or a
// success response's content is bytes that are no JSON, XML, HTML or text
// (application/octet-stream, image/png, a format: binary string).
func servesFile(op openapi.Operation) bool {
	for _, seg := range strings.Split(op.Path, "/") {
		if slices.ContainsFunc(openapi.Words(seg), func(w string) bool { return fileWords[w] }) {
			return true
		}
	}
	if op.Op.Responses == nil {
		return false
	}
	for code, ref := range op.Op.Responses.Map() {
		if !strings.HasPrefix(code, "2") || ref == nil || ref.Value == nil {
			continue
		}
		for mt, m := range ref.Value.Content {
			mt = strings.ToLower(mt)
			if strings.Contains(mt, "json") || strings.Contains(mt, "xml") || strings.HasPrefix(mt, "text/") {
				continue
			}
			if mt == "application/octet-stream" || strings.HasPrefix(mt, "image/") || strings.HasPrefix(mt, "audio/") ||
				strings.HasPrefix(mt, "video/") || strings.HasPrefix(mt, "application/") ||
				m != nil && m.Schema != nil && m.Schema.Value != nil && m.Schema.Value.Format == "binary" {
				return true
			}
		}
	}
	return false
}
