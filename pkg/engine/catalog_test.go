package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/gostub"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// everyTool reports each tool's name: a catalog rule whose findings are
// easy to predict.
var everyTool = &lint.Rule{ID: "TST201", Name: "tst201", Doc: lint.Doc{Title: "TST201", Severity: lint.SeverityNote},
	Catalog: func(pass *lint.CatalogPass) error {
		for _, t := range pass.Catalog.Tools {
			pass.Reportf(t.Name.At, "tool %s from %s", t.Name.Value, pass.Catalog.Source)
		}
		return nil
	}}

var crashingCatalog = &lint.Rule{ID: "TST202", Name: "tst202", Doc: lint.Doc{Title: "TST202", Severity: lint.SeverityNote},
	Catalog: func(pass *lint.CatalogPass) error { panic("boom") }}

func TestManifestsAreAThirdInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { gostub.Write(t, dir, name, text) }
	write("tools.json", `{"tools":[{"name":"a","inputSchema":{"type":"object"}},{"name":"b","inputSchema":{}}]}`)
	write("mcp/list.yaml", "jsonrpc: \"2.0\"\nresult:\n  tools:\n    - name: c\n      inputSchema: {type: object}\n")
	write("package.json", `{"name":"x","tools":["eslint"]}`)
	write("broken.json", `{"tools":[{"name":"a","inputSchema":{}},`)
	write("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n")
	t.Chdir(dir)

	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyTool, everyOperation, crashingCatalog}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.RuleID == "TST201" {
			got = append(got, f.Location.String()+" "+f.Message+" "+f.Location.Pointer)
		}
	}
	want := []string{
		"mcp/list.yaml:4:13 tool c from manifest /result/tools/0/name",
		"tools.json:1:19 tool a from manifest /tools/0/name",
		"tools.json:1:64 tool b from manifest /tools/1/name",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The report is told each file's kind (JUnit lists the rules that
	// apply to it).
	for file, kind := range map[string]lint.FileKind{"tools.json": lint.FileToolManifest, "mcp/list.yaml": lint.FileToolManifest, "api.yaml": lint.FileOpenAPI} {
		if res.Kinds[file] != kind {
			t.Errorf("kind of %s = %v, want %v", file, res.Kinds[file], kind)
		}
	}
	if res.Catalogs != 3 || res.Documents != 1 {
		t.Errorf("catalogs %d documents %d, want 3 and 1 (broken.json counted, package.json not)", res.Catalogs, res.Documents)
	}
	var problems []string
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	joined := strings.Join(problems, "\n")
	if !strings.Contains(joined, "broken.json:1:") || !strings.Contains(joined, "rule TST202 crashed") {
		t.Errorf("problems:\n%s", joined)
	}
	for _, p := range problems {
		if strings.HasPrefix(p, "broken.json") && strings.Contains(p, "\n") {
			t.Errorf("problem is not one line: %q", p)
		}
	}
}
