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
	switch {
	case host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "host.docker.internal" ||
		host == "0.0.0.0" || host == "::":
		return Loopback, u
	}
	if documentation(host) {
		return Reserved, u
	}
	if ip := net.ParseIP(host); ip != nil {
		switch {
		case ip.IsLoopback() || ip.IsUnspecified():
			return Loopback, u
		case ip.IsPrivate() || ip.IsLinkLocalUnicast():
			return Private, u
		}
		return Public, u
	}
	if !strings.Contains(host, ".") || strings.HasSuffix(host, ".local") || strings.HasSuffix(host, ".internal") ||
		strings.HasSuffix(host, ".lan") || strings.HasSuffix(host, ".home.arpa") || strings.HasSuffix(host, ".svc") ||
		strings.HasSuffix(host, ".cluster.local") {
		return Private, u
	}
	return Public, u
}

// URLSecrets returns what an endpoint carries inline that is a
// credential: a password in its user information, a query parameter with
// a secret's name, or a token of a known format anywhere in it. Each is
// described for a message ("the query parameter api_key").
func URLSecrets(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil
	}
	var out []string
	if p, ok := u.User.Password(); ok && literalSecret(p, true) {
		out = append(out, "a password in the URL")
	}
	q := u.Query()
	for _, name := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[name] {
			if SecretName(name) && literalSecret(v, false) {
				out = append(out, "the query parameter "+name)
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

// literalSecret reports whether a value named as a credential is written
// inline and looks live: not a reference, not a placeholder, and random
// (or, for a password, any literal at all).
func literalSecret(v string, password bool) bool {
	if References(v) || Placeholder(v) {
		return false
	}
	if service, _ := KnownToken(v); service != "" {
		return true
	}
	if password {
		return len(v) >= 8 && random(v, false)
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
