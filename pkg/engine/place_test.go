package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestDesignContractsAreNotes checks that findings of a spec-kit design
// contract (specs/<feature>/contracts/) are notes that say why, and that
// the same document elsewhere keeps its grade.
func TestDesignContractsAreNotes(t *testing.T) {
	t.Chdir(writeDocs(t, "specs/001-sessions/contracts/api.yaml", "api/openapi.yaml"))
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]lint.Finding{}
	for _, f := range res.Findings {
		got[f.Location.File] = f
	}
	if f := got["api/openapi.yaml"]; f.Severity != lint.SeverityWarning || f.Message != "get /a" {
		t.Errorf("api/openapi.yaml: %v %q, want a warning, as the rule reports it", f.Severity, f.Message)
	}
	f := got["specs/001-sessions/contracts/api.yaml"]
	if f.Severity != lint.SeverityNote || !strings.Contains(f.Message, "(a note, not a warning: specs/001-sessions/contracts/ holds a spec-kit design contract") {
		t.Errorf("contract: %v %q, want a note that says why", f.Severity, f.Message)
	}
}

// TestSampleDocumentsAreNotes checks that a document under examples/ or a
// mock server's directory, below the path a scan starts on, is graded as
// a sample (notes that say why), while the project's own description
// keeps its grade, and that the same example scanned by pointing at it is
// graded as it is: what the user points the scan at is the project.
func TestSampleDocumentsAreNotes(t *testing.T) {
	t.Chdir(writeDocs(t, "examples/actions/openapi.yaml", "internal/mockserver/api.yaml", "api/openapi.yaml"))
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]lint.Finding{}
	for _, f := range res.Findings {
		got[f.Location.File] = f
	}
	if f := got["api/openapi.yaml"]; f.Severity != lint.SeverityWarning || f.Message != "get /a" {
		t.Errorf("api/openapi.yaml: %v %q, want a warning, as the rule reports it", f.Severity, f.Message)
	}
	for file, why := range map[string]string{
		"examples/actions/openapi.yaml": "(a note, not a warning: the document is an example (examples/), a sample rather than the description an API serves)",
		"internal/mockserver/api.yaml":  "(a note, not a warning: the document is test data (mockserver/)",
	} {
		if f := got[file]; f.Severity != lint.SeverityNote || !strings.Contains(f.Message, why) {
			t.Errorf("%s: %v %q, want a note that says %q", file, f.Severity, f.Message, why)
		}
	}
	res, err = Run(context.Background(), Options{Paths: []string{"examples/actions"}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Severity != lint.SeverityWarning {
		t.Errorf("scan of examples/actions: %v, want one warning", res.Findings)
	}
}

// writeDocs writes a one-operation OpenAPI document at each slash-separated
// path under a new directory, and returns the directory. Each has its own
// title: a byte-identical copy would be reported once.
func writeDocs(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		doc := "openapi: 3.0.3\ninfo: {title: " + f + ", version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n"
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
