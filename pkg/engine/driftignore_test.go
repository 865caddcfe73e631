package engine

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go201"
	"github.com/apiaudit/apiaudit/rules/go504"
)

// TestDriftIgnoreUnused checks that a Go suppression naming a drift rule
// (computed after the Go rules, on the join of documents and code) is
// judged like any other: unused (GO503) when no drift finding matches it,
// silent when one does; and that one whose pattern also covers Go rules
// is not called unused when only a drift finding used it.
func TestDriftIgnoreUnused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTree(t, dir, map[string]string{
		"openapi.yaml": "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\nsecurity:\n  - k: []\ncomponents:\n  securitySchemes:\n    k: {type: http, scheme: bearer}\npaths:\n  /items:\n    get:\n      responses: {\"200\": {description: ok}}\n",
		"go.mod":       "module example.com/d\n\ngo 1.26\n",
		"main.go": `package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	//apiaudit:ignore GO504 -- described, so this matches nothing
	mux.HandleFunc("GET /items", ok)
	//apiaudit:ignore GO504 -- called by the deploy job only
	mux.HandleFunc("POST /reindex", ok)
	//apiaudit:ignore GO* -- internal hook
	mux.HandleFunc("POST /hook", ok)
	_ = http.ListenAndServe(":8080", mux)
}

func ok(w http.ResponseWriter, r *http.Request) {}
`,
	})
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{go504.Rule, go201.Rule, GoSuppressionRule}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.RuleID+" "+f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.Message)
	}
	if !slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, "GO503 main.go:7 ") && strings.Contains(s, "for GO504 matches no finding")
	}) {
		t.Errorf("the unused GO504 suppression is not reported:\n%s", strings.Join(got, "\n"))
	}
	for _, s := range got {
		if strings.HasPrefix(s, "GO503 main.go:9 ") || strings.HasPrefix(s, "GO503 main.go:11 ") || strings.HasPrefix(s, "GO504 ") {
			t.Errorf("unexpected: %s", s)
		}
	}
	if len(res.Suppressed) != 2 {
		t.Errorf("%d suppressed findings; want the two drift findings", len(res.Suppressed))
	}
}
