package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestScanNothing: a scan that finds nothing to scan is an error that says
// what it looked for, not a clean pass; every format still says so.
func TestScanNothing(t *testing.T) {
	project(t, map[string]string{"README.md": "# not an API\n", "api/notes.yaml": "title: not openapi\n"})
	code, out, stderr := run(t, false, nil, "scan", "api")
	if code != ExitError || !strings.Contains(stderr, "nothing to scan under api: found no OpenAPI document") || !strings.Contains(stderr, "no Go module") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if !strings.Contains(out, "scanned 0 OpenAPI documents, 0 Go modules, 0 files") {
		t.Errorf("the report does not say nothing was scanned:\n%s", out)
	}
	// An exclude that skips everything is the same mistake.
	project(t, map[string]string{"api/shop.yaml": specNoAuth})
	code, _, stderr = run(t, false, nil, "scan", "--fail-on", "none", "--exclude", "shop.yaml", "api")
	if code != ExitError || !strings.Contains(stderr, "nothing to scan") || !strings.Contains(stderr, "exclude skipped some files") {
		t.Errorf("everything excluded: exit %d, stderr %s", code, stderr)
	}
	for _, format := range []string{"json", "sarif", "junit", "markdown", "github"} {
		code, out, _ := run(t, false, nil, "scan", "--format", format, "--exclude", "shop.yaml", "api")
		if code != ExitError || !strings.Contains(out, "0") {
			t.Errorf("%s: exit %d", format, code)
		}
	}
}

// TestScanCounts: every format records what was scanned.
func TestScanCounts(t *testing.T) {
	// Two documents that differ: a byte-identical copy is scanned once.
	project(t, map[string]string{"a.yaml": specNoAuth, "b/c.yaml": strings.Replace(specNoAuth, "title: Shop", "title: Shop C", 1)})
	for format, want := range map[string]string{
		"text":     "scanned 2 OpenAPI documents, 0 Go modules, 2 files",
		"markdown": "scanned 2 OpenAPI documents, 0 Go modules, 2 files",
		"github":   "scanned 2 OpenAPI documents, 0 Go modules, 2 files",
		"json":     `"documents": 2,`,
		"sarif":    `"documentsScanned": 2,`,
		"junit":    `<property name="documents" value="2">`,
	} {
		_, out, _ := run(t, false, nil, "scan", "--fail-on", "none", "--format", format)
		if !strings.Contains(out, want) {
			t.Errorf("%s: no %q in\n%s", format, want, out)
		}
	}
	_, out, _ := run(t, false, nil, "scan", "--fail-on", "none", "--format", "json")
	var s struct {
		Summary struct{ Files, Documents, Modules, FilesScanned int }
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Summary.Files != 2 || s.Summary.Documents != 2 || s.Summary.FilesScanned != 2 {
		t.Errorf("summary = %+v (%v)", s.Summary, err)
	}
}

// TestExcludeRelativeToPath: --exclude patterns match relative to the PATH
// being scanned as well as to the working directory, and a pattern that
// matches nothing is a warning.
func TestExcludeRelativeToPath(t *testing.T) {
	project(t, map[string]string{"svc/keep.yaml": specNoAuth, "svc/gen/skip.yaml": specNoAuth})
	for _, pat := range []string{"gen/**", "svc/gen/**"} {
		code, out, stderr := run(t, false, nil, "scan", "--fail-on", "none", "--exclude", pat, "svc")
		if code != ExitOK || strings.Contains(out, "skip.yaml") || !strings.Contains(out, "keep.yaml") || strings.Contains(stderr, "warning") {
			t.Errorf("--exclude %s: exit %d\n%s\n%s", pat, code, out, stderr)
		}
	}
	code, out, stderr := run(t, false, nil, "scan", "--fail-on", "none", "--exclude", "generated/**", "svc")
	if code != ExitOK || !strings.Contains(out, "skip.yaml") ||
		!strings.Contains(stderr, `apiaudit: warning: exclude pattern "generated/**" matches nothing under svc`) {
		t.Errorf("unused pattern: exit %d\n%s\n%s", code, out, stderr)
	}
	if _, _, stderr := run(t, false, nil, "scan", "-q", "--fail-on", "none", "--exclude", "generated/**", "svc"); stderr != "" {
		t.Errorf("--quiet still warns: %s", stderr)
	}
}

// TestBaselineStale: entries that no longer match a finding are a notice
// with a count, so that the baseline can be pruned; the exit code is not
// changed by it.
func TestBaselineStale(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})
	if code, _, stderr := run(t, false, nil, "scan", "--write-baseline", "base.json"); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	if _, out, _ := run(t, false, nil, "scan", "--baseline", "base.json"); strings.Contains(out, "match no finding") || strings.Contains(out, "matches no finding") {
		t.Errorf("a fresh baseline is reported stale:\n%s", out)
	}
	// Fix the document: both entries are stale.
	writeTestFile(t, "shop.yaml", "openapi: 3.0.3\ninfo: {title: Shop, version: \"1\"}\npaths: {}\n")
	code, out, stderr := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json")
	if code != ExitOK || !strings.Contains(stderr, "apiaudit: notice: base.json: 2 baseline entries match no finding") || !strings.Contains(out, "2 baseline entries match no finding") {
		t.Errorf("stale entries: exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	// Pruning as the notice says clears it.
	run(t, false, nil, "scan", "--baseline", "base.json", "--write-baseline", "base.json")
	if _, _, stderr := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json"); strings.Contains(stderr, "match no finding") {
		t.Errorf("after pruning: %s", stderr)
	}
}
