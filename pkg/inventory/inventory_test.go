package inventory

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestMatch: each router's way of writing a parameter or a wildcard
// matches the spec's {name}, whatever the names; literals must agree.
func TestMatch(t *testing.T) {
	for _, c := range []struct {
		framework, route, spec string
		want                   bool
	}{
		{"chi", "/orders/{id}", "/orders/{orderId}", true},
		{"chi", "/orders/{id:[0-9]+}", "/orders/{orderId}", true},
		{"chi", "/files/*", "/files/{a}/{b}", true},
		{"chi", "/orders/{id}", "/orders", false},
		{"gorilla/mux", "/accounts/{id:[0-9]+}", "/accounts/{accountId}", true},
		{"gin", "/products/:id", "/products/{productId}", true},
		{"gin", "/files/*path", "/files/{dir}/{name}", true},
		{"echo", "/carts/:cartId/items/*", "/carts/{id}/items/{itemId}", true},
		{"echo", "/carts/:cartId", "/carts/{id}/items", false},
		{"fiber", "/books/:id?", "/books/{isbn}", true},
		{"fiber", "/dl/+", "/dl/{file}", true},
		{"net/http", "/items/{id}", "/items/{itemId}", true},
		{"net/http", "/files/{path...}", "/files/{a}/{b}", true},
		{"net/http", "/static/", "/static/css/{file}", true},
		{"net/http", "/hosted/{$}", "/hosted", true},
		{"net/http", "/hosted/{$}", "/hosted/x", false},
		{"chi", "/static/", "/static/x", false}, // a trailing slash is a subtree only for net/http
		{"net/http", "/items", "/Items", false},
	} {
		_, got := match(CodeSegments(c.route, c.framework), SpecSegments(c.spec))
		if got != c.want {
			t.Errorf("%s route %s vs spec %s: match %v, want %v", c.framework, c.route, c.spec, got, c.want)
		}
	}
}

func ops(spec string, prefixes []string, paths ...string) []Operation {
	var out []Operation
	for i, p := range paths {
		m, path, _ := strings.Cut(p, " ")
		out = append(out, Operation{Spec: spec, Method: m, Path: path, Prefixes: prefixes, At: Pos{File: spec, Line: 10 + i}, Security: []string{"bearer"}})
	}
	return out
}

func routes(module, framework string, paths ...string) Module {
	m := Module{Dir: module}
	for i, p := range paths {
		method, path, _ := strings.Cut(p, " ")
		if method == "ANY" {
			method = ""
		}
		m.Routes = append(m.Routes, Route{Module: module, Method: method, Path: path, Framework: framework, At: Pos{File: module + "/main.go", Line: 20 + i}, Auth: AuthYes})
	}
	return m
}

// TestBuild: pairing by share of matched operations, server prefixes,
// the most specific route winning, and the statuses of the rows.
func TestBuild(t *testing.T) {
	inv := Build(Inputs{
		Operations: append(ops("api.yaml", []string{"/v1"}, "GET /orders", "GET /orders/{orderId}", "DELETE /orders/{orderId}", "GET /reports"),
			ops("other.yaml", nil, "GET /flights", "GET /hotels", "GET /v1/orders/{x}")...),
		Modules: []Module{
			routes("svc", "gin", "GET /v1/orders", "GET /v1/orders/:id", "ANY /v1/orders/:id", "POST /v1/debug"),
			routes("static", "net/http", "ANY /"),
		},
	})
	var got []string
	for _, r := range inv.Rows {
		code := "-"
		if r.Route != nil {
			code = r.Route.At.String()
		}
		got = append(got, r.Method+" "+r.Path+" "+r.Status+" "+code)
	}
	want := []string{
		"ANY / unmatched static/main.go:20",
		"GET /flights unmatched -",
		"GET /hotels unmatched -",
		"POST /v1/debug code-only svc/main.go:23",
		"GET /v1/orders matched svc/main.go:20",
		"GET /v1/orders/{orderId} matched svc/main.go:21",
		"DELETE /v1/orders/{orderId} matched svc/main.go:22",
		"GET /v1/orders/{x} unmatched -",
		"GET /v1/reports spec-only -",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var pairs []string
	for _, p := range inv.Pairings {
		pairs = append(pairs, p.Spec+" "+p.Module+" "+p.Why)
	}
	wantPairs := []string{
		"api.yaml svc 3 of 4 operations (75%) served under server prefix /v1, shared prefix /v1/orders",
		"other.yaml svc 1 of 3 operations (33%) served, shared prefix /v1/orders, 1 of the module's 4 routes described: below the 50% (at least 2) of either needed to pair them",
	}
	if strings.Join(pairs, "\n") != strings.Join(wantPairs, "\n") {
		t.Errorf("pairings:\n%s\nwant:\n%s", strings.Join(pairs, "\n"), strings.Join(wantPairs, "\n"))
	}
	var drifts []string
	for _, d := range inv.Drifts() {
		drifts = append(drifts, d.Kind)
	}
	// the ANY route serves DELETE /orders/{id}, documented with DELETE only
	if strings.Join(drifts, " ") != "shadow method zombie" {
		t.Errorf("drifts %v", drifts)
	}
}

// TestHeadRoute: a document that lists both GET and HEAD of a path served
// by a GET route and a HEAD route of its own matches each to its route:
// the GET route answers HEAD too, but the HEAD route is not left over as
// undocumented. Without a HEAD route, the GET route takes both.
func TestHeadRoute(t *testing.T) {
	for _, c := range []struct {
		routes []string
		want   string
	}{
		{[]string{"GET /p/:provider/*", "POST /p/:provider/*", "HEAD /p/:provider/*"}, "GET matched svc/main.go:20, HEAD matched svc/main.go:22, POST matched svc/main.go:21"},
		{[]string{"GET /p/:provider/*", "POST /p/:provider/*"}, "GET matched svc/main.go:20, HEAD matched svc/main.go:20, POST matched svc/main.go:21"},
	} {
		inv := Build(Inputs{
			Operations: ops("api.yaml", nil, "GET /p/{provider}/{endpoint}", "HEAD /p/{provider}/{endpoint}", "POST /p/{provider}/{endpoint}"),
			Modules:    []Module{routes("svc", "echo", c.routes...)},
		})
		var got []string
		for _, r := range inv.Rows {
			code := "-"
			if r.Route != nil {
				code = r.Route.At.String()
			}
			got = append(got, r.Method+" "+r.Status+" "+code)
		}
		slices.Sort(got)
		if g := strings.Join(got, ", "); g != c.want {
			t.Errorf("%v: rows %s, want %s", c.routes, g, c.want)
		}
		for _, d := range inv.Drifts() {
			t.Errorf("%v: drift %s %+v", c.routes, d.Kind, d.Route)
		}
	}
}

// TestCatchAllDoesNotPair: a route that serves every path (a file server
// on /) does not make a document look served.
func TestCatchAllDoesNotPair(t *testing.T) {
	inv := Build(Inputs{
		Operations: ops("api.yaml", nil, "GET /a", "GET /b"),
		Modules:    []Module{routes("svc", "net/http", "ANY /")},
	})
	for _, p := range inv.Pairings {
		if p.Paired {
			t.Errorf("paired: %+v", p)
		}
	}
	if len(inv.Drifts()) != 0 {
		t.Errorf("drifts: %+v", inv.Drifts())
	}
}

// TestWrite: every format carries every row, and CSV neutralises cells a
// spreadsheet would run.
func TestWrite(t *testing.T) {
	m := routes("svc", "chi", "GET /a", "GET /b", "POST /c")
	m.Routes[2].Handler = "=HYPERLINK(1)"
	inv := Build(Inputs{Operations: ops("api.yaml", nil, "GET /a", "GET /b"), Modules: []Module{m}})
	for _, f := range Formats {
		var b bytes.Buffer
		if err := inv.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"/a", "/b", "code-only"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: no %q in\n%s", f, want, b.String())
			}
		}
		switch f {
		case "json":
			var v struct {
				Schema    int
				Endpoints []map[string]any
			}
			if err := json.Unmarshal(b.Bytes(), &v); err != nil || v.Schema != Schema || len(v.Endpoints) != 3 {
				t.Errorf("json: %v %+v", err, v)
			}
		case "csv":
			recs, err := csv.NewReader(&b).ReadAll()
			if err != nil || len(recs) != 4 {
				t.Fatalf("csv: %v, %d records", err, len(recs))
			}
			if got := recs[3][6]; got != "'=HYPERLINK(1)" {
				t.Errorf("csv handler cell %q, want it quoted", got)
			}
		}
	}
	if err := inv.Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format: no error")
	}
}

// TestPartialPairing: a gateway's document describes three services; the
// module serves one of them. It is paired for the operations under the
// prefix of what it serves: only those can be zombies, and its own
// undocumented route is a shadow.
func TestPartialPairing(t *testing.T) {
	inv := Build(Inputs{
		Operations: ops("gateway.yaml", nil,
			"GET /identity/api/users", "POST /identity/api/login", "GET /identity/api/me",
			"GET /workshop/api/shop", "POST /workshop/api/orders", "GET /workshop/api/orders/{id}",
			"GET /community/api/posts", "POST /community/api/posts", "GET /community/api/posts/{postId}", "POST /community/api/coupons"),
		Modules: []Module{routes("community", "gorilla/mux",
			"GET /community/api/posts", "POST /community/api/posts", "GET /community/api/posts/{id:[0-9]+}", "GET /community/home")},
	})
	if len(inv.Pairings) != 1 || !inv.Pairings[0].Paired || inv.Pairings[0].Scope != "/community/api/posts" {
		t.Fatalf("pairings %+v", inv.Pairings)
	}
	var drifts []string
	for _, d := range inv.Drifts() {
		if d.Op != nil {
			drifts = append(drifts, d.Kind+" "+d.Op.Path)
		} else {
			drifts = append(drifts, d.Kind+" "+d.Route.Path)
		}
	}
	// POST /community/api/coupons is outside the scope /community/api/posts:
	// the shared prefix of what the module serves is the posts resource
	want := "shadow /community/home"
	if strings.Join(drifts, "; ") != want {
		t.Errorf("drifts %q, want %q", strings.Join(drifts, "; "), want)
	}
}

// TestSubtreeAndMCP: a router served under a prefix serves the documented
// operations below it (no zombie) but is not judged for authentication or
// methods, and an MCP endpoint is no shadow.
func TestSubtreeAndMCP(t *testing.T) {
	m := routes("svc", "net/http", "GET /api/v1/a", "GET /api/v1/b", "ANY /api/", "ANY /mcp")
	m.Routes[2].Subtree, m.Routes[2].Auth = true, AuthNo
	m.Routes[3].MCP = "streamable HTTP"
	inv := Build(Inputs{Operations: ops("api.yaml", nil, "GET /api/v1/a", "GET /api/v1/b", "GET /api/v1/logs"), Modules: []Module{m}})
	if d := inv.Drifts(); len(d) != 0 {
		t.Errorf("drifts: %+v", d)
	}
}

// TestPlacePath: a route of a module nested in the scan is placed by the
// module's directory too (a module of its own under examples/), but not
// by a testdata/ element of it.
func TestPlacePath(t *testing.T) {
	for _, c := range []struct{ module, file, want string }{
		{".", "cmd/api/main.go", "cmd/api"},
		{"examples/interceptors/http", "examples/interceptors/http/main.go", "examples/interceptors/http"},
		{"svc", "svc/test/fake/fake.go", "svc/test/fake"},
		{"rules/x/testdata/bad", "rules/x/testdata/bad/main.go", "bad"},
	} {
		r := Route{Module: c.module, At: Pos{File: c.file}}
		if got := r.PlacePath(); got != c.want {
			t.Errorf("module %s, file %s: PlacePath %q, want %q", c.module, c.file, got, c.want)
		}
	}
}

// TestPackageEvidence: a module holding several servers is compared with
// a document only where a package shows that the document describes it
// (it serves the document's operations, or the document lists its
// routes); the other packages' routes are no shadows, and are counted
// once in LeftOut. A package that serves the document keeps its shadows.
func TestPackageEvidence(t *testing.T) {
	at := func(r Route, file string, line int) Route { r.At = Pos{File: file, Line: line}; return r }
	mod := routes(".", "gin", "GET /users", "POST /users", "GET /users/:email", "POST /users/:email/avatar",
		"POST /api/login", "GET /api/configs", "POST /_reload", "GET /api/items", "POST /api/items")
	files := []string{"cmd/mock/main.go", "cmd/mock/main.go", "cmd/mock/main.go", "cmd/mock/main.go",
		"cmd/api/main.go", "cmd/api/main.go", "internal/notify/api.go", "cmd/split/a.go", "cmd/split/a.go"}
	for i := range mod.Routes {
		mod.Routes[i] = at(mod.Routes[i], files[i], 10+i)
	}
	inv := Build(Inputs{
		Operations: ops("examples/users.yaml", nil, "GET /users", "POST /users", "GET /users/{email}"),
		Modules:    []Module{mod},
	})
	status := map[string]string{}
	for _, r := range inv.Rows {
		if r.Route != nil {
			status[r.Route.Method+" "+r.Route.Path] = r.Status
		}
	}
	for route, want := range map[string]string{
		"POST /users/:email/avatar": "code-only", // the package serves the document: a shadow
		"GET /users":                "matched",
		"POST /api/login":           "unmatched", // another server of the module
		"POST /_reload":             "unmatched",
		"GET /api/items":            "unmatched",
	} {
		if status[route] != want {
			t.Errorf("%s: status %q, want %q", route, status[route], want)
		}
	}
	if len(inv.Pairings) != 1 || !inv.Pairings[0].Paired {
		t.Fatalf("pairings: %+v", inv.Pairings)
	}
	p := inv.Pairings[0]
	if strings.Join(p.Packages, " ") != "cmd/mock" || strings.Join(p.LeftOut, " ") != "cmd/api cmd/split internal/notify" {
		t.Errorf("packages %v, left out %v", p.Packages, p.LeftOut)
	}
	if !strings.Contains(p.Why, "it describes the routes of cmd/mock, not those of cmd/api, cmd/split and internal/notify") {
		t.Errorf("why: %s", p.Why)
	}
	want := []LeftOut{{Module: ".", Specs: []string{"examples/users.yaml"}, Packages: []string{"cmd/api", "cmd/split", "internal/notify"}, Routes: 5, First: Pos{File: "cmd/api/main.go", Line: 14}}}
	if got, _ := json.Marshal(inv.LeftOut); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("left out:\n got %s\nwant %s", got, must(json.Marshal(want)))
	}
	var shadows []string
	for _, d := range inv.Drifts() {
		if d.Kind == "shadow" {
			shadows = append(shadows, d.Route.Path)
		}
	}
	if strings.Join(shadows, " ") != "/users/:email/avatar" {
		t.Errorf("shadows %v, want only /users/:email/avatar", shadows)
	}
}

// TestPackageEvidenceSplit: a server whose routes several packages
// register, none serving enough of the document alone, is still compared
// with it where they serve its operations together; and a package whose
// routes the document lists (though it serves few of its operations) is
// compared too.
func TestPackageEvidenceSplit(t *testing.T) {
	mod := routes(".", "chi", "GET /orders", "GET /orders/{id}", "POST /orders/{id}/refund", "GET /items", "GET /items/{id}", "POST /items/{id}/debug", "GET /ping-owner")
	files := []string{"api/orders/r.go", "api/orders/r.go", "api/orders/r.go", "api/items/r.go", "api/items/r.go", "api/items/r.go", "api/misc/r.go"}
	for i := range mod.Routes {
		mod.Routes[i].At = Pos{File: files[i], Line: i + 1}
	}
	inv := Build(Inputs{
		Operations: ops("openapi.yaml", nil, "GET /orders", "GET /orders/{id}", "GET /items", "GET /items/{id}", "GET /a", "GET /b", "GET /c", "GET /d"),
		Modules:    []Module{mod},
	})
	// the module serves 4 of 8: paired; no package serves 4 alone, but
	// each lists 2 of 3 routes described
	var shadows []string
	for _, d := range inv.Drifts() {
		if d.Kind == "shadow" {
			shadows = append(shadows, d.Route.Path)
		}
	}
	if strings.Join(shadows, " ") != "/items/{id}/debug /orders/{id}/refund" {
		t.Errorf("shadows %v", shadows)
	}
	if len(inv.LeftOut) != 1 || strings.Join(inv.LeftOut[0].Packages, " ") != "api/misc" {
		t.Errorf("left out %+v", inv.LeftOut)
	}

	// No package shows the evidence alone (each serves 1 of 4 operations
	// and 1 of its 3 routes is listed), the module does (2 of 4): those
	// that serve the operations together are compared.
	mod = routes(".", "chi", "GET /a", "POST /a/x", "POST /a/y", "GET /b", "POST /b/x", "POST /b/y")
	for i := range mod.Routes {
		mod.Routes[i].At = Pos{File: []string{"pa/r.go", "pb/r.go"}[i/3], Line: i + 1}
	}
	inv = Build(Inputs{Operations: ops("openapi.yaml", nil, "GET /a", "GET /b", "GET /c", "GET /d"), Modules: []Module{mod}})
	n := 0
	for _, d := range inv.Drifts() {
		if d.Kind == "shadow" {
			n++
		}
	}
	if n != 4 || len(inv.LeftOut) != 0 || strings.Join(inv.Pairings[0].Packages, " ") != "pa pb" {
		t.Errorf("split server: %d shadows (want 4), left out %+v, packages %v", n, inv.LeftOut, inv.Pairings[0].Packages)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
