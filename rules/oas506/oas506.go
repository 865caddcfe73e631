// Package oas506 defines rule OAS506: real-looking credentials in examples,
// defaults and descriptions.
package oas506

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS506",
	Name: "secret-in-example",
	Doc: lint.Doc{
		Title: "Example holds what looks like a real credential",
		Summary: "An example, examples, default, x-example or code sample value, a description, or a " +
			"server URL holds a string shaped like a real API key, token or private key: OpenAI, " +
			"Anthropic, AWS, GitHub, GitLab, Slack, Stripe, Google, Hugging Face, SendGrid and npm keys, " +
			"JWTs and PEM private keys.",
		Why: `API descriptions are published: in developer portals, in public repositories,
in the catalogues agent platforms read. A key pasted into an example while
testing goes with them, and secret scanners and attackers crawl exactly
these places. Whoever finds it can call the provider as you, and spend your
money.

For AI agents there is one more path: examples and defaults are part of the
tool definition the model reads, so a key in them lands in the model's
context, where a prompt injection can ask for it, and in transcripts and
logs. An agent may even send it, since it is the documented default.

Matches are provider key shapes, not entropy guesses, so the rule is precise.
Obvious placeholders are skipped: values containing EXAMPLE, xxxx, your-,
placeholder, redacted, dummy, fake or sample, runs of one character, counting
sequences (1234567890, abcdef...), GitHub tokens whose built-in checksum
does not match, and the jwt.io sample token. Live keys are
errors. Stripe test-mode keys (sk_test_) are notes: they reach only test data
but still belong to an account. JWTs are warnings, with their expiry date in
the message: most published ones have expired, but their claims still reveal
user ids, repositories and internal issuers, and some have not. A JWT
whose signature segment is made up (not base64url, shorter than 32 bytes,
or typed: abc123..., a run of one character) is a documentation sample
that no server accepts, and a note. The message
shows only the start of the value.`,
		Fix: "replace the value with an obvious placeholder such as sk-...your-key..., and revoke the credential if it was ever a real one",
		Bad: `components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
paths:
  /v1/chat/completions:
    post:
      parameters:
        - name: X-Upstream-Key
          in: header
          example: sk-proj-Xq8vN2pLr5TfWk3Hs9JdYb7CmQa4EzUg6RtVn1KoPi0LwFhBx`,
		Good: `paths:
  /v1/chat/completions:
    post:
      parameters:
        - name: X-Upstream-Key
          in: header
          example: sk-proj-...your-key...`,
		Lang:      "yaml",
		Severity:  lint.SeverityError,
		NoteOnly:  "none of its 14 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "low",
		Grades: `- **error**: live keys, private keys and tokens of known providers.
- **warning**: JSON Web Tokens that have not expired.
- **note**: a key of known providers or a private key in a response example (documentation of what the server returns, usually a made-up sample: GitHub's published sample keys were every sampled warning); Stripe test-mode keys, and JSON Web Tokens that expired before 2025 (nothing left to revoke); JSON Web Tokens whose signature is made up: not base64url, fewer than 32 bytes (no signing algorithm makes fewer), or typed rather than computed (a counting sequence such as ` + "`abc123def456`" + `, a run of one character, too little randomness), a sample with a real header and payload that no server accepts (judged noise, 0 of 1 at warning); a private key in the example of a request field named for one (private_key, privateKey: the caller's own key the operation takes, and the example shows its shape, as DigitalOcean's certificate upload).`,
		CWE:   []int{798, 540},
		OWASP: []string{"API8:2023", "LLM02:2025"},
		Since: "v0.1.0",
	},
	Spec: run,
}

// documentation reports whether a literal shows what the server returns:
// an example of a response, of a schema used only in responses, or a named
// example that only responses refer to.
func documentation(l *openapi.Literal, responseOnly map[string]bool) bool {
	return strings.Contains(l.Pointer, "/responses/") || responseOnly[l.Pointer]
}

// expiredBefore is the date before which a JSON Web Token's expiry makes it
// a long-dead sample. It is a fixed date, moved forward with releases, not
// today: the same document gives the same findings on any day.
var expiredBefore = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)

const expiredNote = ", expired "

func run(pass *lint.SpecPass) error {
	// Schemas only in responses: their examples show what the server
	// returns.
	responseOnly := map[string]bool{}
	for _, s := range openapi.Schemas(pass.Doc) {
		if s.Uses == openapi.Response {
			responseOnly[s.Pointer] = true
		}
	}
	// Named examples that only responses refer to.
	inRequest, inResponse := map[string]bool{}, map[string]bool{}
	mark := func(c openapi3.Content, seen map[string]bool) {
		for _, mt := range c {
			if mt == nil {
				continue
			}
			for _, ex := range mt.Examples {
				if ex != nil && strings.HasPrefix(ex.Ref, "#/components/examples/") {
					seen[openapi.Pointer("components", "examples", strings.TrimPrefix(ex.Ref, "#/components/examples/"))] = true
				}
			}
		}
	}
	for _, op := range openapi.Operations(pass.Doc) {
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			mark(rb.Value.Content, inRequest)
		}
		if op.Op.Responses != nil {
			for _, r := range op.Op.Responses.Map() {
				if r != nil && r.Value != nil {
					mark(r.Value.Content, inResponse)
				}
			}
		}
	}
	for ptr := range inResponse {
		if !inRequest[ptr] {
			responseOnly[ptr] = true
		}
	}
	for _, l := range openapi.Literals(pass.Doc) {
		var found []match
		walk(l.Value, func(s string) {
			found = append(found, scan(s)...)
		}, 0)
		if len(found) == 0 {
			continue
		}
		// The worst first: a live key before a test key or a JWT.
		slices.SortStableFunc(found, func(a, b match) int { return int(a.sev) - int(b.sev) })
		m := found[0]
		more := ""
		if len(found) > 1 {
			more = fmt.Sprintf(" and %d more", len(found)-1)
		}
		sev, why := m.sev, ""
		switch {
		case m.expired:
			sev, why = lint.SeverityNote, " (a note: it expired long ago, so there is nothing left to revoke; replace it with a placeholder)"
		case m.madeUp != "":
			sev, why = lint.SeverityNote, " (a note: "+m.madeUp+", so no server accepts it: a documentation sample; replace it with a placeholder)"
		case sev == lint.SeverityError && documentation(l, responseOnly):
			sev, why = lint.SeverityNote, " (a note: a response example documents what the server returns and is usually a made-up sample; revoke it only if it was ever real)"
		case sev == lint.SeverityError && m.kind == "a private key" && keyUpload(l):
			// DigitalOcean's certificate upload: the example of the field
			// that takes the caller's private key shows what to send.
			sev, why = lint.SeverityNote, " (a note: the example of a field that takes the caller's own private key shows what a client uploads and is usually a published sample; revoke it only if it was ever real)"
		}
		pass.ReportSeverityf(sev, l.Pointer, l.Origin, l.Field, "%s of %s holds what looks like %s (%s)%s%s",
			l.Field, l.Element(), m.kind, m.redacted, more, why)
	}
	return nil
}

// walk calls f on every string in a decoded value.
func walk(v any, f func(string), depth int) {
	if depth > 32 {
		return
	}
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			walk(x, f, depth+1)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			walk(v[k], f, depth+1)
		}
	}
}

type match struct {
	kind     string
	redacted string
	sev      lint.Severity
	expired  bool   // a token that expired before expiredBefore
	madeUp   string // why a token's signature is no signature, or ""
}

// detector is one provider's key shape. prefix is how much of a match the
// message may show (-1: the header line of a PEM block); sev, when set,
// replaces error as the grade of its matches.
type detector struct {
	kind   string
	re     *regexp.Regexp
	prefix int
	sev    lint.Severity
	check  func(string) (lint.Severity, string, bool) // optional: grade, annotate or reject a match
}

var detectors = []detector{
	{kind: "an Anthropic API key", re: regexp.MustCompile(`\bsk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{40,}`), prefix: 13},
	{kind: "an OpenAI API key", re: regexp.MustCompile(`\bsk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b|\bsk-[A-Za-z0-9]{48}\b`), prefix: 8},
	{kind: "an AWS access key id", re: regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`), prefix: 8},
	{kind: "a GitHub token", re: regexp.MustCompile(`\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b`), prefix: 8, check: github},
	{kind: "a GitHub token", re: regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{60,}`), prefix: 15},
	{kind: "a GitLab token", re: regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}`), prefix: 10},
	{kind: "a Slack token", re: regexp.MustCompile(`\bxox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{10,}`), prefix: 9},
	{kind: "a Slack webhook URL", re: regexp.MustCompile(`https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}`), prefix: 33},
	{kind: "a Stripe secret key", re: regexp.MustCompile(`\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}`), prefix: 12, check: stripe},
	{kind: "a Stripe webhook secret", re: regexp.MustCompile(`\bwhsec_[A-Za-z0-9+/]{24,}`), prefix: 10},
	{kind: "a Google API key", re: regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`), prefix: 8},
	{kind: "a Hugging Face token", re: regexp.MustCompile(`\bhf_[A-Za-z]{34}\b`), prefix: 7},
	{kind: "a SendGrid API key", re: regexp.MustCompile(`\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b`), prefix: 7},
	{kind: "an npm token", re: regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), prefix: 8},
	{kind: jwtKind, re: regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}`), prefix: 10, sev: lint.SeverityWarning, check: jwt},
	{kind: "a private key", re: regexp.MustCompile(`-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\s\\n]*[A-Za-z0-9+/=\s\\n]{64,}`), prefix: -1},
}

const jwtKind = "a JSON Web Token"

// markers are the substrings a string must hold to be worth the regexps.
var markers = []string{"sk-", "sk_", "rk_", "AKIA", "ASIA", "ABIA", "ACCA", "gh", "github_pat_", "glpat-",
	"xox", "hooks.slack.com", "whsec_", "AIza", "hf_", "SG.", "npm_", "eyJ", "PRIVATE KEY"}

func scan(s string) []match {
	if len(s) < 20 || !slices.ContainsFunc(markers, func(m string) bool { return strings.Contains(s, m) }) {
		return nil
	}
	var out []match
	for _, d := range detectors {
		for _, v := range d.re.FindAllString(s, 8) {
			if placeholder(v) {
				continue
			}
			sev := d.sev
			if sev == lint.SeverityDefault {
				sev = lint.SeverityError
			}
			note := ""
			if d.check != nil {
				var ok bool
				if sev, note, ok = d.check(v); !ok {
					continue
				}
			}
			m := match{kind: d.kind, redacted: redact(v, d.prefix) + note, sev: sev, expired: strings.HasPrefix(note, expiredNote)}
			if d.kind == jwtKind && !m.expired {
				m.madeUp = madeUpSignature(v)
				if m.madeUp != "" {
					m.sev = lint.SeverityNote
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// redact keeps the first n characters, or the header line of a PEM block
// (n < 0).
func redact(v string, n int) string {
	if n < 0 {
		head, _, _ := strings.Cut(v, "-----\n")
		head, _, _ = strings.Cut(head, `-----\n`)
		return strings.TrimSuffix(head, "-----") + "-----…"
	}
	if n > len(v)/2 {
		n = len(v) / 2
	}
	return v[:n] + "…"
}

var (
	placeholderWords = []string{"example", "xxxx", "your", "placeholder", "redacted", "dummy", "fake",
		"sample", "replace", "insert", "changeme", "lorem"}
	placeholderMarks = []string{"<", "{", "...", "…", "****"}
	sequences        = []string{"0123456789", "1234567890", "abcdefghij", "abcdefghijklmnop", "qwertyuiop", "0000000000"}
)

// placeholder reports whether a match is an obvious stand-in for a key:
// AKIAIOSFODNN7EXAMPLE, sk-xxxxxxxx..., sk_test_1234567890abcdef, or one with
// too little randomness to be generated.
func placeholder(v string) bool {
	if placeholderText(v) {
		return true
	}
	for _, w := range placeholderMarks {
		if strings.Contains(v, w) {
			return true
		}
	}
	l := strings.ToLower(v)
	for _, s := range sequences {
		if strings.Contains(l, s) {
			return true
		}
	}
	if longestRun(v) >= 6 {
		return true
	}
	return entropy(v) < 3.0
}

// longestRun is the length of the longest run of one character.
func longestRun(s string) int {
	best, n := 0, 0
	for i := range len(s) {
		if i > 0 && s[i] == s[i-1] {
			n++
		} else {
			n = 1
		}
		best = max(best, n)
	}
	return best
}

// placeholderText reports whether a text says it is a stand-in.
func placeholderText(v string) bool {
	l := strings.ToLower(v)
	return slices.ContainsFunc(placeholderWords, func(w string) bool { return strings.Contains(l, w) })
}

// entropy is the Shannon entropy of a string in bits per character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// github rejects tokens whose checksum does not match: GitHub's token
// format ends in the CRC32 of the 30 random characters, in 6 base62 digits,
// so a made-up token (GitHub's own documentation uses
// ghu_16C7e42F292c6912E7710c838347Ae178B4a) fails it.
func github(v string) (lint.Severity, string, bool) {
	body := v[4:]
	random, sum := body[:30], body[30:]
	n := crc32.ChecksumIEEE([]byte(random))
	var enc [6]byte
	for i := 5; i >= 0; i-- {
		enc[i] = base62[n%62]
		n /= 62
	}
	return lint.SeverityError, "", string(enc[:]) == sum
}

// stripe grades Stripe keys: live keys are errors, test-mode keys notes.
func stripe(v string) (lint.Severity, string, bool) {
	if strings.Contains(v, "_test_") {
		return lint.SeverityNote, ", test mode", true
	}
	return lint.SeverityError, "", true
}

// jwtSample is the payload of the token jwt.io shows, found in countless
// documents.
// Its subject is enough to know it (whitespace removed).
const jwtSample = `"sub":"1234567890"`

// jwt rejects tokens that decode to the jwt.io sample, carry no signature
// algorithm, or are not JWTs at all, and notes the expiry of the others
// (the message says when, rather than the rule comparing with today, so
// that its output does not change with the date).
func jwt(v string) (lint.Severity, string, bool) {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return 0, "", false
	}
	var header struct {
		Alg string `json:"alg"`
	}
	h, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil || json.Unmarshal(h, &header) != nil || header.Alg == "" || strings.EqualFold(header.Alg, "none") {
		return 0, "", false
	}
	p, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return 0, "", false
	}
	compact := strings.Join(strings.Fields(string(p)), "")
	if strings.Contains(compact, jwtSample) || placeholderText(compact) {
		return 0, "", false
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	note := ""
	if json.Unmarshal(p, &claims) == nil {
		if exp, err := claims.Exp.Int64(); err == nil && exp > 0 {
			t := time.Unix(exp, 0).UTC()
			if t.Before(expiredBefore) {
				return lint.SeverityNote, expiredNote + t.Format(time.DateOnly), true
			}
			note = ", expiring " + t.Format(time.DateOnly)
		}
	}
	return lint.SeverityWarning, note, true
}

// madeUpSignature says why a JSON Web Token's signature segment cannot be a
// signature, or returns "": it is not base64url, it decodes to fewer than
// 32 bytes (no signing algorithm makes fewer: HS256 makes 32, RSA 128 or
// more), or it is typed rather than computed (a run of one character, a
// counting sequence such as abc123 or 123456, too little randomness). A
// documentation sample keeps a real header and payload and makes up the
// signature ("...abc123def456"); a real-looking signature keeps the token's
// grade.
func madeUpSignature(token string) string {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return ""
	}
	sig := parts[2]
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(sig, "="))
	switch {
	case err != nil:
		return "its signature segment is not base64url"
	case len(raw) < 32:
		return fmt.Sprintf("its signature is %d bytes, fewer than any signing algorithm makes", len(raw))
	case longestRun(sig) >= 6 || counting(sig) || entropy(sig) < 3.0:
		return "its signature is typed, not computed (" + redact(sig, 8) + ")"
	}
	return ""
}

// counting reports whether a third or more of a string's neighbouring
// characters count up (abc123def456, 0123456789): typed, not random, where
// a random base64url string has one such pair in sixty-four.
func counting(s string) bool {
	if len(s) < 8 {
		return false
	}
	n := 0
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1]+1 {
			n++
		}
	}
	return n*3 >= len(s)-1
}

// keyUpload reports whether a literal is the example of a request field
// named for a private key (private_key, privateKey, key_pem): the
// operation takes the caller's own key, and the example shows its shape.
func keyUpload(l *openapi.Literal) bool {
	if l.Field != "example" && l.Field != "examples" && l.Field != "x-example" {
		return false
	}
	i := strings.LastIndex(l.Pointer, "/properties/")
	if i < 0 {
		return false
	}
	name := l.Pointer[i+len("/properties/"):]
	if j := strings.IndexByte(name, '/'); j >= 0 {
		name = name[:j]
	}
	w := openapi.Words(name)
	return slices.Contains(w, "key") && (slices.Contains(w, "private") || slices.Contains(w, "pem"))
}
