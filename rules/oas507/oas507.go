// Package oas507 defines rule OAS507: server URLs that reveal internal
// hosts or undocumented non-production environments.
package oas507

import (
	"fmt"
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are the settings of OAS507.
type Options struct {
	// Environments are hostname words that mark a non-production
	// environment. Default: staging, stage, stg, dev, develop, development,
	// qa, uat, preprod, preproduction, nonprod. "sandbox" and "test" are not
	// among them: vendors publish sandbox and test environments for
	// integrators on purpose (api.sandbox.paypal.com, test.api.amadeus.com).
	Environments []string `yaml:"environments"`
	// AllowHosts are hosts never reported, exactly or as a parent domain:
	// "staging.example.com", or "example.com" for all its subdomains.
	AllowHosts []string `yaml:"allow-hosts"`
}

var options = Options{
	Environments: []string{"staging", "stage", "stg", "dev", "develop", "development",
		"qa", "uat", "preprod", "preproduction", "nonprod"},
}

var Rule = &lint.Rule{
	ID:   "OAS507",
	Name: "internal-server-url",
	Doc: lint.Doc{
		Title: "Server URL points at an internal host or an undocumented non-production environment",
		Summary: "A server (Swagger 2.0: host) is a private or link-local IP address, an internal " +
			"name (*.internal, *.corp, *.lan, *.svc.cluster.local, a.b.local, a name without dots " +
			"but with a port), a staging, dev or QA host that its description does not present as " +
			"such, or localhost listed next to public servers.",
		Why: `A published API description is a map for attackers: internal addresses and
host names tell them how the network is laid out and which hosts to aim a
server-side request forgery at, and a staging or QA host is often an older
build, with test accounts, debug endpoints and weaker protection, that
nobody keeps an inventory of.

Agents also follow the map. A platform or generated client picks a server
from the list, often the first, and an agent told to "use the test server"
by a prompt injection has one to use. Servers that are meant for the public
should be the only ones in a published document, and a non-production one
listed on purpose should say what it is.

Private and link-local addresses and internal names are warnings, except
a multicast DNS name (api.example.local, not cluster.local) in a document
that lists no public server or whose description calls it local: a
development copy's host name, which maps no network, is a note.
Non-production host names and localhost are notes: a staging host is not
reported when its server description names the environment (sandbox,
staging, test, development, QA...), and localhost is reported only when
public servers are listed too (a document listing only localhost is a
development copy). Sandbox and test hosts (api.sandbox.paypal.com,
test.api.amadeus.com) are published for integrators on purpose and are not
reported, nor are placeholders for self-hosted products: kubernetes.local,
a name without dots or port ("none"), text such as "Your API URL". A URL is reported once, where
it is first written. Host words and allowed hosts are options.`,
		Fix: "remove internal and non-production servers from the published document, or describe a deliberately public test environment in the server's description",
		Bad: `servers:
  - url: https://api.payments.example.com/v2
  - url: http://10.12.0.7:8080/v2
  - url: https://payments-staging.example.com/v2`,
		Good: `servers:
  - url: https://api.payments.example.com/v2
  - url: https://payments-staging.example.com/v2
    description: Staging environment for integration tests (test cards only)`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "low",
		CWE:       []int{200, 1059},
		OWASP:     []string{"API9:2023", "API8:2023"},
		Since:     "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	servers := openapi.Servers(pass.Doc)
	public := slices.ContainsFunc(servers, func(s *openapi.Server) bool {
		return slices.ContainsFunc(s.URLs(), func(u string) bool {
			pu := openapi.ParseServerURL(u)
			return hostname.MatchString(pu.Host) && !openapi.LoopbackHost(pu.Host) && internal(pu.Host, pu.Port) == ""
		})
	})
	seen := map[string]bool{} // a URL repeated on many path items is reported once
	for _, s := range servers {
		if seen[s.S.URL] {
			continue
		}
		seen[s.S.URL] = true
		for _, u := range s.URLs() {
			pu := openapi.ParseServerURL(u)
			host := pu.Host
			if !hostname.MatchString(host) || allowed(host) {
				continue // relative, unresolved or a placeholder such as "Your API URL"
			}
			if why := internal(host, pu.Port); why != "" {
				if openapi.LocalNetworkHost(host) && (!public || localDescription(s.S.Description)) {
					// A development copy's own host name (api.example.local
					// in /etc/hosts), as localhost is: it maps no network.
					pass.ReportSeverityf(lint.SeverityNote, s.Pointer, s.Origin(), "url",
						"server %q %s (a note: a multicast DNS name (*.local) %s is a local development host, which maps no network anyone else reaches)", u, why, devReason(public))
					break
				}
				pass.Reportf(s.Pointer, s.Origin(), "url", "server %q %s", u, why)
				break
			}
			if openapi.LoopbackHost(host) {
				if public {
					pass.ReportSeverityf(lint.SeverityNote, s.Pointer, s.Origin(), "url",
						"server %q is a local development server listed beside public ones", u)
				}
				break
			}
			if env := environment(host); env != "" && !described(s.S.Description) {
				pass.ReportSeverityf(lint.SeverityNote, s.Pointer, s.Origin(), "url",
					"server %q looks like a non-production (%s) environment, and its description does not say so", u, env)
				break
			}
		}
	}
	return nil
}

// internalSuffixes are DNS names that resolve only inside a network.
var internalSuffixes = []string{".svc.cluster.local", ".cluster.local", ".internal", ".local", ".localdomain", ".corp", ".lan", ".intranet",
	".intra", ".home.arpa", ".svc", ".private"}

// hostname matches host names and IP addresses, not placeholders.
var hostname = regexp.MustCompile(`^[a-z0-9_]([a-z0-9_.:-]*[a-z0-9])?$`)

// internal says why a host is internal, or "" when it is not. A name
// without dots counts only with a port (payments-api:9000): alone, it is
// more often a placeholder ("none") than a host.
func internal(host, port string) string {
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil {
		switch {
		case ip.IsPrivate():
			return fmt.Sprintf("points at a private network address (%s)", host)
		case ip.IsLinkLocalUnicast():
			return fmt.Sprintf("points at a link-local address (%s)", host)
		}
		return ""
	}
	if openapi.LoopbackHost(host) {
		return ""
	}
	for _, suf := range internalSuffixes {
		if !strings.HasSuffix(host, suf) {
			continue
		}
		if suf == ".local" && strings.Count(host, ".") == 1 {
			// kubernetes.local, printer.local: a placeholder for a
			// self-hosted product, or a device on the local network.
			return ""
		}
		return fmt.Sprintf("points at an internal host name (*%s)", suf)
	}
	if !strings.Contains(host, ".") && port != "" {
		return fmt.Sprintf("points at an internal host name (%q has no domain)", host)
	}
	return ""
}

// environment returns the word of a host name that marks a non-production
// environment: "staging" in api-staging.example.com or api.staging.example.com.
func environment(host string) string {
	labels := strings.Split(host, ".")
	if len(labels) < 3 {
		return "" // dev.to, test.com: the registered domain names the owner, not an environment
	}
	labels = labels[:len(labels)-2]
	for _, l := range labels {
		for w := range strings.FieldsFuncSeq(l, func(r rune) bool { return r == '-' || r == '_' || r >= '0' && r <= '9' }) {
			if slices.Contains(options.Environments, w) {
				return w
			}
		}
	}
	return ""
}

// descriptionWords present a server as a non-production environment on
// purpose.
var descriptionWords = []string{"sandbox", "staging", "stage", "test", "dev", "qa", "uat", "preprod",
	"pre-prod", "pre-production", "non-production", "nonprod", "demo", "mock", "integration"}

// localDescription reports whether a server's description presents it as
// a local or development server.
func localDescription(desc string) bool {
	d := strings.ToLower(desc)
	return strings.Contains(d, "local") || strings.Contains(d, "development")
}

func devReason(public bool) string {
	if public {
		return "that its description calls local"
	}
	return "in a document that lists no public server"
}

func described(desc string) bool {
	d := strings.ToLower(desc)
	return slices.ContainsFunc(descriptionWords, func(w string) bool { return strings.Contains(d, w) })
}

func allowed(host string) bool {
	for _, a := range options.AllowHosts {
		a = strings.ToLower(strings.TrimPrefix(a, "*."))
		if host == a || strings.HasSuffix(host, "."+a) {
			return true
		}
	}
	return false
}
