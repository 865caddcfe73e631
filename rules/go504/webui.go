package go504

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/inventory"
)

// ui is what a module's routes show of a server-rendered web UI: its
// pages (a GET whose handler renders HTML, directly or through a helper
// of the program), the routes that redirect to one of them (a form post
// answered by a redirect to a page, Post/Redirect/Get), and its files.
// Such a UI is not what an API description describes; its own calls
// (form posts, the data and websocket of its dashboard) are not either,
// when they sit under the UI's prefix or belong to the type that serves
// its pages.
type ui struct {
	page     map[*inventory.Route]string // pages: why each is one
	redirect map[*inventory.Route]string // redirects to a page: which
	routes   map[string][]*inventory.Route
}

func get(r *inventory.Route) bool {
	return r.Method == "" || r.Method == "GET" || r.Method == "HEAD" || r.Method == "GET,HEAD"
}

// webUI finds the pages of each module and the routes that redirect to
// them, through redirects to redirects too (GET /admin to
// /admin/dashboard).
func webUI(inv *inventory.Inventory) *ui {
	u := &ui{page: map[*inventory.Route]string{}, redirect: map[*inventory.Route]string{}, routes: map[string][]*inventory.Route{}}
	for _, row := range inv.Rows {
		r := row.Route
		if r == nil || r.Unclear() || slices.Contains(u.routes[r.Module], r) {
			continue
		}
		u.routes[r.Module] = append(u.routes[r.Module], r)
		if r.Page != "" && get(r) {
			u.page[r] = r.Page
		}
	}
	for range 4 {
		changed := false
		for _, rs := range u.routes {
			for _, r := range rs {
				if u.redirect[r] != "" || u.page[r] != "" {
					continue
				}
				for _, to := range r.Redirects {
					if p := u.target(rs, to); p != nil {
						u.redirect[r] = fmt.Sprintf("%s, a page (GET %s)", shown(to), p.Path)
						changed = true
						break
					}
				}
			}
		}
		if !changed {
			break
		}
	}
	return u
}

// target is the page (or the redirect to one) among a module's routes that
// a redirect target names: "/admin/dashboard" the route of that path,
// "/admin/clients/*" a route whose path goes on from /admin/clients/
// with a parameter.
func (u *ui) target(rs []*inventory.Route, to string) *inventory.Route {
	prefix, open := strings.CutSuffix(to, "*")
	want := inventory.Template(inventory.CodeSegments(prefix, "chi"))
	for _, p := range rs {
		if !get(p) || u.page[p] == "" && u.redirect[p] == "" {
			continue
		}
		tmpl := inventory.Template(inventory.CodeSegments(p.Path, p.Framework))
		if !open && tmpl == want {
			return p
		}
		if open && strings.HasPrefix(tmpl, strings.TrimSuffix(want, "/")+"/{") {
			return p
		}
	}
	return nil
}

// isUI reports whether a route is a page, a redirect to one, or a file of
// the UI.
func (u *ui) isUI(r *inventory.Route) bool {
	if u.page[r] != "" || u.redirect[r] != "" {
		return true
	}
	low := strings.ToLower(r.Path)
	return get(r) && (strings.Contains(r.Handler, "FileServer") || assetDir(low) != "" || staticAsset(low) != "")
}

// why says why a shadow route belongs to a web UI rather than to the API
// that the documents describe, or "".
func (u *ui) why(inv *inventory.Inventory, r *inventory.Route, specs []string) string {
	if to := u.redirect[r]; to != "" {
		if get(r) {
			return "a redirect to a page of a web UI, not an API operation: its handler answers with a redirect to " + to
		}
		return "a form post of a web UI, not an API operation: its handler answers with a redirect to " + to
	}
	if r.Websocket != "" && r.Recv != "" {
		for _, p := range u.routes[r.Module] {
			if p.Recv == r.Recv && u.page[p] != "" {
				name := r.Recv[strings.LastIndex(r.Recv, "/")+1:]
				return fmt.Sprintf("the websocket of a web UI (its handler upgrades with %s and is a method of %s, whose methods serve the UI's pages such as GET %s), which an OpenAPI document does not describe", r.Websocket, name, p.Path)
			}
		}
	}
	return u.prefix(inv, r, specs)
}

// prefix says why a route under the first segment of a web UI's pages
// (/admin) is one of the UI's own calls: at least two pages there, pages,
// redirects to them and files making at least half of the module's routes
// there, and no operation of the documents under it. "" otherwise; a
// version or /api prefix is an API's, never a UI's.
func (u *ui) prefix(inv *inventory.Inventory, r *inventory.Route, specs []string) string {
	first := firstSegment(r.Path)
	if first == "" {
		return ""
	}
	pre := "/" + first + "/"
	var all, uis, pages int
	for _, o := range u.routes[r.Module] {
		if firstSegment(o.Path) != first {
			continue
		}
		all++
		if u.isUI(o) {
			uis++
		}
		if u.page[o] != "" {
			pages++
		}
	}
	if pages < 2 || 2*uis < all {
		return ""
	}
	for _, row := range inv.Rows {
		if row.Op == nil {
			continue
		}
		if row.Route != nil && row.Route.Module == r.Module && firstSegment(row.Route.Path) == first {
			return "" // a route there that a document describes
		}
		if !slices.Contains(specs, row.Op.Spec) {
			continue
		}
		for _, p := range append([]string{""}, row.Op.Prefixes...) {
			if full := strings.ToLower(p + row.Op.Path); full == strings.TrimSuffix(pre, "/") || strings.HasPrefix(full, pre) {
				return ""
			}
		}
	}
	return fmt.Sprintf("a route under %s, the prefix of a web UI (%d of the module's %d routes there are its pages, redirects to them or its files), where the document describes nothing: the UI's own calls, not an API operation", pre, uis, all)
}

// firstSegment is the first segment of a route path in lower case, when
// it is a literal that can be a web UI's prefix: not a parameter, a
// version or /api, or an operational endpoint's.
func firstSegment(p string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(strings.ToLower(p), "/"), "/")
	if seg == "" || strings.ContainsAny(seg, "{:*") || versionSegment(seg) || Operational("/"+seg) {
		return ""
	}
	return seg
}

// shown writes a redirect target for a message: "/admin/clients/…" for
// one whose end is computed at run time.
func shown(to string) string {
	if p, ok := strings.CutSuffix(to, "*"); ok {
		return p + "…"
	}
	return to
}
