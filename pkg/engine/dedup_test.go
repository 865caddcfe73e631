package engine

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/gostub"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestSameDocumentOnce checks that a document kept as both swagger.json and
// swagger.yaml is scanned once, with a notice naming the copy, while a
// pair with the same name and different content is scanned twice.
func TestSameDocumentOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { gostub.Write(t, dir, name, text) }
	write("same/swagger.yaml", "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses: {\"200\": {description: ok}}\n")
	write("same/swagger.json", `{"paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}, "info": {"version": "1", "title": "t"}, "openapi": "3.0.3"}`)
	write("differ/api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses: {\"200\": {description: ok}}\n")
	write("differ/api.json", `{"openapi": "3.0.3", "info": {"title": "t", "version": "2"}, "paths": {"/b": {"get": {"responses": {"200": {"description": "ok"}}}}}}`)
	t.Chdir(dir)
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]int{}
	for _, f := range res.Findings {
		files[f.Location.File]++
	}
	if files["same/swagger.json"] != 1 || files["same/swagger.yaml"] != 0 {
		t.Errorf("identical documents: findings by file %v, want same/swagger.json only", files)
	}
	if files["differ/api.json"] != 1 || files["differ/api.yaml"] != 1 {
		t.Errorf("different documents: findings by file %v, want both", files)
	}
	found := false
	for _, n := range res.Notices {
		if n.File == "same/swagger.yaml" && strings.Contains(n.Message, "same document as same/swagger.json") {
			found = true
		}
	}
	if !found {
		t.Errorf("no notice names the copy: %v", res.Notices)
	}
}

// TestByteIdenticalCopyOnce checks that a document copied byte for byte to
// another directory (a docs site's copy of the API's description) is
// scanned once, with a notice naming the copy, unless the copy's $refs
// reach other files, which may differ beside each copy; and that documents
// of one size with different content are both scanned.
func TestByteIdenticalCopyOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { gostub.Write(t, dir, name, text) }
	local := "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses: {\"200\": {$ref: '#/components/responses/ok'}}\ncomponents:\n  responses:\n    ok: {description: ok}\n"
	write("api/openapi.yaml", local)
	write("site/public/openapi.yaml", local)
	external := "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /b:\n    get:\n      responses: {\"200\": {$ref: 'common.yaml#/ok'}}\n"
	write("one/api.yaml", external)
	write("one/common.yaml", "ok: {description: ok}\n")
	write("two/api.yaml", external)
	write("two/common.yaml", "ok: {description: fine}\n")
	// The same size as the first document, one byte different.
	write("other/openapi.yaml", strings.Replace(local, "/a:", "/c:", 1))
	t.Chdir(dir)
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]int{}
	for _, f := range res.Findings {
		files[f.Location.File]++
	}
	want := map[string]int{"api/openapi.yaml": 1, "one/api.yaml": 1, "two/api.yaml": 1, "other/openapi.yaml": 1}
	if !maps.Equal(files, want) {
		t.Errorf("findings by file %v, want %v", files, want)
	}
	var copies []string
	for _, n := range res.Notices {
		if strings.Contains(n.Message, "byte-identical copy") {
			copies = append(copies, n.File+": "+n.Message)
		}
	}
	if len(copies) != 1 || copies[0] != "site/public/openapi.yaml: skipped: a byte-identical copy of api/openapi.yaml, reported once" {
		t.Errorf("notices of copies: %q", copies)
	}
}

func TestLocalRefsOnly(t *testing.T) {
	for text, want := range map[string]bool{
		`{"$ref": "#/components/schemas/A"}`:               true,
		"a:\n  $ref: '#/x'\nb:\n  \"$ref\": \"#/y\"\n":     true,
		"description: see $ref docs\n":                     true,
		`{"$ref": "other.json#/A"}`:                        false,
		"a:\n  $ref: https://example.com/s.yaml\n":         false,
		"a: {$ref: '#/x'}\nb: {$ref: ./common.yaml#/ok}\n": false,
		"no references at all":                             true,
	} {
		if got := localRefsOnly([]byte(text)); got != want {
			t.Errorf("localRefsOnly(%q) = %v, want %v", text, got, want)
		}
	}
}
