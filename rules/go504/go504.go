// Package go504 defines rule GO504: a route that the Go code serves and
// the OpenAPI document of the service does not describe (a shadow API).
package go504

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO504",
	Name: "shadow-route",
	Doc: lint.Doc{
		Title: "Route is served but not in the service's OpenAPI document",
		Summary: "A route registered in Go code (net/http, chi, gin, echo, gorilla/mux, fiber) that no operation of the " +
			"OpenAPI document paired with its module describes: a shadow endpoint.",
		Why: `An endpoint that the API description leaves out escapes everything that
reads the description: the gateway's allow-list, the security review, the
scanners, the client SDKs and the agents that pick their tools from it.
Shadow endpoints are how debug handlers, old admin routes and half-finished
features stay reachable in production (OWASP API9:2023, improper
inventory). The rule compares the routes each Go module registers with the
operations of the OpenAPI document that the module is matched to (see
docs/inventory.md: a document is paired with a module when the module
serves at least half of its operations), and reports the routes that no
operation describes. A module that no document is paired with gets no
finding: its spec, if any, is elsewhere. A module often holds several
servers (an API server, a gateway, a mock service, a playground), and a
document describes only some: only the routes of packages with evidence
are compared with it (the package serves half of the document's
operations, or the document lists half of the package's routes); the
routes of the module's other packages get one note, which names the
documents considered.`,
		Fix: "describe the route in the OpenAPI document, or remove it from the code",
		Bad: `// openapi.yaml documents GET /items only
r.Get("/items", listItems)
r.Post("/internal/reindex", reindex) // served, documented nowhere`,
		Good: `r.Get("/items", listItems)
// POST /internal/reindex removed, or added to openapi.yaml`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "One note per module for the routes of packages that no paired document describes (they serve too few of its operations and it lists too few of their routes), instead of a warning per route: another server of the module, compared with a document that is not its own (an example input under examples/, another service's contract). A note for routes in test scaffolding (test/, testutil, fake and mock servers) and example code (examples/, showcases/, a *-tester tool), which are not the service's API; for MCP transport endpoints; for operational endpoints (health and readiness probes, /metrics, /debug/, the API's documentation, OAuth redirects); for a catch-all / route, file servers and the static files of a web UI (index.html, manifest.json, app.js, everything under a static/ or assets/ directory); for a GET that answers with a page (its handler, of any package of the module, renders an html/template, calls a framework's HTML or Render, serves files or sets a text/html content type, itself or through a helper of the program that does, unless the handler also answers JSON). A note too for the other routes of a server-rendered web UI: a route that answers with a redirect (301, 302 or 303) to a page of the module (a form post, Post/Redirect/Get; a redirect to a redirect to a page counts), a websocket whose handler is a method of the type whose methods serve the UI's pages, and any route under the first path segment of a UI (/admin) where the module serves at least two pages, its pages, redirects to them and files make at least half of its routes, and the document describes nothing (a version or /api segment is never a UI's). A HEAD route matches the document's HEAD operation before a GET route (which answers HEAD too) does. Routes whose path is computed at run time are not reported. A note too for the mount of a handler whose own routes the document describes (a subtree pattern such as /playground/, or a mounted router, with documented operations under it, and the bare /playground registered to the same handler beside it); a bare path with no such twin stays a finding. A note too for a route whose handler (of any package of the module) only answers 501 Not Implemented, a placeholder; operational paths are recognised under a version or /api prefix (/v0/swagger/, /api/v1/health).",
		Precision: "medium",
		CWE:       []int{1059},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.3.0",
	},
	Drift: run,
}

func run(pass *lint.DriftPass) error {
	ui := webUI(pass.Inventory)
	for _, d := range pass.Inventory.Drifts() {
		if d.Kind != "shadow" || d.Route.Unclear() {
			continue
		}
		r := d.Route
		method := r.Method
		if method == "" {
			method = "ANY"
		}
		specs := pairedSpecs(pass.Inventory, r.Module)
		docs := strings.Join(specs, ", ")
		if len(specs) > 2 {
			docs = fmt.Sprintf("%s and %d more documents", specs[0], len(specs)-1)
		}
		msg := fmt.Sprintf("%s %s is served here but described in no operation of %s", method, r.Path, docs)
		why := goapi.PlaceReason(r.PlacePath()) // a test server or an example is not the service's API
		if why == "" {
			why = notAnOperation(r)
		}
		if why == "" {
			why = mountOfDescribed(pass.Inventory, r, specs)
		}
		if why == "" {
			why = ui.why(pass.Inventory, r, specs)
		}
		if why != "" {
			pass.Report(lint.Finding{RuleID: pass.Rule.ID, Severity: lint.SeverityNote, Message: msg + " (a note: " + why + ")", Location: lint.InventoryAt(r.At)})
			continue
		}
		pass.Reportf(r.At, "%s", msg)
	}
	for _, lo := range pass.Inventory.LeftOut {
		pass.Report(lint.Finding{RuleID: pass.Rule.ID, Severity: lint.SeverityNote, Location: lint.InventoryAt(lo.First), Message: leftOutMessage(lo)})
	}
	return nil
}

// mountOfDescribed says why a route is the mount of a handler whose own
// routes the paired documents describe, or "": a subtree (a net/http
// pattern ending in "/", a mounted router) with operations under it, or
// the bare path registered to the same handler beside such a subtree
// (mux.Handle("/playground", h) next to mux.Handle("/playground/", h)).
// The operations below it are compared with the handler's own routes; the
// mount itself is not an operation. A bare path with no such twin stays
// a finding: /users beside a documented /users/{id} is a list endpoint
// nobody described.
func mountOfDescribed(inv *inventory.Inventory, r *inventory.Route, specs []string) string {
	prefix := ""
	switch {
	case r.Subtree || r.Framework == "net/http" && strings.HasSuffix(r.Path, "/"):
		prefix = strings.TrimSuffix(r.Path, "/") + "/"
	default:
		for _, row := range inv.Rows {
			o := row.Route
			if o != nil && o != r && o.Module == r.Module && o.Handler != "" && o.Handler == r.Handler &&
				o.Path == r.Path+"/" && (o.Subtree || o.Framework == "net/http") {
				prefix = o.Path
				break
			}
		}
	}
	if prefix == "" || prefix == "/" {
		return ""
	}
	n := 0
	for _, row := range inv.Rows {
		op := row.Op
		if op == nil || !slices.Contains(specs, op.Spec) {
			continue
		}
		for _, pre := range append([]string{""}, op.Prefixes...) {
			if strings.HasPrefix(pre+op.Path, prefix) {
				n++
				break
			}
		}
	}
	if n == 0 {
		return ""
	}
	ops := fmt.Sprintf("%d operations", n)
	if n == 1 {
		ops = "1 operation"
	}
	return fmt.Sprintf("it mounts a handler under %s, where the document describes %s, compared with the handler's own routes", prefix, ops)
}

// leftOutMessage says which documents were considered for the routes of
// a module's packages that none of them describes, and why none was
// compared with them: one note per module, at the first such route.
func leftOutMessage(lo inventory.LeftOut) string {
	docs := strings.Join(lo.Specs, ", ")
	if len(lo.Specs) > 2 {
		docs = fmt.Sprintf("%s and %d more documents", lo.Specs[0], len(lo.Specs)-1)
	}
	routes := "1 route"
	if lo.Routes > 1 {
		routes = fmt.Sprintf("%d routes", lo.Routes)
	}
	where := ""
	for _, s := range lo.Specs {
		dir := path.Dir(s) // the document's place within the module
		if lo.Module != "." && lo.Module != "" {
			dir = strings.TrimPrefix(strings.TrimPrefix(dir, lo.Module), "/")
		}
		if p, el := goapi.PlaceOf(dir); p != goapi.Production {
			where = fmt.Sprintf("; %s sits under %s, an example or test input, not a server's contract", s, el)
			break
		}
	}
	verb, its, it := "describes", "its", "it lists"
	if len(lo.Specs) > 1 {
		verb, its, it = "describe", "their", "they list"
	}
	return fmt.Sprintf("%s of %s compared with no OpenAPI document: %s %s other servers of the module, and these packages serve too few of %s operations and %s too few of their routes%s (a note: no shadow route is reported without evidence that a document describes the server)",
		routes, packages(lo.Packages), docs, verb, its, it, where)
}

func packages(dirs []string) string {
	switch n := len(dirs); {
	case n == 1:
		return dirs[0]
	case n <= 3:
		return strings.Join(dirs[:n-1], ", ") + " and " + dirs[n-1]
	default:
		return fmt.Sprintf("%s, %s and %d more packages", dirs[0], dirs[1], n-2)
	}
}

// operational are path prefixes (lower case) of endpoints that serve the
// service's operators and tools rather than its API: health and readiness
// probes, metrics, profiling, the API's own documentation, OAuth
// redirects. API documents leave them out by convention.
var operational = []string{
	"/health", "/healthz", "/livez", "/readyz", "/ready", "/ping", "/metrics",
	"/debug/", "/swagger", "/docs", "/redoc", "/openapi", "/favicon.ico",
	"/.well-known/", "/oauth/callback", "/callback",
}

// Operational reports whether a route path is an operational endpoint
// (health, metrics, debugging, the API's documentation, an OAuth
// redirect), under the API's version or /api prefix or not: /healthz,
// /v0/swagger/, /api/v1/metrics.
func Operational(path string) bool {
	low := strings.ToLower(path)
	for {
		for _, p := range operational {
			if low == strings.TrimSuffix(p, "/") || strings.HasPrefix(low, p) && (strings.HasSuffix(p, "/") || len(low) == len(p) || strings.ContainsRune("/?", rune(low[len(p)]))) {
				return true
			}
		}
		seg, rest, ok := strings.Cut(strings.TrimPrefix(low, "/"), "/")
		if !ok || !versionSegment(seg) {
			return false
		}
		low = "/" + rest
	}
}

// versionSegment: api, v1, v2beta, v0.
func versionSegment(seg string) bool {
	if seg == "api" {
		return true
	}
	if len(seg) < 2 || seg[0] != 'v' || seg[1] < '0' || seg[1] > '9' {
		return false
	}
	return true
}

// notAnOperation says why a shadow route is not an operation that the
// OpenAPI document should describe, or "": an MCP transport endpoint, an
// operational endpoint, or a catch-all that serves what no other route
// does (a redirect to the UI, a file server, a 404 page).
func notAnOperation(r *inventory.Route) string {
	if r.NotImplemented {
		return "its handler (" + r.Handler + ") only answers 501 Not Implemented: a placeholder, not an operation to describe"
	}
	if r.MCP != "" {
		return "an MCP transport endpoint (" + r.MCP + "), which MCP clients reach by its URL, not through the OpenAPI document"
	}
	low := strings.ToLower(r.Path)
	if Operational(r.Path) {
		return "an operational endpoint (health, metrics, debugging, documentation or an OAuth redirect), which API documents leave out"
	}
	if low == "/" && (r.Method == "" || r.Method == "GET" || r.Method == "HEAD") {
		return "a catch-all route (/) that answers what no other route does: a fallback, not an operation"
	}
	if strings.Contains(r.Handler, "FileServer") {
		return "it serves files (" + r.Handler + ")"
	}
	get := r.Method == "" || r.Method == "GET" || r.Method == "HEAD" || r.Method == "GET,HEAD"
	if r.Page != "" && get {
		return "a page of a web UI, not an API operation: its handler " + r.Page
	}
	if dir := assetDir(low); dir != "" && get {
		return "it serves the files under a web UI's " + dir + " directory, not an operation"
	}
	if asset := staticAsset(low); asset != "" && (r.Method == "" || r.Method == "GET" || r.Method == "HEAD" || r.Method == "GET,HEAD") {
		return "it serves a static file of a web UI (" + asset + "), not an operation"
	}
	return ""
}

// assetExts are the extensions of the files a web UI is built from;
// assetNames are files of that kind whose extension alone would not say so
// (a web app manifest is JSON).
var (
	assetExts = []string{
		".html", ".htm", ".css", ".js", ".mjs", ".map", ".ico", ".png", ".jpg", ".jpeg", ".gif", ".svg",
		".webp", ".woff", ".woff2", ".ttf", ".webmanifest",
	}
	assetNames = []string{"manifest.json", "asset-manifest.json", "robots.txt", "sitemap.xml", "service-worker.js"}
)

// assetDirs are the directories a web UI's files are served from.
var assetDirs = []string{"static", "assets"}

// assetDir is the directory of a route that serves everything under a
// web UI's static directory (/admin/static/*, /assets/{path...}), "" for
// any other route.
func assetDir(low string) string {
	segs := strings.Split(strings.Trim(low, "/"), "/")
	if len(segs) < 2 {
		return ""
	}
	last := segs[len(segs)-1]
	rest := last == "*" || strings.HasPrefix(last, "*") || strings.HasSuffix(last, "...}") || last == "+"
	if !rest || !slices.Contains(assetDirs, segs[len(segs)-2]) {
		return ""
	}
	return segs[len(segs)-2] + "/"
}

// staticAsset is the last segment of a route path (lower case) when it
// names a file of a web UI (index.html, manifest.json, app.js), "" when
// it does not or holds a parameter.
func staticAsset(low string) string {
	name := low[strings.LastIndex(low, "/")+1:]
	if name == "" || strings.ContainsAny(name, ":{*") {
		return ""
	}
	if slices.Contains(assetNames, name) {
		return name
	}
	for _, ext := range assetExts {
		if strings.HasSuffix(name, ext) && len(name) > len(ext) {
			return name
		}
	}
	return ""
}

func pairedSpecs(inv *inventory.Inventory, module string) []string {
	var out []string
	for _, p := range inv.Pairings {
		if p.Paired && p.Module == module {
			out = append(out, p.Spec)
		}
	}
	return out
}
