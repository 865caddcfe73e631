package openapi

import (
	"fmt"
	"maps"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Server is one server object of a document (root, path item or operation
// level), visited once, with the operations that are sent to it.
type Server struct {
	Pointer string // where it is written: /servers/0, /paths/~1pets/servers/0, /paths/~1pets/get/servers/0
	S       *openapi3.Server
	Users   []Operation // operations whose effective servers include it, in Operations order
}

// Origin is where the server is written.
func (s *Server) Origin() *openapi3.Origin { return s.S.Origin }

// maxServerURLs bounds how many variable combinations URLs expands.
const maxServerURLs = 32

// URLs returns the server's URL with its variables substituted: by each
// value of their enum when they have one, else by their default. A variable
// the server does not define is left as written. The first URL uses every
// default; at most 32 are returned.
func (s *Server) URLs() []string {
	urls := []string{s.S.URL}
	names := serverVarNames(s.S.URL)
	for _, name := range names {
		v := s.S.Variables[name]
		if v == nil {
			continue
		}
		values := []string{v.Default}
		for _, e := range v.Enum {
			if e != v.Default {
				values = append(values, e)
			}
		}
		var next []string
		for _, u := range urls {
			for _, val := range values {
				if len(next) < maxServerURLs {
					next = append(next, strings.ReplaceAll(u, "{"+name+"}", val))
				}
			}
		}
		urls = next
	}
	return slices.Compact(urls)
}

// serverVarNames lists the {variables} of a server URL in order, each once.
func serverVarNames(u string) []string {
	var out []string
	for {
		i := strings.IndexByte(u, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(u[i:], '}')
		if j < 0 {
			return out
		}
		if name := u[i+1 : i+j]; !slices.Contains(out, name) {
			out = append(out, name)
		}
		u = u[i+j+1:]
	}
}

// Servers lists every server object of the document, each once, where it is
// written: the root's, then each path item's and operation's in Operations
// order. A server that every operation overrides has no Users.
func Servers(t *openapi3.T) []*Server {
	if t == nil {
		return nil
	}
	var out []*Server
	var root []*Server
	for i, s := range t.Servers {
		if s != nil {
			srv := &Server{Pointer: Pointer("servers", itoa(i)), S: s}
			root = append(root, srv)
			out = append(out, srv)
		}
	}
	items := map[string][]*Server{}
	for _, op := range Operations(t) {
		users := root
		if len(op.Item.Servers) > 0 {
			if _, ok := items[op.Path]; !ok {
				var list []*Server
				for i, s := range op.Item.Servers {
					if s != nil {
						srv := &Server{Pointer: Pointer("paths", op.Path, "servers", itoa(i)), S: s}
						list = append(list, srv)
						out = append(out, srv)
					}
				}
				items[op.Path] = list
			}
			users = items[op.Path]
		}
		if op.Op.Servers != nil && len(*op.Op.Servers) > 0 {
			users = nil
			for i, s := range *op.Op.Servers {
				if s != nil {
					srv := &Server{Pointer: Join(op.Pointer, "servers", itoa(i)), S: s}
					users = append(users, srv)
					out = append(out, srv)
				}
			}
		}
		for _, srv := range users {
			srv.Users = append(srv.Users, op)
		}
	}
	return out
}

// ServerURL is the parts of a server URL that matter for transport checks.
type ServerURL struct {
	Scheme string // lowercase; "" for a relative URL or one written without a scheme
	Host   string // lowercase, without port or IPv6 brackets; "" for a relative URL
	Port   string
}

// ParseServerURL splits a (variable-substituted) server URL. A URL without
// a scheme, such as "api.example.com/v1", still yields its host.
func ParseServerURL(raw string) ServerURL {
	raw = strings.TrimSpace(raw)
	var out ServerURL
	s := raw
	if !strings.Contains(s, "://") {
		if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") || s == "" {
			return out // relative to where the document is served
		}
		s = "none://" + strings.TrimPrefix(s, "//")
	}
	u, err := url.Parse(s)
	if err != nil {
		// Variables left unresolved make url.Parse fail: cut by hand.
		scheme, rest, _ := strings.Cut(s, "://")
		host, _, _ := strings.Cut(rest, "/")
		if i := strings.LastIndexByte(host, '@'); i >= 0 {
			host = host[i+1:]
		}
		u = &url.URL{Scheme: scheme, Host: host}
	}
	out.Scheme = strings.ToLower(u.Scheme)
	if out.Scheme == "none" {
		out.Scheme = ""
	}
	out.Host = strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	out.Port = u.Port()
	return out
}

// LoopbackHost reports whether a host names the machine itself: localhost
// and *.localhost, 127.0.0.0/8, ::1, and the unspecified addresses 0.0.0.0
// and :: that development servers listen on.
func LoopbackHost(host string) bool {
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	return false
}

// LocalNetworkHost reports whether a host is a multicast DNS name (*.local,
// RFC 6762): a developer's machine or a device on the same network,
// resolved by nobody outside it, so never where an API is deployed for its
// callers. Kubernetes' cluster.local names are cluster-internal services,
// not development hosts, and do not count.
func LocalNetworkHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	return strings.HasSuffix(host, ".local") && !strings.HasSuffix(host, ".cluster.local")
}

// PrivateNameHost reports whether a URL's host is a single DNS label (no
// dot) other than localhost and IP addresses: a name that only one private
// network resolves (a container's service name, an intranet short name) or
// placeholder text ("to-be-configured-in-the-application-config"). It is
// never the address an API is published at for its callers.
func PrivateNameHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return host != "" && host != "localhost" && !strings.ContainsAny(host, ".:{}") && net.ParseIP(host) == nil
}

// Literal is a value written into a document for readers rather than for
// validation: an example, a default, a description, a code sample.
type Literal struct {
	Pointer string // the element that holds it
	Origin  *openapi3.Origin
	Field   string // its key in the element: "example", "default", "value", "description", "x-example", ...
	Value   any    // as decoded: string, number, bool, []any, map[string]any
	Name    string // for parameters and headers: `query parameter "limit"`, `header "X-Rate-Limit"`; else ""
}

// Element names the element that holds the literal, for messages.
func (l *Literal) Element() string {
	if l.Name != "" {
		return l.Name
	}
	return Describe(l.Pointer)
}

// exampleExtensions are the extensions tools use for examples and code
// samples.
var exampleExtensions = []string{"x-example", "x-examples", "x-code-samples", "x-codeSamples", "x-code-sample"}

// Literals lists the examples, defaults, descriptions and code samples of a
// document: of the info object, servers and their variables, security
// schemes, operations, parameters, request bodies, responses, headers,
// media types, named examples and every schema, including components that
// no operation uses. Each element is visited once, where it is written.
func Literals(t *openapi3.T) []*Literal {
	if t == nil {
		return nil
	}
	w := &literalWalker{seen: map[string]bool{}}
	if t.Info != nil {
		w.add("/info", t.Info.Origin, "description", t.Info.Description)
	}
	for _, s := range Servers(t) {
		w.add(s.Pointer, s.S.Origin, "url", s.S.URL)
		for _, name := range slices.Sorted(maps.Keys(s.S.Variables)) {
			if v := s.S.Variables[name]; v != nil {
				w.add(Join(s.Pointer, "variables", name), v.Origin, "default", v.Default)
			}
		}
	}
	schemes := Schemes(t)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		if s := schemes[name]; s != nil && s.Value != nil {
			w.add(Pointer("components", "securitySchemes", name), s.Value.Origin, "description", s.Value.Description)
		}
	}
	for _, op := range Operations(t) {
		o := op.Op
		w.add(op.Pointer, o.Origin, "description", o.Description)
		w.extensions(op.Pointer, o.Origin, o.Extensions)
		if rb := o.RequestBody; rb != nil && rb.Value != nil {
			ptr := Join(op.Pointer, "requestBody")
			if rb.Ref != "" {
				ptr = refPointer(rb.Ref, ptr)
			}
			w.requestBody(ptr, rb.Value)
		}
		if o.Responses != nil {
			resps := o.Responses.Map()
			for _, code := range slices.Sorted(maps.Keys(resps)) {
				if r := resps[code]; r != nil && r.Value != nil {
					ptr := Join(op.Pointer, "responses", code)
					if r.Ref != "" {
						ptr = refPointer(r.Ref, ptr)
					}
					w.response(ptr, r.Value)
				}
			}
		}
	}
	for _, p := range Parameters(t) {
		w.param(p.Pointer, p.P)
	}
	if c := t.Components; c != nil {
		for _, name := range slices.Sorted(maps.Keys(c.Parameters)) {
			if p := c.Parameters[name]; p != nil && p.Value != nil && p.Ref == "" {
				w.param(Pointer("components", "parameters", name), p.Value)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.RequestBodies)) {
			if rb := c.RequestBodies[name]; rb != nil && rb.Value != nil && rb.Ref == "" {
				w.requestBody(Pointer("components", "requestBodies", name), rb.Value)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Responses)) {
			if r := c.Responses[name]; r != nil && r.Value != nil && r.Ref == "" {
				w.response(Pointer("components", "responses", name), r.Value)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.Headers)) {
			if h := c.Headers[name]; h != nil && h.Value != nil && h.Ref == "" {
				w.param(Pointer("components", "headers", name), &h.Value.Parameter)
			}
		}
		w.examples(Pointer("components"), c.Examples)
	}
	for _, s := range Schemas(t) {
		v := s.S
		w.add(s.Pointer, v.Origin, "description", v.Description)
		w.add(s.Pointer, v.Origin, "example", v.Example)
		w.add(s.Pointer, v.Origin, "default", v.Default)
		if len(v.Examples) > 0 {
			w.add(s.Pointer, v.Origin, "examples", v.Examples)
		}
		w.extensions(s.Pointer, v.Origin, v.Extensions)
	}
	return w.out
}

type literalWalker struct {
	seen map[string]bool
	out  []*Literal
	name string // Name of the literals being added
}

func (w *literalWalker) add(ptr string, o *openapi3.Origin, field string, v any) {
	if v == nil || v == "" {
		return
	}
	key := originFile(o) + "#" + ptr + "#" + field
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	w.out = append(w.out, &Literal{Pointer: ptr, Origin: o, Field: field, Value: v, Name: w.name})
}

func (w *literalWalker) extensions(ptr string, o *openapi3.Origin, ext map[string]any) {
	for _, k := range exampleExtensions {
		if v, ok := ext[k]; ok {
			w.add(ptr, o, k, v)
		}
	}
}

func (w *literalWalker) param(ptr string, p *openapi3.Parameter) {
	switch {
	case p.In != "":
		w.name = fmt.Sprintf("%s parameter %q", p.In, p.Name)
	case strings.Contains(ptr, "/headers/"):
		toks := Split(ptr)
		w.name = fmt.Sprintf("header %q", toks[len(toks)-1])
	}
	defer func() { w.name = "" }()
	w.add(ptr, p.Origin, "description", p.Description)
	w.add(ptr, p.Origin, "example", p.Example)
	w.extensions(ptr, p.Origin, p.Extensions)
	w.examples(ptr, p.Examples)
	w.content(ptr, p.Content)
}

func (w *literalWalker) requestBody(ptr string, rb *openapi3.RequestBody) {
	w.add(ptr, rb.Origin, "description", rb.Description)
	w.content(ptr, rb.Content)
}

func (w *literalWalker) response(ptr string, r *openapi3.Response) {
	if r.Description != nil {
		w.add(ptr, r.Origin, "description", *r.Description)
	}
	w.content(ptr, r.Content)
	for _, name := range slices.Sorted(maps.Keys(r.Headers)) {
		if h := r.Headers[name]; h != nil && h.Value != nil {
			hp := Join(ptr, "headers", name)
			if h.Ref != "" {
				hp = refPointer(h.Ref, hp)
			}
			w.param(hp, &h.Value.Parameter)
		}
	}
}

func (w *literalWalker) content(ptr string, c openapi3.Content) {
	for _, mt := range slices.Sorted(maps.Keys(c)) {
		if m := c[mt]; m != nil {
			mp := Join(ptr, "content", mt)
			w.add(mp, m.Origin, "example", m.Example)
			w.examples(mp, m.Examples)
		}
	}
}

func (w *literalWalker) examples(ptr string, ex openapi3.Examples) {
	for _, name := range slices.Sorted(maps.Keys(ex)) {
		e := ex[name]
		if e == nil || e.Value == nil {
			continue
		}
		ep := Join(ptr, "examples", name)
		if e.Ref != "" {
			ep = refPointer(e.Ref, ep)
		}
		w.add(ep, e.Value.Origin, "value", e.Value.Value)
		w.add(ep, e.Value.Origin, "description", e.Value.Description)
	}
}

// SignatureScheme reports whether a security scheme signs each request with
// a secret the client keeps (AWS Signature Version 4, an HMAC of the
// request) rather than sending a secret: API Gateway's
// x-amazon-apigateway-authtype, or a description that says so.
func SignatureScheme(s *openapi3.SecurityScheme) bool {
	if s == nil {
		return false
	}
	if v, ok := s.Extensions["x-amazon-apigateway-authtype"].(string); ok {
		switch strings.ToLower(v) {
		case "awssigv4", "aws_iam", "sigv4":
			return true
		}
	}
	d := strings.ToLower(s.Description)
	return strings.Contains(d, "signature") && (strings.Contains(d, "v4") || strings.Contains(d, "hmac") ||
		strings.Contains(d, "sign each request") || strings.Contains(d, "signed request"))
}
