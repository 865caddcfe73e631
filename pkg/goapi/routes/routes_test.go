package routes

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// TestRoutes checks every route the analyzer lists for each framework of
// the router table: parameter styles, groups, sub-routers, Route
// callbacks, a chi mount of a router built in another function, and what
// it records of each (framework, auth, body, method check, timeouts).
func TestRoutes(t *testing.T) {
	res := ruletest.RunGo(t, Analyzer, "r")
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	var got []string
	for _, rt := range res[0].Result.(*Result).Routes {
		line := fmt.Sprintf("%s:%d %s %s %q %s", filepath.Base(rt.At.File), rt.At.Line, rt.Framework, cmpOr(rt.Method, "ANY"), rt.Path, rt.Auth)
		var notes []string
		if rt.ReadsBody {
			notes = append(notes, "reads-body")
		}
		if rt.BodyLimit != "" {
			notes = append(notes, "limit="+rt.BodyLimit)
		}
		if rt.Subtree {
			notes = append(notes, "subtree")
		}
		if rt.ChecksMethod {
			notes = append(notes, "checks-method")
		}
		if rt.Conditional {
			notes = append(notes, "conditional")
		}
		if rt.MCP != "" {
			notes = append(notes, "mcp="+rt.MCP)
		}
		if rt.MethodsUnknown {
			notes = append(notes, "methods-unknown")
		}
		if len(notes) > 0 {
			line += " " + strings.Join(notes, ",")
		}
		got = append(got, line)
	}
	want := []string{
		`chi.go:11 chi GET "/orders/{orderID}" no`,
		`chi.go:12 chi GET "/users/{id:[0-9]+}" no`,
		`chi.go:14 chi POST "/v1/orders" no reads-body`,
		`chi.go:16 chi DELETE "/v1/admin/cache" no`,
		`chi.go:19 chi GET "/me" yes`,
		`chi.go:20 chi ANY "/assets/*" no`,
		`chi.go:37 chi GET "/billing/invoices/{id}" no`,
		`cond.go:26 gin GET "/reports" yes conditional`,
		`echo.go:9 echo GET "/carts/:cartId" no`,
		`echo.go:11 echo PUT "/api/carts/:id/items/*" no`,
		`fiber.go:9 fiber GET "/books/:isbn" no`,
		`fiber.go:11 fiber POST "/shop/books/:id?" no`,
		`fiber.go:13 fiber GET "/admin/stats" no`,
		`fiber.go:15 fiber GET "/dl/+" no`,
		`gin.go:9 gin GET "/products/:id" no`,
		`gin.go:11 gin POST "/v2/products" no`,
		`gin.go:12 gin GET "/v2/files/*path" no`,
		`gin.go:13 gin ANY "/ping" no`,
		`gorilla.go:11 gorilla/mux GET "/accounts/{id:[0-9]+}" no`,
		`gorilla.go:13 gorilla/mux POST "/v3/accounts" no`,
		`gorilla.go:14 gorilla/mux ANY "/any" no`,
		`gorilla.go:15 gorilla/mux ANY "/debug/" no subtree`,
		`nethttp.go:30 net/http GET "/items/{id}" no`,
		`nethttp.go:31 net/http POST "/items" no reads-body`,
		`nethttp.go:32 net/http PUT "/items/{id}" no reads-body,limit=http.MaxBytesReader`,
		`nethttp.go:33 net/http ANY "/files/{path...}" no`,
		`nethttp.go:34 net/http ANY "/static/" no`,
		`nethttp.go:35 net/http ANY "/either" no checks-method`,
		`nethttp.go:36 net/http GET "/hosted/{$}" no`,
		`nethttp.go:46 net/http ANY "/api/" unknown subtree`,
		`mcp.go:17 net/http ANY "/mcp" unknown mcp=streamable HTTP`,
		// method lists (gin and echo Match, chi Method, gorilla Methods)
		`match.go:15 gin GET,HEAD "/health" no`,
		`match.go:17 gin GET,HEAD "/ready" no`,
		`match.go:18 gin ANY "/computed" no methods-unknown`,
		`match.go:22 echo PATCH,PUT "/carts/:id" no`,
		`match.go:26 chi DELETE "/sessions/{id}" no`,
		`match.go:27 chi OPTIONS "/sessions" no`,
		`match.go:28 chi ANY "/dynamic" no methods-unknown`,
		`match.go:32 gorilla/mux GET,POST "/files/{name}" no`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, rt := range res[0].Result.(*Result).Routes {
		if rt.Framework == "net/http" && !(strings.HasPrefix(rt.Timeouts, "none") && strings.Contains(rt.Timeouts, "ReadHeaderTimeout=5 * time.Second")) {
			t.Errorf("%s: timeouts %q", rt.Path, rt.Timeouts)
			break
		}
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestUI checks what the analyzer records of a web UI's routes: pages
// rendered through a helper (and a helper of a helper), but not through a
// handler that answers JSON or through another handler it delegates to;
// the local targets of redirects with 301 to 303 in each framework; and a
// websocket upgrade with the handler's receiver.
func TestUI(t *testing.T) {
	res := ruletest.RunGo(t, Analyzer, "ui")
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	var got []string
	for _, rt := range res[0].Result.(*Result).Routes {
		got = append(got, fmt.Sprintf("%s %s page=%q redirects=%q ws=%q recv=%q", cmpOr(rt.Method, "ANY"), rt.Path, rt.Page, rt.Redirects, rt.Websocket, rt.Recv))
	}
	want := []string{
		`GET /site page="renders an HTML template (ExecuteTemplate) through frame" redirects=[] ws="" recv="ui.Site"`,
		`GET /site/mixed page="" redirects=[] ws="" recv="ui.Site"`,
		`GET /site/delegate page="" redirects=[] ws="" recv="ui.Site"`,
		`POST /site/save page="" redirects=["/site/notes/*" "/site/list"] ws="" recv="ui.Site"`,
		`GET /site/live page="" redirects=[] ws="websocket.Upgrade" recv="ui.Site"`,
		`POST /g/form page="" redirects=["/g/done"] ws="" recv=""`,
		`POST /e/form page="" redirects=["/e/done"] ws="" recv=""`,
		`POST /f/form page="" redirects=["/f/done"] ws="" recv=""`,
		`POST /f/moved page="" redirects=[] ws="" recv=""`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
