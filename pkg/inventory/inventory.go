// Package inventory is the model of an API inventory: the operations that
// OpenAPI documents describe, the routes that Go code registers, and the
// join of the two. The OpenAPI loader and the Go route analyzer fill it;
// the inventory command prints it and the drift rules read it. It does no
// I/O and knows neither kin-openapi nor go/analysis.
package inventory

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Pos is where something is written: a file relative to the scan root, a
// 1-based line and column, and for a document element its JSON pointer.
type Pos struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Pointer string `json:"pointer,omitempty"`
}

func (p Pos) String() string {
	if p.File == "" {
		return ""
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Operation is one operation of an OpenAPI document.
type Operation struct {
	Spec   string `json:"spec"`   // the document's root file
	Method string `json:"method"` // upper case
	Path   string `json:"path"`   // the key under paths, as written
	// Prefixes are the path parts of the document's server URLs (OpenAPI 3)
	// or its basePath (Swagger 2.0), without a trailing slash; "" stands
	// for none.
	Prefixes []string `json:"prefixes,omitempty"`
	At       Pos      `json:"at"`
	// Security lists the alternatives of the effective security
	// requirement, each as its scheme names joined with "+"; "none" is
	// the empty alternative.
	Security   []string `json:"security"`
	Anonymous  bool     `json:"anonymous"` // callable with no credentials
	SecurityAt Pos      `json:"securityAt"`
	// Bounds are the limits the document sets on the request body:
	// "maxLength of name", "maxItems of tags"...; empty when none.
	Bounds []string `json:"bounds,omitempty"`
	// Consequential is x-openai-isConsequential when written.
	Consequential *bool `json:"consequential,omitempty"`
	// MCP is true when the operation carries MCP tool annotations
	// (x-mcp, x-mcp-annotations).
	MCP bool `json:"mcp,omitempty"`
}

// Auth is what the code does about authentication on a route.
type Auth string

const (
	AuthYes     Auth = "yes"     // a credential check is on the way
	AuthNo      Auth = "no"      // served, and nothing checks credentials
	AuthUnknown Auth = "unknown" // served through code that cannot be followed
)

// Route is one route registration in Go code.
type Route struct {
	Module string `json:"module"` // the module's directory, relative to the scan root ("." for the root)
	// PlaceDir is the module's directory from the path the scan was
	// started on ("." for that path), which PlacePath grades: scanning
	// examples/ audits the modules below it as the project. "" when not
	// known; Module is read then.
	PlaceDir string `json:"-"`
	// Method is the HTTP method in upper case, several joined with ",",
	// or "" when the route answers every method.
	Method string `json:"method"`
	// MethodsUnknown: the route answers a list of methods that the
	// analysis could not read (chi Method or gin Match with a computed
	// list); Method is then "", and the route is not taken to answer
	// every method.
	MethodsUnknown bool   `json:"methodsUnknown,omitempty"`
	Path           string `json:"path"` // as the code writes it, group and mount prefixes included
	At             Pos    `json:"at"`
	Framework      string `json:"framework"` // net/http, chi, gin, echo, gorilla/mux, fiber
	Handler        string `json:"handler"`
	// Middleware are the route's own middleware, then its groups' and
	// routers', nearest first, as written in the code.
	Middleware []string `json:"middleware,omitempty"`
	Auth       Auth     `json:"auth"`
	// Conditional is true when an auth middleware on the way is applied
	// only on some branch of an if or switch.
	Conditional bool `json:"conditional,omitempty"`
	// ReadsBody: the handler reads and decodes the request body.
	ReadsBody bool `json:"readsBody,omitempty"`
	// BodyLimit names what limits the request body ("http.MaxBytesReader",
	// "middleware.RequestSize"); "" when nothing the analysis sees does.
	BodyLimit string `json:"bodyLimit,omitempty"`
	// Validates: the handler validates what it decoded (a validator
	// library, a Validate method).
	Validates bool `json:"validates,omitempty"`
	// ChecksMethod: the handler looks at the request method itself.
	ChecksMethod bool `json:"checksMethod,omitempty"`
	// NotImplemented: the handler only answers 501 Not Implemented (a
	// placeholder for an operation the service does not offer).
	NotImplemented bool `json:"notImplemented,omitempty"`
	// Page says how the handler answers with a page of a web UI or its
	// files, not an API response ("renders an HTML template
	// (ExecuteTemplate)"); "" when it does not.
	Page string `json:"-"`
	// Redirects are the paths of the same site that the handler redirects
	// to (301, 302, 303), a trailing "*" standing for a part computed at
	// run time ("/admin/clients/*").
	Redirects []string `json:"-"`
	// Websocket names the call by which the handler upgrades the
	// connection to a websocket ("websocket.Upgrade"), or "".
	Websocket string `json:"-"`
	// Recv is the type whose method the handler is
	// ("example.com/app/handlers.Admin"), or "".
	Recv string `json:"-"`
	// Timeouts describes the read timeouts of the servers started in the
	// route's package: "ReadHeaderTimeout", "none", or "" when no server
	// is started there.
	Timeouts string `json:"timeouts,omitempty"`
	// Reaches are the capabilities the handler reaches: "model call",
	// "command execution", "database write", "file write", ...
	Reaches []string `json:"reaches,omitempty"`
	// MCP is the kind of MCP server the route serves ("streamable HTTP",
	// "SSE"), "" for other routes.
	MCP string `json:"mcp,omitempty"`
	// Subtree: the handler is a router (a mounted sub-router,
	// http.DefaultServeMux), which serves everything under Path.
	Subtree bool `json:"subtree,omitempty"`
}

// AnyMethod reports whether the route answers every method.
func (r *Route) AnyMethod() bool { return r.Method == "" }

// Serves reports whether the route answers method m (upper case).
func (r *Route) Serves(m string) bool {
	if r.Method == "" {
		return true
	}
	for _, x := range strings.Split(r.Method, ",") {
		if x == m || (m == "HEAD" && x == "GET") {
			return true
		}
	}
	return false
}

// lists reports whether the route names method m (upper case) itself,
// not only through a GET that answers HEAD too.
func (r *Route) lists(m string) bool {
	return slices.Contains(strings.Split(r.Method, ","), m)
}

// Module is the Go routes of one module.
type Module struct {
	Dir    string  `json:"dir"`
	Routes []Route `json:"-"`
}

// Inputs are what the loaders produced.
type Inputs struct {
	Operations []Operation
	Modules    []Module
}

// segment kinds of a normalized path
const (
	segLit   = iota
	segParam // one segment, whatever its value
	segRest  // the rest of the path, zero or more segments
)

type seg struct {
	kind int
	lit  string
}

// SpecSegments splits an OpenAPI path template into segments: {name} is a
// parameter; a segment that mixes text and a parameter ("{id}.json")
// counts as a parameter.
func SpecSegments(p string) []seg {
	var out []seg
	for _, s := range splitPath(p) {
		if strings.Contains(s, "{") {
			out = append(out, seg{kind: segParam})
			continue
		}
		out = append(out, seg{lit: s})
	}
	return out
}

// CodeSegments splits a route path as a router writes it: chi and
// net/http {id}, {id:[0-9]+} (gorilla, chi), {path...} (net/http, the
// rest), :id and :id? (gin, echo, fiber), *, *name and + (the rest). A
// net/http pattern that ends in "/" matches the whole subtree; {$} anchors
// it to the path itself.
func CodeSegments(p, framework string) []seg {
	subtree := framework == "net/http" && strings.HasSuffix(p, "/") && !strings.HasSuffix(p, "{$}")
	p = strings.TrimSuffix(p, "{$}")
	var out []seg
	for _, s := range splitPath(p) {
		switch {
		case strings.HasSuffix(s, "...}") && strings.HasPrefix(s, "{"):
			out = append(out, seg{kind: segRest})
		case s == "*" || s == "+" || strings.HasPrefix(s, "*"):
			out = append(out, seg{kind: segRest})
		case strings.HasPrefix(s, ":") || strings.Contains(s, "{"):
			out = append(out, seg{kind: segParam})
		default:
			out = append(out, seg{lit: s})
		}
	}
	if subtree && (len(out) == 0 || out[len(out)-1].kind != segRest) {
		out = append(out, seg{kind: segRest})
	}
	return out
}

func splitPath(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Template writes segments back as a path with {} for each parameter and
// {...} for the rest: the form that spec and code share.
func Template(ss []seg) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteByte('/')
		switch s.kind {
		case segParam:
			b.WriteString("{}")
		case segRest:
			b.WriteString("{...}")
		default:
			b.WriteString(s.lit)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// match reports whether a route's segments match an operation's, and how
// specific the match is (higher is better): literal segments count most.
func match(route, op []seg) (int, bool) {
	score := 0
	for i, r := range route {
		if r.kind == segRest {
			return score, true
		}
		if i >= len(op) {
			return 0, false
		}
		o := op[i]
		switch {
		case r.kind == segLit && o.kind == segLit:
			if r.lit != o.lit {
				return 0, false
			}
			score += 4
		case r.kind == segParam && o.kind == segParam:
			score += 3
		case r.kind == segParam || o.kind == segParam:
			// a route parameter where the spec has a literal (or the
			// reverse): the route serves that path too, but loosely
			score++
		}
	}
	if len(route) != len(op) {
		return 0, false
	}
	return score + 1, true
}

// concrete reports whether a route has a literal segment, so that it
// serves something more specific than "everything under /".
func concrete(ss []seg) bool {
	return slices.ContainsFunc(ss, func(s seg) bool { return s.kind == segLit })
}

// Unclear reports whether a route's path could not be worked out from
// the code (a part of it is computed at run time).
func (r *Route) Unclear() bool { return strings.Contains(r.Path, "…") || r.Path == "" }

// PackageDir is the directory of the route's package within its module,
// which is what says whether it is example code or test scaffolding (the
// module's own place in the scan, testdata/ say, does not).
func (r *Route) PackageDir() string {
	dir := path.Dir(r.At.File)
	if r.Module != "." && r.Module != "" {
		dir = strings.TrimPrefix(strings.TrimPrefix(dir, r.Module), "/")
	}
	return dir
}

// PlacePath is what says whether the route is example code or test
// scaffolding: PackageDir, preceded by the module's directory when the
// module is nested in the scan (examples/proxy with a go.mod of its own).
// A testdata/ element of the module's directory, and what is above it, do
// not count.
func (r *Route) PlacePath() string {
	mod := r.Module
	if r.PlaceDir != "" {
		mod = r.PlaceDir
	}
	if mod == "." {
		mod = ""
	}
	if i := strings.LastIndex("/"+mod+"/", "/testdata/"); i >= 0 {
		mod = strings.Trim(("/" + mod + "/")[i+len("/testdata/"):], "/")
	}
	switch dir := r.PackageDir(); {
	case mod == "":
		return dir
	case dir == "" || dir == ".":
		return mod
	default:
		return mod + "/" + dir
	}
}

// Row is one endpoint of the inventory: an operation and the route that
// serves it, an operation no route serves, or a route no operation
// describes.
type Row struct {
	Method string     `json:"method"`
	Path   string     `json:"path"` // the operation's path with its prefix, or the route's
	Op     *Operation `json:"spec,omitempty"`
	Route  *Route     `json:"code,omitempty"`
	// Status is "matched", "spec-only" (zombie), "code-only" (shadow), or
	// "unmatched" when the side has no counterpart to compare with (a
	// module or document that is matched to nothing).
	Status string `json:"status"`
}

// Pairing says why a document and a module are taken to describe the same
// service.
type Pairing struct {
	Spec   string `json:"spec"`
	Module string `json:"module"`
	// Matched and Operations: how many of the document's operations the
	// module serves, out of how many.
	Matched    int    `json:"matchedOperations"`
	Operations int    `json:"operations"`
	Prefix     string `json:"prefix"` // the server or basePath prefix that made the match ("" = none)
	Shared     string `json:"sharedPrefix"`
	Paired     bool   `json:"paired"`
	// Scope is set when the module serves only part of the document (one
	// service of several that a gateway's document describes): the
	// shared prefix of the operations it serves. Only the document's
	// operations under it are expected of the module.
	Scope string `json:"scope,omitempty"`
	// Routes and RoutesMatched: how many of the module's routes (with a
	// literal segment and a path known at compile time) the document
	// describes.
	RoutesMatched int    `json:"matchedRoutes"`
	Routes        int    `json:"routes"`
	Why           string `json:"why"`
	// Packages are the module's packages (directories relative to the
	// scan root) that the document describes: each serves Threshold of
	// its operations (MinMatched at least), or the document lists
	// Threshold of the package's routes. Only their routes can be
	// shadows of it. LeftOut are the module's other packages with routes.
	Packages []string `json:"packages,omitempty"`
	LeftOut  []string `json:"leftOut,omitempty"`
}

// Threshold is the share of a document's operations that a module must
// serve (and MinMatched the least number) for the two to be paired. A
// module that serves less of the document is still paired, for the part
// under the shared prefix of what it serves, when the document describes
// Threshold of its routes (MinMatched at least) and that prefix is more
// than "/": one service behind a gateway that publishes one document for
// all. Drift is reported only between paired documents and modules.
const (
	Threshold  = 0.5
	MinMatched = 2
)

// Inventory is the join.
type Inventory struct {
	Rows     []Row     `json:"endpoints"`
	Pairings []Pairing `json:"pairings"`
	// LeftOut are, per module paired with a document, the packages whose
	// routes were compared with no document: none of the module's
	// documents describes them (see Pairing.Packages).
	LeftOut []LeftOut `json:"-"`
}

// LeftOut is the part of a module that its paired documents do not
// describe: packages that serve none of their operations and whose
// routes none of them lists. Their routes are not shadows of those
// documents; the module may hold several servers, and a document (an
// example input, another server's contract) describes only some.
type LeftOut struct {
	Module   string
	Specs    []string // the module's paired documents
	Packages []string // directories, relative to the scan root
	Routes   int      // routes of those packages that no document describes
	First    Pos      // the first of those routes
}

type hit struct {
	route, score, prefix int
	loose                bool
}

type opKey struct {
	spec string
	i    int
}

// Build joins operations and routes. Each operation is matched to the most
// specific route of each module that serves its method on its path (with
// each of the document's prefixes, or none); a document is paired with a
// module when the module serves at least Threshold of its operations
// (MinMatched at least, or all of a smaller document) through routes more
// specific than a catch-all.
func Build(in Inputs) *Inventory {
	inv := &Inventory{}
	specs := map[string][]int{} // spec -> indexes into in.Operations
	var specNames []string
	for i, op := range in.Operations {
		if _, ok := specs[op.Spec]; !ok {
			specNames = append(specNames, op.Spec)
		}
		specs[op.Spec] = append(specs[op.Spec], i)
	}
	slices.Sort(specNames)

	opSegs := make([][][]seg, len(in.Operations)) // per operation, per prefix (plus none)
	for i, op := range in.Operations {
		paths := []string{op.Path}
		for _, pre := range op.Prefixes {
			if pre != "" {
				paths = append([]string{strings.TrimSuffix(pre, "/") + "/" + strings.TrimPrefix(op.Path, "/")}, paths...)
			}
		}
		for _, p := range paths {
			opSegs[i] = append(opSegs[i], SpecSegments(p))
		}
	}

	// best[op][module] = route index, or -1
	best := make([][]hit, len(in.Operations))
	routeSegs := make([][][]seg, len(in.Modules))
	for m, mod := range in.Modules {
		for _, r := range mod.Routes {
			ss := CodeSegments(r.Path, r.Framework)
			if r.Subtree && (len(ss) == 0 || ss[len(ss)-1].kind != segRest) {
				ss = append(ss, seg{kind: segRest})
			}
			routeSegs[m] = append(routeSegs[m], ss)
		}
	}
	for i, op := range in.Operations {
		best[i] = make([]hit, len(in.Modules))
		for m, mod := range in.Modules {
			h := hit{route: -1}
			for ri := range mod.Routes {
				r := &mod.Routes[ri]
				if r.Unclear() || !r.Serves(op.Method) {
					continue
				}
				for pi, os := range opSegs[i] {
					score, ok := match(routeSegs[m][ri], os)
					if !ok {
						continue
					}
					if !r.AnyMethod() {
						score++ // a route for this very method beats one for any
					}
					if r.lists(op.Method) {
						score++ // and a HEAD route beats the GET route that answers HEAD too
					}
					if score > h.score || h.route < 0 {
						h = hit{route: ri, score: score, prefix: pi, loose: !concrete(routeSegs[m][ri]) || r.Subtree}
					}
				}
			}
			best[i][m] = h
		}
	}

	paired := map[[2]int]bool{}   // (spec index, module)
	scopes := map[[2]int]string{} // (spec index, module) -> scope of a partial pairing
	for si, name := range specNames {
		idx := specs[name]
		for m, mod := range in.Modules {
			// the module's routes that an operation of this document matches
			routeHit := map[int]bool{}
			for _, i := range idx {
				if h := best[i][m]; h.route >= 0 && !h.loose {
					routeHit[h.route] = true
				}
			}
			routesTotal := 0
			for ri := range mod.Routes {
				if !mod.Routes[ri].Unclear() && concrete(routeSegs[m][ri]) && !mod.Routes[ri].Subtree {
					routesTotal++
				}
			}
			n := 0
			var matchedPaths []string
			prefixUse := map[string]int{}
			for _, i := range idx {
				if h := best[i][m]; h.route >= 0 && !h.loose {
					n++
					matchedPaths = append(matchedPaths, Template(opSegs[i][h.prefix]))
					pre := ""
					if h.prefix < len(opSegs[i])-1 {
						pre = in.Operations[i].Prefixes[prefixIndex(in.Operations[i].Prefixes, h.prefix)]
					}
					prefixUse[pre]++
				}
			}
			if n == 0 {
				continue
			}
			need := max(MinMatched, int(float64(len(idx))*Threshold+0.999))
			if len(idx) < MinMatched {
				need = len(idx)
			}
			p := Pairing{Spec: name, Module: mod.Dir, Matched: n, Operations: len(idx), Shared: sharedPrefix(matchedPaths)}
			for pre, c := range prefixUse {
				if c > prefixUse[p.Prefix] || (c == prefixUse[p.Prefix] && pre < p.Prefix) {
					p.Prefix = pre
				}
			}
			p.RoutesMatched, p.Routes = len(routeHit), routesTotal
			p.Paired = n >= need
			share := fmt.Sprintf("%d of %d operations (%d%%) served", n, len(idx), 100*n/len(idx))
			if p.Prefix != "" {
				share += " under server prefix " + p.Prefix
			}
			if p.Shared != "" && p.Shared != "/" {
				share += ", shared prefix " + p.Shared
			}
			routeShare := fmt.Sprintf("%d of the module's %d routes described", p.RoutesMatched, p.Routes)
			partial := !p.Paired && p.RoutesMatched >= MinMatched && float64(p.RoutesMatched) >= float64(p.Routes)*Threshold &&
				p.Shared != "" && p.Shared != "/"
			switch {
			case p.Paired:
				p.Why = share
			case partial:
				p.Paired, p.Scope = true, p.Shared
				p.Why = fmt.Sprintf("%s, %s: paired for the operations under %s", share, routeShare, p.Shared)
				scopes[[2]int{si, m}] = p.Shared
			default:
				p.Why = fmt.Sprintf("%s, %s: below the %d%% (at least %d) of either needed to pair them", share, routeShare, int(Threshold*100), need)
			}
			paired[[2]int{si, m}] = p.Paired
			inv.Pairings = append(inv.Pairings, p)
		}
	}

	specIndex := map[string]int{}
	for si, n := range specNames {
		specIndex[n] = si
	}
	served := make([][]bool, len(in.Modules))
	for m, mod := range in.Modules {
		served[m] = make([]bool, len(mod.Routes))
	}
	for i := range in.Operations {
		op := &in.Operations[i]
		si := specIndex[op.Spec]
		found := false
		anyPair := false
		for m := range in.Modules {
			if !paired[[2]int{si, m}] {
				continue
			}
			if sc := scopes[[2]int{si, m}]; sc != "" && !under(Template(opSegs[i][0]), sc) && !under(Template(opSegs[i][len(opSegs[i])-1]), sc) {
				continue // the module serves another part of the document
			}
			anyPair = true
			if h := best[i][m]; h.route >= 0 {
				r := &in.Modules[m].Routes[h.route]
				served[m][h.route] = true
				inv.Rows = append(inv.Rows, Row{Method: op.Method, Path: Display(op), Op: op, Route: r, Status: "matched"})
				found = true
			}
		}
		if !found {
			status := "spec-only"
			if !anyPair {
				status = "unmatched"
			}
			inv.Rows = append(inv.Rows, Row{Method: op.Method, Path: Display(op), Op: op, Status: status})
		}
	}
	evident := packageEvidence(inv, in, specNames, specs, paired, best, routeSegs, served)
	for m, mod := range in.Modules {
		anyPair := false
		for si := range specNames {
			anyPair = anyPair || paired[[2]int{si, m}]
		}
		for ri := range mod.Routes {
			if served[m][ri] {
				continue
			}
			r := &mod.Routes[ri]
			status := "code-only"
			if !anyPair || !evident[m][RouteDir(r)] {
				status = "unmatched" // no document of the module describes this server
			}
			method := r.Method
			if method == "" {
				method = "ANY"
			}
			inv.Rows = append(inv.Rows, Row{Method: method, Path: r.Path, Route: r, Status: status})
		}
	}
	slices.SortStableFunc(inv.Rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(methodRank(a.Method), methodRank(b.Method)),
			cmp.Compare(a.Method, b.Method), cmp.Compare(rowFile(a), rowFile(b)), cmp.Compare(rowLine(a), rowLine(b)))
	})
	slices.SortFunc(inv.Pairings, func(a, b Pairing) int { return cmp.Or(cmp.Compare(a.Spec, b.Spec), cmp.Compare(a.Module, b.Module)) })
	return inv
}

// RouteDir is the directory of the file that registers r, relative to the
// scan root: the package, which stands for the server the route belongs
// to when a module holds several.
func RouteDir(r *Route) string { return path.Dir(r.At.File) }

// packageEvidence decides, for every paired document and module, which of
// the module's packages the document describes (Pairing.Packages), and
// returns per module the packages that some paired document describes. A
// module often holds several servers (an API server, a gateway, a mock
// service, a playground): a document that one of them serves says nothing
// about the others' routes. The evidence is overlap, package by package,
// by the module's own rule: the package serves Threshold of the document's
// operations (MinMatched at least, all of a smaller document), or the
// document lists Threshold of the package's routes (MinMatched at least,
// all of a one-route package). It records the packages left out, per
// module, in inv.LeftOut.
func packageEvidence(inv *Inventory, in Inputs, specNames []string, specs map[string][]int, paired map[[2]int]bool,
	best [][]hit, routeSegs [][][]seg, served [][]bool) []map[string]bool {
	evident := make([]map[string]bool, len(in.Modules))
	pairing := map[[2]string]*Pairing{}
	for i := range inv.Pairings {
		p := &inv.Pairings[i]
		pairing[[2]string{p.Spec, p.Module}] = p
	}
	for m, mod := range in.Modules {
		evident[m] = map[string]bool{}
		total := map[string]int{} // concrete routes per package
		var dirs []string
		for ri := range mod.Routes {
			r := &mod.Routes[ri]
			d := RouteDir(r)
			if !slices.Contains(dirs, d) {
				dirs = append(dirs, d)
			}
			if !r.Unclear() && concrete(routeSegs[m][ri]) && !r.Subtree {
				total[d]++
			}
		}
		slices.Sort(dirs)
		var specsOf []string
		for si, name := range specNames {
			if !paired[[2]int{si, m}] {
				continue
			}
			specsOf = append(specsOf, name)
			idx := specs[name]
			ops := map[string]int{}
			hitRoutes := map[int]bool{}
			for _, i := range idx {
				if h := best[i][m]; h.route >= 0 && !h.loose {
					ops[RouteDir(&mod.Routes[h.route])]++
					hitRoutes[h.route] = true
				}
			}
			hits := map[string]int{}
			for ri := range hitRoutes {
				hits[RouteDir(&mod.Routes[ri])]++
			}
			need := max(MinMatched, int(float64(len(idx))*Threshold+0.999))
			if len(idx) < MinMatched {
				need = len(idx)
			}
			p := pairing[[2]string{name, mod.Dir}]
			some := false // does one package, on its own, show the evidence?
			for _, d := range dirs {
				some = some || ops[d] >= need || hits[d] > 0 && hits[d] >= min(MinMatched, total[d]) && float64(hits[d]) >= float64(total[d])*Threshold
			}
			for _, d := range dirs {
				byOps := ops[d] >= need
				byRoutes := hits[d] > 0 && hits[d] >= min(MinMatched, total[d]) && float64(hits[d]) >= float64(total[d])*Threshold
				// a server split over packages, none enough alone: those
				// that serve its operations together
				if byOps || byRoutes || !some && ops[d] > 0 {
					evident[m][d] = true
					if p != nil {
						p.Packages = append(p.Packages, d)
					}
				} else if p != nil {
					p.LeftOut = append(p.LeftOut, d)
				}
			}
			if p != nil && len(p.Packages) > 0 && len(p.LeftOut) > 0 {
				p.Why += fmt.Sprintf("; it describes the routes of %s, not those of %s (they serve too few of its operations, and it lists too few of their routes)",
					list(p.Packages), list(p.LeftOut))
			}
		}
		if len(specsOf) == 0 {
			continue
		}
		lo := LeftOut{Module: mod.Dir, Specs: specsOf}
		for ri := range mod.Routes {
			r := &mod.Routes[ri]
			d := RouteDir(r)
			if served[m][ri] || evident[m][d] || r.Unclear() || r.MCP != "" {
				continue
			}
			if lo.Routes == 0 {
				lo.First = r.At
			}
			lo.Routes++
			if !slices.Contains(lo.Packages, d) {
				lo.Packages = append(lo.Packages, d)
			}
		}
		if lo.Routes > 0 {
			slices.Sort(lo.Packages)
			inv.LeftOut = append(inv.LeftOut, lo)
		}
	}
	return evident
}

// list joins names for a message: "a", "a and b", "a, b and 3 more".
func list(names []string) string {
	switch n := len(names); {
	case n == 1:
		return names[0]
	case n == 2:
		return names[0] + " and " + names[1]
	case n == 3:
		return names[0] + ", " + names[1] + " and " + names[2]
	default:
		return fmt.Sprintf("%s, %s and %d more", names[0], names[1], n-2)
	}
}

// under reports whether path p lies under prefix (whole segments).
func under(p, prefix string) bool {
	return p == prefix || strings.HasPrefix(p, strings.TrimSuffix(prefix, "/")+"/")
}

// prefixIndex turns the index of an operation's candidate path (prefixed
// paths first, the bare path last) into the index of its prefix among
// the non-empty ones.
func prefixIndex(prefixes []string, i int) int {
	n := -1
	for j, p := range prefixes {
		if p != "" {
			n++
			if n == i {
				return j
			}
		}
	}
	return 0
}

// Display is an operation's path with the first server prefix.
func Display(op *Operation) string {
	for _, p := range op.Prefixes {
		if p != "" {
			return strings.TrimSuffix(p, "/") + "/" + strings.TrimPrefix(op.Path, "/")
		}
	}
	return op.Path
}

func rowFile(r Row) string {
	if r.Route != nil {
		return r.Route.At.File
	}
	return r.Op.At.File
}

func rowLine(r Row) int {
	if r.Route != nil {
		return r.Route.At.Line
	}
	return r.Op.At.Line
}

var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}

func methodRank(m string) int {
	if i := slices.Index(methods, m); i >= 0 {
		return i
	}
	return len(methods)
}

// sharedPrefix is the longest run of leading literal segments common to
// the paths.
func sharedPrefix(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	common := splitPath(paths[0])
	for _, p := range paths[1:] {
		s := splitPath(p)
		n := 0
		for n < len(common) && n < len(s) && common[n] == s[n] {
			n++
		}
		common = common[:n]
	}
	for i, s := range common {
		if strings.HasPrefix(s, "{") {
			common = common[:i]
			break
		}
	}
	return "/" + strings.Join(common, "/")
}

// Drift is one difference between a paired document and module.
type Drift struct {
	Kind  string // "shadow", "zombie", "auth", "auth-reverse", "bounds", "method"
	Op    *Operation
	Route *Route
}

// Drifts lists the differences between paired documents and modules, in
// the inventory's order.
func (inv *Inventory) Drifts() []Drift {
	var out []Drift
	for _, row := range inv.Rows {
		switch row.Status {
		case "code-only":
			// an MCP endpoint is described by its tool list, not by paths
			if row.Route.MCP == "" {
				out = append(out, Drift{Kind: "shadow", Route: row.Route})
			}
		case "spec-only":
			out = append(out, Drift{Kind: "zombie", Op: row.Op})
		case "matched":
			op, r := row.Op, row.Route
			if r.Subtree {
				// a router served under a prefix: its own routes decide
				// authentication, bounds and methods
				continue
			}
			if !op.Anonymous && r.Auth == AuthNo {
				out = append(out, Drift{Kind: "auth", Op: op, Route: r})
			}
			if op.Anonymous && r.Auth == AuthYes && !r.Conditional {
				// (auth that may be off, GO105's, is not a claim the
				// document contradicts)
				out = append(out, Drift{Kind: "auth-reverse", Op: op, Route: r})
			}
			if len(op.Bounds) > 0 && r.ReadsBody && r.BodyLimit == "" && !r.Validates {
				out = append(out, Drift{Kind: "bounds", Op: op, Route: r})
			}
			if r.AnyMethod() && !r.MethodsUnknown && !r.ChecksMethod && r.MCP == "" {
				out = append(out, Drift{Kind: "method", Op: op, Route: r})
			}
		}
	}
	// A route that answers every method matches one row per documented
	// method: report it once.
	seen := map[[2]any]bool{}
	return slices.DeleteFunc(out, func(d Drift) bool {
		if d.Route == nil || d.Kind == "zombie" {
			return false
		}
		k := [2]any{d.Kind, d.Route}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}

// Methods lists, for a route, the documented methods of the operations
// matched to it, in the inventory's order.
func (inv *Inventory) Methods(r *Route) []string {
	var out []string
	for _, row := range inv.Rows {
		if row.Route == r && row.Op != nil && !slices.Contains(out, row.Op.Method) {
			out = append(out, row.Op.Method)
		}
	}
	return out
}
