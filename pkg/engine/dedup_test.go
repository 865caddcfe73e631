package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestSameDocumentOnce checks that a document kept as both swagger.json and
// swagger.yaml is scanned once, with a notice naming the copy, while a
// pair with the same name and different content is scanned twice.
func TestSameDocumentOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
