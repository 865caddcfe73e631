// Package oas101 defines rule OAS101: an operation anyone can call.
package oas101

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS101",
	Name: "operation-without-auth",
	Doc: lint.Doc{
		Title: "Operation can be called without authentication",
		Summary: "An operation has no security requirement, switches security off with `security: []`, " +
			"or lists an empty `{}` alternative that lets anonymous callers in.",
		Why: `An API description is the contract that gateways, SDK generators and agent
frameworks read to decide how to call an API. When an operation carries no
security requirement, every one of them will call it without credentials, and
so can anyone who finds it: a state-changing operation becomes an open door,
and a read becomes a data leak. An empty ` + "`{}`" + ` alternative in a
` + "`security`" + ` list is easy to miss in review and has the same effect.

AI agents make this worse. An agent given the document as a tool catalogue
will call whatever it is allowed to, including operations nobody meant to
expose, and it will do so at machine speed. Write operations and
administrative paths with no requirement are reported as errors; reads are
notes, because a document cannot tell a public read from a forgotten
requirement. An opening the author wrote on the operation itself is graded
lower than an omission: a write's own ` + "`security: []`" + ` is a warning to
check, and an empty alternative beside real schemes on a write (credentials
optional on purpose) a note; deletes and administrative paths keep the
error whatever the opt-out.
Endpoints that must be public (login, token exchange, health probes) and say
so explicitly with ` + "`security: []`" + `, and OPTIONS operations (CORS
preflight requests never carry credentials), are reported as notes only.
A document that declares no security requirement anywhere is reported once,
at its paths, with the number of operations that are open: an error when it
defines a scheme it never applies, a note when it defines none.`,
		Fix: "add a security requirement to the operation or the document, and remove `security: []` and `{}` alternatives where they are not meant",
		Bad: `openapi: 3.0.3
info: {title: Payments, version: "1"}
paths:
  /payments:
    post:                 # no security here or at the top level
      operationId: createPayment
      responses:
        "201": {description: created}`,
		Good: `openapi: 3.0.3
info: {title: Payments, version: "1"}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
security:
  - bearerAuth: []
paths:
  /payments:
    post:
      operationId: createPayment
      responses:
        "201": {description: created}`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		Precision: "high",
		Grades: `- **error**: an operation that changes state or sits under an administrative path (admin, internal, debug…) and needs no credentials; a document that defines security schemes but applies none while it has such operations, or one where most operations declare no requirement and the top declares none (one finding at /paths; the operations are then notes).
- **warning**: a write that declares 401 or 403 responses (the server checks credentials the document does not describe); a write that its own ` + "`security: []`" + ` opens on purpose, other than a delete, an administrative path or a model call (no such write judged on public descriptions was open by mistake: 0 of 4 at error); a model call (a request body with model, and messages, prompt, input or contents) opened that way stays an **error**: every anonymous request spends the API's own model account; a document that defines schemes and applies none, with reads only; a document-level ` + "`security: []`" + ` with no operations yet.
- **note**: OPTIONS, a write other than a delete or an administrative path whose own requirements offer an empty ` + "`{}`" + ` alternative beside real schemes (credentials optional there on purpose: the anonymous browser session a sign-in starts from, a form the public may send; 0 of 22 judged worth acting on at error and warning), one whose own ` + "`security: []`" + ` comes with 401 or 403 answers (it checks a credential the document does not model as a scheme, in its body or a session cookie; 0 of 13), a read whose own requirements offer an empty ` + "`{}`" + ` alternative beside real schemes (optional credentials on purpose; judged noise, 0 of 1, at warning), and steps called before the client has credentials (login, sign-up, token, password reset, one-time codes, health probes, identity-provider callbacks (` + "`/auth/oidc/callback`" + `), and the OAuth endpoints the document's own flows name, with the device, revocation and introspection endpoints beside them; and, whatever the flows name, the steps of the token lifecycle recognised by their shape: a POST whose body carries a field only OAuth's token requests carry (` + "`grant_type`" + `, ` + "`device_code`" + `, ` + "`token_type_hint`" + `, ` + "`code_verifier`" + `, ` + "`subject_token`" + `), or a lifecycle verb (device, refresh, validate, verify, check, introspect, revoke) in its last path segment under a path that names authentication or tokens (` + "`/auth/refresh`" + `, ` + "`/authorize/device`" + `), in an operationId that names a token (` + "`refreshToken`" + `), or beside the field it needs (` + "`refresh_token`" + `, ` + "`token`" + `, ` + "`client_id`" + ` in a form body), the message naming the step; a revocation with the revoked credential's id in its path manages a stored credential and keeps its grade; magic sign-in codes and links (` + "`magic_auth`" + `)); a sign-in recognised by what it does: a POST whose request carries a credential (a credential-named field such as ` + "`jwt`" + ` or ` + "`id_token`" + `, a credential header parameter, or a whole body that its schema's name or a description calls an API key, an identity token or a signature header) and whose success answer is a token or key (a credential-named field, or a response or schema named or described as one), or a POST whose last fixed segment is the verb ` + "`authenticate`" + ` with either half of that exchange or a 401 answer for a bad credential (Conjur's ` + "`/authn-jwt/{service_id}/{account}/authenticate`" + `, judged false at warning, 0 of 8), the message naming what is exchanged; the credential out must be a token, key or secret other than the one that went in; a password in and the created user out, an API key made from a name, a provider's API key saved as a setting, a chat session's id, a password change, ` + "`/authenticators/{id}`" + ` and ` + "`/accounts/authenticate-options`" + ` keep their grade; an operation whose description says its URL is handed out by another operation (a pre-signed or signed location: the URL is the credential); a POST that records what a client reports about itself and answers with no content (a view counter, playback metrics, a web client's log: PeerTube's ` + "`/videos/{id}/views`" + `), which anonymous visitors send by design; a read with no requirement, or with its own ` + "`security: []`" + `, in a document that secures other operations (most are public by design: catalogues, listings, status); operations opened only by a top-level ` + "`security: []`" + ` in a document that declares schemes (authentication left to the deployment, as Airflow's pluggable backends), or by an empty ` + "`{}`" + ` alternative beside real schemes in the top-level requirements (a mode without authentication the operator may choose), and an operation's own ` + "`{}`" + ` alternative in a document that writes no requirement without one (authentication optional by design throughout, written on each operation rather than once at the top: E2B's envd, whose access token is a setting of the sandbox; judged noise, 0 of 8 at warning); an operation whose path template carries a credential-named variable (` + "`/{apiKey}/tokens`" + `, judged as OAS104 judges path parameters: not ` + "`/kv/{key}`" + `), which no security scheme can express: it authenticates in its path, and OAS104 reports the key in the url (Alchemy's documents, judged false at error, 0 of 3); a document whose operations all do so is one note at its paths, and one where only some do leaves them out of its count; an operation addressed by the token of a link in its path (` + "`{webhook_token}`" + `, ` + "`{interaction_token}`" + `, ` + "`{activation_token}`" + `: a token that names no access credential), whoever holds the URL may call it by design (Discord's webhooks, judged false at error, 0 of 20); a POST to a collection of sign-in attempts (` + "`sign_ins`" + `, ` + "`sign-ups`" + `, ` + "`logins`" + `) and an identity provider's callback or ACS step with the connection's parameter after it (` + "`/saml/acs/{connection_id}`" + `); a document with no security scheme and no requirement at all, one operation or many (it leaves authentication out; it does not say the API is open); an explicit ` + "`security: []`" + ` in a document that defines no security scheme; operations of a document whose servers are all Azure Resource Manager (management.azure.com and the sovereign clouds' hosts), which authenticates every call whatever a fragment of its description declares; an operation with its own ` + "`security: []`" + ` that takes a credential header parameter (Authorization, a webhook's X-Hub-Signature: a receiver that checks a third party's token or HMAC signature itself); the first-run ` + "`/auth/setup`" + ` that creates the first account; a POST to .../message or .../messages beside a GET .../sse that requires credentials (an MCP SSE transport, whose stream hands out the message URL with the session id that addresses it).
- **one level lower** (error to warning, warning to note): an operation marked ` + "`x-internal: true`" + `, on itself, on its path item or on a tag it carries, which Redocly and Stoplight leave out of what they publish (a daemon's control plane that an orchestrator calls from inside: E2B's envd, judged noise, 0 of 6 at error); check that it is reachable only from inside.`,
		CWE:   []int{306, 862},
		OWASP: []string{"API2:2023", "API5:2023", "LLM06:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

func run(pass *lint.SpecPass) error {
	ops := openapi.Operations(pass.Doc)
	if len(ops) == 0 && pass.Doc.Security != nil && len(pass.Doc.Security) == 0 {
		// Nothing to call yet, but every operation added later will be
		// open: the switch is at the top of the document.
		pass.ReportSeverityf(lint.SeverityWarning, "/security", nil, "",
			"security: [] at the document level switches authentication off for every operation (the document has none yet)")
		return nil
	}
	oauth := oauthEndpoints(pass.Doc)
	preAuth := func(op openapi.Operation) bool {
		return openapi.PrivilegedSegment(op.Path) == "" && (publicByNature(op.Path) || oauth.covers(op.Path) || preAuthStep(op) != "")
	}
	// writeOrAdmin is an operation that would be an error if it were open:
	// it changes state or sits under an administrative path, and it is not
	// a step called before the client has credentials (an OAuth token,
	// device or revocation endpoint changes state, but cannot require the
	// token it issues).
	writeOrAdmin := func(op openapi.Operation) bool {
		return (op.IsWrite() || openapi.PrivilegedSegment(op.Path) != "") && !preAuth(op) && !beacon(op)
	}
	if len(ops) > 0 && noSecurityAnywhere(pass, ops) {
		// A document with no security requirement at all gets one finding,
		// not one per operation: the fix is one line at the top, and a
		// thousand copies of the same finding hide everything else.
		writes, pre, keyed, key := 0, 0, 0, ""
		for _, op := range ops {
			if name := openapi.PathCredential(op); name != "" {
				// Its key is a path segment, which no security scheme
				// can express: authenticated, in a way the document
				// cannot declare (OAS104 reports the key in the url).
				keyed++
				if key == "" {
					key = name
				}
				continue
			}
			if writeOrAdmin(op) {
				writes++
			}
			if preAuth(op) {
				pre++
			}
		}
		sev, grade := lint.SeverityWarning, ""
		switch {
		case managementPlane(pass.Doc):
			sev, grade = lint.SeverityNote, armNote
		case keyed == len(ops):
			sev, grade = lint.SeverityNote, pathKeyNote(key, keyed == 1)
		case len(openapi.Schemes(pass.Doc)) == 0:
			// No scheme and no requirement: the document leaves
			// authentication out (GitHub's, Stripe's and Graph's published
			// descriptions, one-operation fragments); it does not say that
			// anyone may call the API, and nobody acts on the guess.
			sev, grade = lint.SeverityNote, noSchemeNote
		case pre+keyed == len(ops):
			sev, grade = lint.SeverityNote, " (a note: every operation is a step called before the client has credentials, such as OAuth token, device and revocation endpoints)"
		case writes > 0:
			sev = lint.SeverityDefault // error: schemes defined, and applied nowhere
		}
		what := fmt.Sprintf("none of the %d operations requires", len(ops))
		if len(ops) == 1 {
			what = "the document's one operation does not require"
		}
		if keyed == len(ops) {
			what = fmt.Sprintf("none of the %d operations declares a security requirement", len(ops))
			if len(ops) == 1 {
				what = "the document's one operation declares no security requirement"
			}
			pass.ReportSeverityf(sev, "/paths", nil, "", "%s%s", what, grade)
			return nil
		}
		keyedNote := ""
		if keyed > 0 && keyed < len(ops) {
			keyedNote = fmt.Sprintf("; %d take credential %q in the path, which no security scheme can express", keyed, key)
		}
		pass.ReportSeverityf(sev, "/paths", nil, "",
			"%s authentication (%d change state or are administrative%s): the document declares no security requirement%s", what, writes, keyedNote, grade)
		return nil
	}
	// A document that declares requirements on a few operations only, and
	// none at the top, has most likely lost its top-level requirement: one
	// finding at /paths says so, and the operations are notes under it.
	unset, writes := 0, 0
	for _, op := range ops {
		if !openapi.EffectiveSecurity(pass.Doc, op).Set && openapi.PathCredential(op) == "" {
			unset++
			if writeOrAdmin(op) {
				writes++
			}
		}
	}
	summarised := pass.Doc.Security == nil && len(ops) >= 10 && unset*2 > len(ops)
	arm := managementPlane(pass.Doc)
	if summarised {
		sev, grade := lint.SeverityWarning, ""
		switch {
		case arm:
			sev, grade = lint.SeverityNote, armNote
		case writes > 0:
			sev = lint.SeverityDefault // error
		}
		pass.ReportSeverityf(sev, "/paths", nil, "",
			"%d of the %d operations declare no security requirement and the document declares none at the top (%d change state or are administrative): add the requirement to the document%s",
			unset, len(ops), writes, grade)
	}
	for _, op := range ops {
		sec := openapi.EffectiveSecurity(pass.Doc, op)
		if !sec.Anonymous() {
			continue
		}
		if key := openapi.PathCredential(op); key != "" {
			// /{apiKey}/tokens: the operation takes its key in the path,
			// where no security scheme can put it. It is not open; the
			// key in the url is OAS104's finding.
			pass.ReportSeverityf(lint.SeverityNote, op.Pointer, op.Op.Origin, "",
				"%s %s declares no security requirement%s", op.Method, op.Path, pathKeyNote(key, true))
			continue
		}
		if tok := openapi.PathLinkToken(op); tok != "" {
			// /webhooks/{webhook_id}/{webhook_token}: the token in the
			// path is what the caller presents, the URL a capability
			// handed to whoever may call it.
			pass.ReportSeverityf(lint.SeverityNote, op.Pointer, op.Op.Origin, "",
				"%s %s can be called without the document's schemes (a note: its path carries {%s}, the token of a link such as a webhook or invitation URL, which is what the caller presents; keep such tokens long, random and revocable)", op.Method, op.Path, tok)
			continue
		}
		if summarised && !sec.Set {
			pass.ReportSeverityf(lint.SeverityNote, op.Pointer, op.Op.Origin, "",
				"%s %s can be called without authentication (no security requirement) (a note: reported once for the document at /paths)", op.Method, op.Path)
			continue
		}
		why := "an empty {} alternative allows anonymous calls"
		switch {
		case !sec.Set:
			why = "no security requirement"
		case len(sec.Reqs) == 0:
			why = "security: [] switches it off"
		}
		privileged := openapi.PrivilegedSegment(op.Path) != ""
		sev, grade := lint.SeverityWarning, ""
		switch {
		case op.Method == "options" && !privileged:
			sev = lint.SeverityNote
		case preAuth(op):
			// Login, sign-up, password reset, one-time codes, the OAuth
			// endpoints of the document's own flows: called before the
			// client has credentials, by nature.
			sev, grade = lint.SeverityNote, " (a note: it is called before the client has credentials)"
			if !publicByNature(op.Path) && !oauth.covers(op.Path) {
				// A step of the token lifecycle recognised by its shape:
				// say which, and what it authenticates with.
				grade = " (a note: it is called before the client has credentials: " + preAuthStep(op) + ")"
			}
		case capabilityURL(op):
			// The URL is handed out by another operation, pre-signed: it
			// is the credential, and the caller sends no other.
			sev, grade = lint.SeverityNote, " (a note: its description says the URL itself is handed out by another operation, a pre-signed location that is the credential)"
		case sseMessages(pass.Doc, op) != "":
			// The POST half of an MCP SSE transport: the stream hands out
			// this URL with a session id, which addresses the session its
			// own authenticated GET opened.
			sev, grade = lint.SeverityNote, " (a note: it is the message endpoint of an SSE transport whose stream, get "+sseMessages(pass.Doc, op)+", requires credentials and hands out this URL with the session id that addresses it)"
		case beacon(op):
			// A view counter, playback metrics, a web client's error log:
			// what every visitor's browser reports, signed in or not.
			sev, grade = lint.SeverityNote, " (a note: it records what a client reports about itself (views, playback or client metrics, client logs), which anonymous visitors send by design; rate-limit it rather than require credentials)"
		case arm && !sec.Set:
			sev, grade = lint.SeverityNote, armNote
		case sec.Set && !sec.Own && len(sec.Reqs) == 0 && len(openapi.Schemes(pass.Doc)) > 0:
			// Only the top-level security: [] opens it, in a document that
			// declares schemes: authentication is left to the deployment
			// (Airflow's pluggable backends deny every request by default).
			sev, grade = lint.SeverityNote, " (a note: security: [] at the top of a document that declares security schemes leaves authentication to the deployment rather than switching it off)"
		case openapi.LeftToDeployment(sec) && sec.Own:
			// Its own requirements offer {} beside a real scheme, and so
			// does every requirement the document writes: authentication
			// is optional throughout (E2B's envd, whose access token is a
			// setting of the sandbox), the same choice as a top-level
			// [token, {}], written on each operation.
			sev, grade = lint.SeverityNote, " (a note: every security requirement the document writes offers {} beside real schemes, so authentication is optional by design throughout, a setting of the deployment, rather than an endpoint left open; remove {} if no such mode exists)"
		case openapi.LeftToDeployment(sec):
			// The top-level requirements offer {} beside real schemes for
			// every operation: the API has a mode without authentication
			// (an auth mode of "none" the operator picks), which the
			// document describes; no endpoint was left open by mistake.
			sev, grade = lint.SeverityNote, " (a note: the document's top-level requirements offer {} beside real schemes for every operation, which describes a deployment that may run without authentication rather than an endpoint left open; remove {} if no such mode exists)"
		case sec.Own && len(sec.Reqs) == 0 && len(openapi.Schemes(pass.Doc)) == 0:
			// security: [] written on the operation, in a document that
			// defines no scheme it could switch off: the author states
			// that the document does not describe authentication (Kinto's
			// pluggable authentication), not that the endpoint is open.
			sev, grade = lint.SeverityNote, " (a note: the opt-out is explicit and the document defines no security scheme, so it describes no authentication rather than switching one off)"
		case !privileged && ownCredential(op) != "" && sec.Own && len(sec.Reqs) == 0:
			// Its own security: [] beside a credential header it takes:
			// a webhook receiver that checks a token or an HMAC signature
			// a third party sends, described as a parameter rather than a
			// scheme of the API's own clients.
			sev, grade = lint.SeverityNote, fmt.Sprintf(" (a note: it takes its own credential in header parameter %q, which it checks in place of the API's schemes)", ownCredential(op))
		case op.IsWrite() && !privileged && op.Method != "delete" && sec.Own && len(sec.Reqs) > 0:
			// A write whose own requirements offer {} beside real schemes:
			// the author wrote that credentials are optional here (the
			// anonymous browser session a sign-in starts from, a form the
			// public may send). Judged on public descriptions, no such
			// write was left open by mistake (0 of 22 at error and warning).
			sev, grade = lint.SeverityNote, " (a note: its own requirements offer {} beside real schemes, so credentials are optional here on purpose; remove {} if it was not meant)"
		case !privileged && op.Method != "delete" && sec.Own && len(sec.Reqs) == 0 && refuses(op):
			// Its own security: [] and 401/403 answers: the operation
			// checks a credential the document does not model as a
			// scheme (one in its body, a session cookie, an OAuth token
			// it introspects), by the author's choice (0 of 13 judged).
			sev, grade = lint.SeverityNote, " (a note: it switches the schemes off on purpose and declares 401/403 responses, so it checks a credential the document does not describe as a scheme, such as one in its body or a session cookie; describe it if clients must send one)"
		case op.IsWrite() && !privileged && op.Method != "delete" && sec.Own && len(sec.Reqs) == 0 && openapi.ModelCallBody(op):
			// A model call opened on purpose is still a bill anyone can
			// run up: every anonymous request spends the API's own model
			// account.
			sev, grade = lint.SeverityDefault, " (its request is a model call, so every anonymous request spends the API's own model account)"
		case op.IsWrite() && !privileged && op.Method != "delete" && sec.Own && len(sec.Reqs) == 0:
			// Its own security: [] on a write: the author opened it on
			// purpose (a bootstrap call, a public form). Worth a look,
			// not an error: no such write judged on public descriptions
			// was open by mistake (0 of 4 at error).
			sev, grade = lint.SeverityWarning, " (a warning, not an error: its own security: [] opens it on purpose; check that anyone may call it, and rate-limit it if so)"
		case (op.IsWrite() || privileged) && refuses(op):
			// It documents 401 or 403: the server checks credentials the
			// document does not describe. The description is wrong; the
			// endpoint is not known to be open.
			sev, grade = lint.SeverityWarning, " (a warning, not an error: it declares 401/403 responses, so the server checks credentials that no security requirement describes)"
		case op.IsWrite() || privileged:
			sev = lint.SeverityDefault // error
		case sec.Own && len(sec.Reqs) == 0:
			// A read whose own security: [] says it is public, in a
			// document that secures other operations: the author chose it.
			sev, grade = lint.SeverityNote, " (a note: a read the document makes public on purpose with its own security: [])"
		case !sec.Set:
			// A read with no requirement, in a document that writes one
			// for other operations: most are public by design (catalogues,
			// listings, status), and the rest misdescribe the API rather
			// than open it; the document cannot tell the two apart.
			sev, grade = lint.SeverityNote, " (a note: a read with no requirement where other operations declare one is most often public by design; add security: [] to say so, or the requirement)"
		case len(sec.Reqs) > 0:
			// A read whose own requirements offer {} beside real schemes:
			// the author made credentials optional on purpose (crAPI's QR
			// code image, fetched by an img tag without a token).
			sev, grade = lint.SeverityNote, " (a note: a read whose requirements offer {} beside real schemes makes credentials optional on purpose, as an image or a listing a browser fetches without a token; remove {} if it was not meant)"
		}
		if openapi.Internal(pass.Doc, op) {
			// x-internal: true leaves the operation out of the published
			// description (Redocly, Stoplight): a daemon's control plane
			// that an orchestrator calls from inside. It is still open to
			// whoever can reach it, so it drops one level rather than go.
			sev, grade = internalGrade(sev, grade)
		}
		field := ""
		if sec.Own {
			field = "security"
		}
		pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, field,
			"%s %s can be called without authentication (%s)%s", op.Method, op.Path, why, grade)
	}
	return nil
}

// internalWhy says why an operation marked x-internal is graded one level
// lower.
const internalWhy = "marked x-internal: not published; check it is reachable only from inside"

// internalGrade lowers an operation's grade by one level, error to warning
// and warning to note, and says why; a note stays a note.
func internalGrade(sev lint.Severity, grade string) (lint.Severity, string) {
	switch sev {
	case lint.SeverityDefault, lint.SeverityError:
		return lint.SeverityWarning, grade + " (a warning, not an error: " + internalWhy + ")"
	case lint.SeverityWarning:
		return lint.SeverityNote, grade + " (a note, not a warning: " + internalWhy + ")"
	}
	return sev, grade
}

// pathKeyNote says why an operation, or a document whose operations all
// take a credential in their path, is a note rather than open.
func pathKeyNote(key string, one bool) string {
	who := "every operation takes"
	if one {
		who = "it takes"
	}
	return fmt.Sprintf(" (a note: %s its credential in path parameter %q, which no OpenAPI security scheme can express, so it is not unauthenticated; OAS104 reports the credential in the url, and moving it to a header that a scheme describes fixes both)", who, key)
}

// noSchemeNote says why a document with no scheme and no requirement is a
// note.
const noSchemeNote = " (a note: the document defines no security scheme either, so it leaves authentication out rather than opening the API; describe the scheme the service uses)"

// armNote says why a Resource Manager fragment's missing requirement is a
// note.
const armNote = " (a note: the document describes Azure Resource Manager, which requires a Microsoft Entra ID token on every call whatever a fragment declares; add the azure_auth requirement to the document)"

// armHosts are the hosts of Azure Resource Manager in Azure's clouds.
var armHosts = map[string]bool{
	"management.azure.com": true, "management.usgovcloudapi.net": true,
	"management.chinacloudapi.cn": true, "management.microsoftazure.de": true,
}

// managementPlane reports whether every server of the document is Azure
// Resource Manager. Azure publishes its management API as hundreds of
// fragments generated from one specification, and ARM authenticates every
// call itself: a fragment that leaves out the azure_auth requirement
// misdescribes the API, it does not open it.
func managementPlane(doc *openapi3.T) bool {
	if len(doc.Servers) == 0 {
		return false
	}
	for _, s := range doc.Servers {
		if s == nil {
			return false
		}
		u, err := url.Parse(s.URL)
		if err != nil || !armHosts[strings.ToLower(u.Hostname())] {
			return false
		}
	}
	return true
}

// noSecurityAnywhere reports whether neither the document nor any operation
// writes a security requirement.
func noSecurityAnywhere(pass *lint.SpecPass, ops []openapi.Operation) bool {
	for _, op := range ops {
		if openapi.EffectiveSecurity(pass.Doc, op).Set {
			return false
		}
	}
	return true
}

// publicSegments name endpoints that cannot require the credentials they
// hand out (login, token exchange, sign-up) and probes that load balancers
// call anonymously. An explicit opt-out on one of them is a note.
var publicSegments = map[string]bool{
	"login": true, "signin": true, "sign-in": true, "logon": true,
	"signup": true, "sign-up": true, "register": true, "registration": true,
	"token": true, "authorize": true, "forgot-password": true, "password-reset": true, "reset-password": true,
	"forgot": true, "verify-otp": true, "check-otp": true, "otp": true, "resend-otp": true, "send-otp": true,
	"verify-email": true, "confirm-email": true, "resend-verification": true, "magic-link": true,
	"health": true, "healthz": true, "livez": true, "readyz": true, "ping": true,
}

func publicByNature(path string) bool {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	// /saml/acs/{connection_id}: where an identity provider sends the
	// browser back is named by the last fixed segment; the parameters
	// after it say which connection.
	if fixed := segs; len(fixed) > 2 {
		for len(fixed) > 2 && strings.HasPrefix(fixed[len(fixed)-1], "{") {
			fixed = fixed[:len(fixed)-1]
		}
		if l := strings.ToLower(fixed[len(fixed)-1]); identityProviders[strings.ToLower(fixed[len(fixed)-2])] && (l == "callback" || l == "acs") {
			return true
		}
	}
	last := strings.ToLower(segs[len(segs)-1])
	// sign_ins, sign-ups, logins: the collection of sign-in attempts,
	// whose POST starts one.
	switch strings.Join(openapi.Words(last), "") {
	case "signin", "signins", "signup", "signups", "logins":
		return true
	}
	if len(segs) > 1 {
		// password/reset, otp/verify, two-factor/confirm-request
		prev := strings.ToLower(segs[len(segs)-2])
		if (preAuthPairs[prev] || publicSegments[prev]) && preAuthSteps[last] {
			return true
		}
		// password_reset/confirm, email_verification/send, TwoFactor/verify:
		// the same pairs, written with other separators or cases.
		if pw := openapi.Words(prev); preAuthSteps[last] && (preAuthPairs[strings.Join(pw, "-")] || slices.ContainsFunc(pw, func(w string) bool { return preAuthPairs[w] })) {
			return true
		}
		// /auth/setup: the first-run step that creates the first account,
		// before any credential exists.
		if authSegments[prev] && last == "setup" {
			return true
		}
		// /auth/oidc/callback, /oauth2/callback, /sso/saml/acs: where an
		// identity provider sends the browser back before it has a session.
		if identityProviders[prev] && (last == "callback" || last == "acs" || last == "redirect") {
			return true
		}
	}
	if slices.Contains(segs, ".well-known") || publicSegments[last] {
		return true
	}
	// ask-send-verify-email, resend-verification-code, send-otp, reset-password-request
	w := openapi.Words(last)
	has := func(x string) bool { return slices.Contains(w, x) }
	return has("forgot") || has("forget") && has("password") || has("otp") || has("login") || has("signup") ||
		(has("verify") || has("verification") || has("confirm")) && (has("email") || has("phone") || has("code")) ||
		has("reset") && has("password") ||
		// magic_auth, magic-link, magicLinkLogin: a sign-in code or link
		// mailed to whoever asks, before any credential exists.
		has("magic") && (has("link") || has("auth") || has("code") || has("login"))
}

// beaconWords, as the last fixed segment of a POST, name what a client
// reports about itself: a view, a playback or page metric, a heartbeat.
var beaconWords = map[string]bool{
	"view": true, "views": true, "playback": true, "beacon": true, "beacons": true, "telemetry": true,
	"impression": true, "impressions": true, "heartbeat": true, "pageview": true, "pageviews": true,
}

// beacon reports whether an operation records what a client reports about
// itself (PeerTube's post /videos/{id}/views, /metrics/playback and
// /server/logs/client): a POST, under no administrative segment, that
// answers with no content (a 2xx without a body: the client learns
// nothing), whose last fixed segment is a beacon word, or client, browser
// or frontend under logs or metrics. Creating a database view returns it.
func beacon(op openapi.Operation) bool {
	if op.Method != "post" || openapi.PrivilegedSegment(op.Path) != "" || !answersNothing(op) {
		return false
	}
	var fixed []string
	for _, s := range strings.Split(strings.Trim(op.Path, "/"), "/") {
		if !strings.HasPrefix(s, "{") {
			fixed = append(fixed, strings.ToLower(s))
		}
	}
	if len(fixed) == 0 {
		return false
	}
	last := fixed[len(fixed)-1]
	if beaconWords[last] {
		return true
	}
	if len(fixed) > 1 {
		prev := fixed[len(fixed)-2]
		return (prev == "logs" || prev == "metrics") && (last == "client" || last == "browser" || last == "frontend")
	}
	return false
}

// answersNothing reports whether an operation declares success responses
// and none of them has content.
func answersNothing(op openapi.Operation) bool {
	if op.Op.Responses == nil {
		return false
	}
	ok := false
	for code, r := range op.Op.Responses.Map() {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		if r == nil || r.Value == nil || len(r.Value.Content) > 0 {
			return false
		}
		ok = true
	}
	return ok
}

// capabilityProse is how a description says that an operation's URL is a
// capability another operation hands out: a pre-signed or signed URL, the
// full URL "provided from" or "returned by" another call (va.gov's upload
// location from POST /document_uploads).
var capabilityProse = regexp.MustCompile(`(?i)\bpre-?signed\b|\bsigned (url|link|location)\b|\b(full )?url[^.]{0,40}\b(provided|returned|handed out|issued) (from|by|in)\b`)

func capabilityURL(op openapi.Operation) bool {
	return capabilityProse.MatchString(op.Op.Description) || capabilityProse.MatchString(op.Op.Summary)
}

// sseMessages returns the path of the event stream an MCP-style SSE
// transport pairs with op, or "": op is a POST to .../message or
// .../messages, and a GET at .../sse under the same parent requires
// credentials. The stream's first event hands out the message URL with a
// session id, so the URL addresses a session opened with credentials.
func sseMessages(doc *openapi3.T, op openapi.Operation) string {
	if op.Method != "post" || doc.Paths == nil {
		return ""
	}
	i := strings.LastIndex(op.Path, "/")
	if last := op.Path[i+1:]; last != "message" && last != "messages" {
		return ""
	}
	stream := op.Path[:i] + "/sse"
	item := doc.Paths.Value(stream)
	if item == nil || item.Get == nil {
		return ""
	}
	sec := openapi.EffectiveSecurity(doc, openapi.Operation{Path: stream, Method: "get", Item: item, Op: item.Get})
	if !sec.Set || sec.Anonymous() {
		return ""
	}
	return stream
}

// identityProviders name the protocols whose callback endpoints a browser
// reaches before it has a session.
var identityProviders = map[string]bool{"oidc": true, "oauth": true, "oauth2": true, "openid": true, "sso": true, "saml": true}

// authSegments name the path element under which an API keeps its
// authentication steps.
var authSegments = map[string]bool{"auth": true, "authentication": true}

// ownCredential names a header parameter of op that carries a credential
// the operation checks itself (an Authorization header, a webhook's HMAC
// signature: X-Hub-Signature, X-Dagu-Signature), or returns "": a webhook
// receiver that a third party calls describes its authentication as
// parameters, since it is no scheme the API's own clients use.
func ownCredential(op openapi.Operation) string {
	for _, list := range []openapi3.Parameters{op.Op.Parameters, op.Item.Parameters} {
		for _, ref := range list {
			if ref == nil || ref.Value == nil || ref.Value.In != "header" {
				continue
			}
			w := openapi.Words(ref.Value.Name)
			if slices.ContainsFunc(w, func(x string) bool { return credentialHeaderWords[x] }) &&
				!slices.Contains(w, "csrf") && !slices.Contains(w, "xsrf") {
				return ref.Value.Name
			}
		}
	}
	return ""
}

// credentialHeaderWords are the words of header names that carry a
// credential or a request signature.
var credentialHeaderWords = map[string]bool{
	"authorization": true, "signature": true, "token": true, "hmac": true, "apikey": true, "secret": true,
}

// preAuthPairs and preAuthSteps name the steps of a pre-authentication flow
// written as two segments: /password/reset, /otp/verify,
// /two-factor/confirm-request, /registrations/request.
var (
	preAuthPairs = map[string]bool{"password": true, "otp": true, "totp": true, "two-factor": true, "2fa": true, "mfa": true,
		"verification": true, "magic-link": true, "passwordless": true, "registrations": true}
	preAuthSteps = map[string]bool{"reset": true, "forgot": true, "verify": true, "check": true, "confirm": true,
		"request": true, "send": true, "resend": true, "confirm-request": true, "validate": true}
)

// oauthPaths are the URL paths of the OAuth endpoints a document's own
// flows name (authorizationUrl, tokenUrl, refreshUrl).
type oauthPaths []string

func oauthEndpoints(doc *openapi3.T) oauthPaths {
	var out oauthPaths
	add := func(raw string) {
		if u, err := url.Parse(raw); err == nil && strings.Trim(u.Path, "/") != "" {
			out = append(out, "/"+strings.Trim(u.Path, "/"))
		}
	}
	schemes := openapi.Schemes(doc)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Flows == nil {
			continue
		}
		f := ref.Value.Flows
		for _, flow := range []*openapi3.OAuthFlow{f.Implicit, f.Password, f.ClientCredentials, f.AuthorizationCode} {
			if flow != nil {
				add(flow.AuthorizationURL)
				add(flow.TokenURL)
				add(flow.RefreshURL)
			}
		}
	}
	return out
}

// oauthSiblings are the endpoints OAuth puts beside or under the token
// endpoint: device authorization (RFC 8628), revocation (RFC 7009) and
// introspection (RFC 7662). They authenticate the client in the request,
// not with the token they manage.
var oauthSiblings = map[string]bool{"device": true, "device_authorization": true, "revoke": true, "revocation": true, "introspect": true}

// covers reports whether an operation's path is one of the flows' OAuth
// endpoints (its URL path ends with the operation's path, the server's base
// path coming first), or an OAuth sibling beside or under the token
// endpoint.
func (o oauthPaths) covers(path string) bool {
	p := "/" + strings.Trim(path, "/")
	if p == "/" {
		return false
	}
	dir, last := "", p
	if i := strings.LastIndex(p, "/"); i >= 0 {
		dir, last = p[:i], p[i+1:]
	}
	for _, e := range o {
		if strings.HasSuffix(e, p) && (len(e) == len(p) || e[len(e)-len(p)-1] == '/') {
			return true
		}
		if !oauthSiblings[strings.ToLower(last)] {
			continue
		}
		edir := e[:strings.LastIndex(e, "/")]
		if dir != "" && (strings.HasSuffix(e, dir) || strings.HasSuffix(edir, dir)) {
			return true
		}
	}
	return false
}

// refuses reports whether an operation declares a 401 or 403 response.
func refuses(op openapi.Operation) bool {
	if op.Op.Responses == nil {
		return false
	}
	return op.Op.Responses.Value("401") != nil || op.Op.Responses.Value("403") != nil
}
