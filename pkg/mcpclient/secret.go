package mcpclient

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// A credential written into a client configuration is one that lands in
// git with it. These helpers tell a live-looking credential from the ways
// clients let a file refer to one (${input:id}, ${env:NAME}, ${NAME},
// {env:NAME}) and from the placeholders that README snippets carry.

// tokenFormats are credentials recognisable by their prefix, each with
// the service it belongs to. The part after the prefix must also look
// random (see random), so that "ghp_xxxx..." stays a placeholder.
var tokenFormats = []struct {
	re      *regexp.Regexp
	service string
}{
	{regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36,}\b`), "GitHub token"},
	{regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{50,}\b`), "GitHub fine-grained token"},
	{regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}\b`), "GitLab token"},
	{regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{20,}\b`), "Slack token"},
	{regexp.MustCompile(`\bsk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{40,}`), "Anthropic API key"},
	{regexp.MustCompile(`\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}`), "OpenAI-style API key"},
	{regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`), "AWS access key id"},
	{regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`), "Google API key"},
	{regexp.MustCompile(`\b[rs]k_live_[A-Za-z0-9]{20,}\b`), "Stripe live key"},
	{regexp.MustCompile(`\bhf_[A-Za-z]{30,}\b`), "Hugging Face token"},
	{regexp.MustCompile(`\b(?:ntn_[A-Za-z0-9]{40,}|secret_[A-Za-z0-9]{43})\b`), "Notion token"},
	{regexp.MustCompile(`\blin_api_[A-Za-z0-9]{40}\b`), "Linear API key"},
	{regexp.MustCompile(`\bATATT[A-Za-z0-9_=-]{50,}`), "Atlassian API token"},
	{regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), "npm token"},
	{regexp.MustCompile(`\btvly-(?:dev-)?[A-Za-z0-9]{24,}\b`), "Tavily API key"},
	{regexp.MustCompile(`\bfc-[a-f0-9]{32}\b`), "Firecrawl API key"},
	{regexp.MustCompile(`\bpplx-[A-Za-z0-9]{40,}\b`), "Perplexity API key"},
	{regexp.MustCompile(`\bgsk_[A-Za-z0-9]{40,}\b`), "Groq API key"},
	{regexp.MustCompile(`\bsbp_[a-f0-9]{40}\b`), "Supabase access token"},
	{regexp.MustCompile(`\bfigd_[A-Za-z0-9_-]{30,}`), "Figma token"},
	{regexp.MustCompile(`\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b`), "Postman API key"},
	{regexp.MustCompile(`\bsntry[su]_[A-Za-z0-9_=+/-]{40,}`), "Sentry token"},
	{regexp.MustCompile(`\bdop_v1_[a-f0-9]{64}\b`), "DigitalOcean token"},
	{regexp.MustCompile(`\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b`), "Shopify token"},
}

// KnownToken returns the service of the first credential of a known
// format in s, and the credential; "" when there is none.
func KnownToken(s string) (service, token string) {
	for _, f := range tokenFormats {
		for _, m := range f.re.FindAllString(s, 4) {
			if random(m, false) {
				return f.service, m
			}
		}
	}
	return "", ""
}

// random reports whether a value looks generated rather than typed:
// long enough, with letters and (when digits is set) digits, no run of
// one character, and a Shannon entropy of at least 3 bits a character.
// "sk-xxxxxxxx...", "ghp_1234567890abcdef..." sequences and words fail it.
func random(s string, needDigits bool) bool {
	if len(s) < 16 || strings.ContainsAny(s, " \t") {
		return false
	}
	var letters, digits, repeats int
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
		if i >= 3 && s[i] == s[i-1] && s[i] == s[i-2] && s[i] == s[i-3] {
			repeats++
		}
	}
	if letters == 0 || needDigits && digits == 0 || repeats > 0 || sequential(s) {
		return false
	}
	return entropy(s) >= 3.0
}

// sequential catches the filler of examples: 1234567890, abcdef, qwerty.
func sequential(s string) bool {
	l := strings.ToLower(s)
	for _, seq := range []string{"1234567890", "0123456789", "abcdefghij", "qwertyuiop"} {
		if strings.Contains(l, seq[:8]) {
			return true
		}
	}
	return false
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// Random reports whether a credential written under a secret's name looks
// like a live one: long, mixed and high in entropy (see random), and not
// a placeholder.
func Random(s string) bool { return !Placeholder(s) && random(s, true) }

var reference = regexp.MustCompile(`\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{env:[^}]+\}|\{\{[^}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%`)

// References reports whether s refers to a value held elsewhere, the way
// clients expand it at start: ${input:id} and ${env:NAME} (VS Code,
// Cursor), ${NAME} and ${NAME:-default} (Claude Code), $NAME, {env:NAME}
// (opencode), {{NAME}} and %NAME%.
func References(s string) bool { return reference.MatchString(s) }

// Literal returns s with every reference cut out, and the defaults that
// ${NAME:-default} references give (which are written inline after all).
func Literal(s string) (rest string, defaults []string) {
	rest = reference.ReplaceAllStringFunc(s, func(ref string) string {
		if inner, ok := strings.CutPrefix(ref, "${"); ok {
			if _, def, ok := strings.Cut(strings.TrimSuffix(inner, "}"), ":-"); ok && def != "" {
				defaults = append(defaults, def)
			}
		}
		return " "
	})
	return rest, defaults
}

var placeholderWords = regexp.MustCompile(`(?i)your|<[^>]*>|\[[^\]]*\]|x{4,}|\*{3,}|\.\.\.|changeme|change[-_ ]me|replace|example|sample|dummy|placeholder|insert|redacted|todo|fixme|here|token_goes|secret_goes|fake|test[-_]?key|^(none|null|empty|n/?a|false|true)$`)

// Placeholder reports whether a value is a stand-in for a credential:
// "<YOUR_TOKEN>", "your-api-key", "sk-xxxx", "REPLACE_ME", ...
func Placeholder(s string) bool {
	return strings.TrimSpace(s) == "" || placeholderWords.MatchString(s)
}

// secretWords are the words of a name that say it holds a credential.
var secretWords = map[string]bool{
	"token": true, "key": true, "apikey": true, "secret": true, "password": true,
	"passwd": true, "pwd": true, "credential": true, "credentials": true, "pat": true,
	"auth": true, "authorization": true, "cookie": true, "bearer": true, "passphrase": true,
	"accesskey": true, "privatekey": true, "clientsecret": true, "sessionkey": true,
}

// notSecretWords, as the last word of a name, say that it holds something
// about a credential and not the credential: GITHUB_TOKEN_FILE,
// API_KEY_HEADER, AWS_ACCESS_KEY_ID, TOKEN_URL.
var notSecretWords = map[string]bool{
	"file": true, "path": true, "dir": true, "url": true, "uri": true, "endpoint": true,
	"id": true, "name": true, "header": true, "type": true, "prefix": true, "env": true,
	"var": true, "region": true, "format": true, "length": true, "len": true, "mode": true,
	"method": true, "kind": true, "scope": true, "scopes": true, "expiry": true,
	"expires": true, "ttl": true, "timeout": true, "host": true, "user": true,
	"username": true, "enabled": true, "required": true, "location": true, "store": true,
	"helper": true, "command": true, "cmd": true, "limit": true, "count": true,
}

// SecretName reports whether a variable, header or flag name says it holds
// a credential: GITHUB_PERSONAL_ACCESS_TOKEN, X-API-Key, apiKey,
// --auth-token, Authorization.
func SecretName(name string) bool {
	words := toolcat.Words(name)
	if len(words) == 0 || notSecretWords[words[len(words)-1]] {
		return false
	}
	for _, w := range words {
		if secretWords[w] {
			return true
		}
	}
	return false
}
