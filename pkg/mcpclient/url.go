package mcpclient

import (
	"maps"
	"net"
	"net/url"
	"slices"
	"strings"
)

// Reach says where a plain-text URL leads.
type Reach int

const (
	Encrypted Reach = iota // https, wss, or no URL at all
	Loopback               // http to this machine: nothing crosses a network
	Reserved               // http to a name or address kept for documentation (example.com, .test, 192.0.2.0/24): no real server
	Private                // http to a private address or an unqualified name (a container, a LAN host)
	Public                 // http to anywhere else
)

// PlainHTTP parses an endpoint and says where it leads when it is plain
// http or ws; Encrypted otherwise, and for what is not a URL or is built
// from references (its host unknown until the client expands it).
func PlainHTTP(raw string) (Reach, *url.URL) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return Encrypted, nil
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "ws":
	default:
		return Encrypted, u
	}
	host := strings.ToLower(u.Hostname())
	if References(host) || strings.ContainsAny(host, "{}$%") {
		return Encrypted, u
	}
	return hostReach(host), u
}

// hostReach says where a lower-case host name or address leads.
func hostReach(host string) Reach {
	switch {
	case host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "host.docker.internal" ||
		host == "0.0.0.0" || host == "::":
		return Loopback
	}
	if documentation(host) {
		return Reserved
	}
	if ip := net.ParseIP(host); ip != nil {
		switch {
		case ip.IsLoopback() || ip.IsUnspecified():
			return Loopback
		case ip.IsPrivate() || ip.IsLinkLocalUnicast():
			return Private
		}
		return Public
	}
	if !strings.Contains(host, ".") || strings.HasSuffix(host, ".local") || strings.HasSuffix(host, ".internal") ||
		strings.HasSuffix(host, ".lan") || strings.HasSuffix(host, ".home.arpa") || strings.HasSuffix(host, ".svc") ||
		strings.HasSuffix(host, ".cluster.local") {
		return Private
	}
	return Public
}

// URLSecrets returns what an endpoint carries inline that is a
// credential: a password in its user information (or a user name that is
// itself a token, as in https://TOKEN@host), a query parameter with a
// secret's name, or a token of a known format anywhere in it. Each is
// described for a message ("the query parameter api_key"). raw may be a
// URL alone (an argument, a server's url) or a value holding one (an env
// variable such as DATABASE_URL, a header); the user information is read
// from every URL in it, whether or not the rest of it parses (a host
// written as ${DB_HOST} does not).
func URLSecrets(raw string) []string {
	var out []string
	for _, field := range strings.Fields(raw) {
		user, pass, hasPass, ok := userinfo(field)
		switch {
		case !ok:
		case hasPass && literalPassword(pass, user):
			out = append(out, "a password in the URL")
		case !hasPass && literalSecret(user):
			out = append(out, "a credential as the URL's user name")
		}
		if len(out) > 0 {
			break
		}
	}
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil {
		q := u.Query()
		for _, name := range slices.Sorted(maps.Keys(q)) {
			for _, v := range q[name] {
				if SecretName(name) && literalSecret(v) {
					out = append(out, "the query parameter "+name)
				}
			}
		}
	}
	if len(out) == 0 {
		if service, _ := KnownToken(raw); service != "" && !References(raw) {
			out = append(out, "a token ("+service+")")
		}
	}
	return out
}

// LoopbackHost returns the host of the first URL in raw that carries user
// information, when that host is the local machine (PlainHTTP's
// Loopback: localhost, a loopback or unspecified address,
// host.docker.internal): a database or service the
// developer runs on their own machine. "" otherwise.
func LoopbackHost(raw string) string {
	for _, field := range strings.Fields(raw) {
		if _, _, _, ok := userinfo(field); !ok {
			continue
		}
		u, err := url.Parse(field)
		if err != nil {
			return ""
		}
		if h := strings.ToLower(u.Hostname()); hostReach(h) == Loopback {
			return h
		}
		return ""
	}
	return ""
}

// userinfo reads the user information of a URL (scheme://user:pass@host):
// ok is false when s is not such a URL or has none. The parts are
// percent-decoded where they can be.
func userinfo(s string) (user, pass string, hasPass, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", "", false, false
	}
	// The scheme starts where its characters do: a URL may follow a
	// name (DATABASE_URL=postgres://...) or a quote.
	j := i
	for j > 0 && schemeChar(s[j-1]) {
		j--
	}
	for j < i && !('a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
		j++
	}
	if j == i {
		return "", "", false, false
	}
	auth := s[i+3:]
	if end := strings.IndexAny(auth, "/?#"); end >= 0 {
		auth = auth[:end]
	}
	at := strings.LastIndexByte(auth, '@')
	if at < 0 {
		return "", "", false, false
	}
	user, pass, hasPass = strings.Cut(auth[:at], ":")
	unescape := func(s string) string {
		if u, err := url.PathUnescape(s); err == nil {
			return u
		}
		return s
	}
	return unescape(user), unescape(pass), hasPass, user != "" || hasPass
}

func schemeChar(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '+' || b == '-' || b == '.'
}

// defaultPasswords are the passwords of development databases and
// services that READMEs and compose files write for a local instance, and
// the words that stand for a password in documentation
// (https://user:token@host): not worth an error each.
var defaultPasswords = map[string]bool{
	"password": true, "pass": true, "passwd": true, "pwd": true, "secret": true, "token": true,
	"root": true, "admin": true, "postgres": true, "mysql": true, "guest": true, "test": true,
	"user": true, "default": true, "demo": true, "dev": true, "minioadmin": true, "redis": true,
	"mongo": true, "sa": true, "apikey": true, "api_key": true, "key": true,
}

// literalPassword reports whether the password of a URL is written
// inline and real: not a reference, not a placeholder, not the user name
// again (postgres:postgres) nor a well-known default, and at least 4
// characters long. Passwords need not look random: s3cret is one.
func literalPassword(p, user string) bool {
	if References(p) || Placeholder(p) || len(p) < 4 || p == user || defaultPasswords[strings.ToLower(p)] {
		return false
	}
	return true
}

// literalSecret reports whether a value named as a credential (a query
// parameter, a user name standing alone) is written inline and looks
// live: not a reference, not a placeholder, and random or of a known
// token format.
func literalSecret(v string) bool {
	if References(v) || Placeholder(v) {
		return false
	}
	if service, _ := KnownToken(v); service != "" {
		return true
	}
	return Random(v)
}

// testNets are the address blocks RFC 5737 and RFC 3849 keep for
// documentation.
var testNets = func() []*net.IPNet {
	var out []*net.IPNet
	for _, c := range []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"} {
		_, n, _ := net.ParseCIDR(c)
		out = append(out, n)
	}
	return out
}()

// documentation reports whether a host is one that RFC 2606, RFC 6761,
// RFC 5737 or RFC 3849 reserve for examples: no server of a real
// configuration lives there, so it is an example or a test fixture.
func documentation(host string) bool {
	for _, d := range []string{"example.com", "example.net", "example.org"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid"} {
		if strings.HasSuffix(host, tld) {
			return true
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		for _, n := range testNets {
			if n.Contains(ip) {
				return true
			}
		}
	}
	return false
}
