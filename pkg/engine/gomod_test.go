package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go201"
	"github.com/apiaudit/apiaudit/rules/go202"
)

// gateway copies testdata/gateway, a small module that uses only the
// standard library, to a temporary directory and makes it the working
// directory.
func gateway(t *testing.T) string {
	t.Helper()
	return module(t, "gateway")
}

// module copies testdata/<name> to a temporary directory and makes it the
// working directory: Go modules under testdata are not scanned from above.
func module(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// TestGoIgnoreOnDeclaration checks ignores in the doc comment of, on the
// line above, or on the first line of a function, a method, a var
// declaration and one spec of a group, and that an ignore on a declaration
// is unused only when nothing inside it was suppressed.
func TestGoIgnoreOnDeclaration(t *testing.T) {
	module(t, "ignores")
	goRules := []*lint.Rule{go201.Rule, go202.Rule}
	res, err := Run(context.Background(), Options{Rules: goRules, Known: append(slices.Clone(goRules), SuppressionRule)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Location, f.RuleID, f.Message))
	}
	want := []string{
		"main.go:32:1 GO503 //apiaudit:ignore for GO202 matches no finding in open: remove it",
		"main.go:34:9 GO201 io.ReadAll reads r.Body with no size limit",
		"main.go:48:10 GO201 io.ReadAll reads r.Body with no size limit",
		"main.go:63:1 GO503 //apiaudit:ignore for GO201 matches no finding in quiet: remove it",
		`main.go:88:2 GO503 "// apiaudit:ignore GO201 -- a space after the slashes" is not an ignore directive and suppresses nothing: write //apiaudit:ignore RULE -- reason, with no space after //`,
		"main.go:89:9 GO201 io.ReadAll reads r.Body with no size limit",
		`main.go:90:2 GO503 "//apiaudit: ignore GO201 -- a space after the colon" is not an ignore directive and suppresses nothing: write //apiaudit:ignore RULE -- reason, with no space after //`,
		"main.go:91:9 GO201 io.ReadAll reads r.Body with no size limit",
		`main.go:92:2 GO503 "//apiaudit-ignore GO201 -- a dash" is not an ignore directive and suppresses nothing: write //apiaudit:ignore RULE -- reason, with no space after //`,
		"main.go:93:9 GO201 io.ReadAll reads r.Body with no size limit",
		`main.go:94:2 GO503 "/* apiaudit:ignore GO201 -- a block comment */" is not an ignore directive and suppresses nothing: write //apiaudit:ignore RULE -- reason, with no space after //`,
		"main.go:95:9 GO201 io.ReadAll reads r.Body with no size limit",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", join(got), join(want))
	}
	got = nil
	for _, f := range res.Suppressed {
		got = append(got, fmt.Sprintf("%d %s by %d: %s", f.Location.Line, f.RuleID, f.Suppression.Location.Line, f.Suppression.Reason))
	}
	want = []string{
		"17 GO201 by 14: behind a proxy that caps bodies at 1 MB",
		"18 GO201 by 14: behind a proxy that caps bodies at 1 MB",
		"23 GO201 by 21: internal admin route, bodies capped by the load balancer",
		"27 GO201 by 26: test-only handler",
		"39 GO201 by 37: covers the whole var declaration",
		"45 GO201 by 43: covers this spec only",
		"58 GO201 by 57: covered on the line",
		"81 GO202 by 81: local test server",
	}
	if !slices.Equal(got, want) {
		t.Errorf("suppressed:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func TestGoModule(t *testing.T) {
	gateway(t)
	goRules := []*lint.Rule{go201.Rule, go202.Rule}
	res, err := Run(context.Background(), Options{Rules: goRules, Known: append(slices.Clone(goRules), SuppressionRule)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Location, f.RuleID, f.Message))
		if f.Fingerprint == "" || f.Fix == "" || f.Severity == lint.SeverityDefault {
			t.Errorf("%s: finding not completed: %+v", f.Location, f)
		}
	}
	want := []string{
		"main.go:17:12 GO201 json.NewDecoder reads r.Body with no size limit",
		"main.go:35:2 GO503 //apiaudit:ignore for GO201 gives no reason, so it suppresses nothing: add -- why the finding does not apply",
		"main.go:36:6 GO201 r.ParseMultipartForm reads a multipart body with no size limit",
		"main.go:47:12 GO202 http.ListenAndServe serves with no read timeouts: it cannot set any, so serve from an http.Server with ReadHeaderTimeout set",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", join(got), join(want))
	}

	if len(res.Suppressed) != 1 || res.Suppressed[0].Location.Line != 31 || res.Suppressed[0].Suppression == nil {
		t.Errorf("suppressed = %+v, want the ParseMultipartForm of upload at line 31", res.Suppressed)
	} else if r := res.Suppressed[0].Suppression.Reason; r != "the upload route sits behind a proxy that caps bodies at 5 MB" {
		t.Errorf("suppression reason = %q", r)
	}

	var problems []string
	for _, p := range res.Problems {
		problems = append(problems, p.Error())
	}
	wantProblems := []string{`broken/broken.go:5:9: cannot use "three" (untyped string constant) as int value in return statement`}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(problems), join(wantProblems))
	}
	// The generated file is not analysed, and its finding not reported.
	if want := []string{"main.go"}; !slices.Equal(res.Files, want) {
		t.Errorf("files = %q, want %q", res.Files, want)
	}
}

// TestGoFingerprintIgnoresLines checks that a Go finding keeps its
// fingerprint when lines are inserted above it.
func TestGoFingerprintIgnoresLines(t *testing.T) {
	dir := gateway(t)
	opts := Options{Rules: []*lint.Rule{go202.Rule}, Known: []*lint.Rule{go201.Rule, go202.Rule}}
	before, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(dir + "/main.go")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/main.go", append([]byte("// A comment.\n\n"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	only := func(fs []lint.Finding) []lint.Finding {
		return slices.DeleteFunc(fs, func(f lint.Finding) bool { return f.RuleID != "GO202" })
	}
	bf, af := only(before.Findings), only(after.Findings)
	if len(bf) != 1 || len(af) != 1 {
		t.Fatalf("GO202 findings before %d, after %d; want 1 each", len(bf), len(af))
	}
	b, a := bf[0], af[0]
	if a.Location.Line != b.Location.Line+2 || a.Fingerprint != b.Fingerprint {
		t.Errorf("before %s %s, after %s %s: want the same fingerprint two lines down", b.Location, b.Fingerprint, a.Location, a.Fingerprint)
	}
}

// TestNoGoRulesNoGoLoading checks that Go modules are not loaded when no
// selected rule checks Go: the broken package then goes unnoticed.
func TestNoGoRulesNoGoLoading(t *testing.T) {
	gateway(t)
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings)+len(res.Problems)+len(res.Files) != 0 {
		t.Errorf("got findings %v, problems %v, files %v; want nothing", res.Findings, res.Problems, res.Files)
	}
}

func join(lines []string) string {
	out := ""
	for _, l := range lines {
		out += "\t" + l + "\n"
	}
	return out
}

// TestGoVendored checks that a module with vendor/modules.txt is loaded
// from its vendor directory, with an empty module cache and no network.
func TestGoVendored(t *testing.T) {
	module(t, "vendored")
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "")
	got, problems := goScan(t, Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	if want := []string{"main.go:13:6 GO201"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// TestGoModDownload: with GoModDownload the engine runs go mod download in
// the module first. A module without dependencies downloads nothing and is
// analysed as usual; one whose dependency cannot be fetched is a problem
// that says the download failed, at its go.mod.
func TestGoModDownload(t *testing.T) {
	goRules := []*lint.Rule{go201.Rule, go202.Rule}
	dir := module(t, "gateway")
	// gateway/broken does not type-check on purpose: one problem of its own.
	res, err := Run(context.Background(), Options{Rules: goRules, GoModDownload: true})
	if err != nil || len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0].File, "broken/") || len(res.Findings) == 0 || res.Modules != 1 {
		t.Fatalf("module without dependencies: err %v, problems %v, %d findings, %d modules", err, res.Problems, len(res.Findings), res.Modules)
	}
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	mod := "module example.com/gateway\n\ngo 1.26\n\nrequire example.invalid/missing v1.0.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Run(context.Background(), Options{Rules: goRules, GoModDownload: true})
	if err != nil || len(res.Problems) != 1 || res.Problems[0].File != "go.mod" ||
		!strings.HasPrefix(res.Problems[0].Message, "go mod download (--go-mod-download) failed: ") {
		t.Errorf("unfetchable dependency: err %v, problems %v", err, res.Problems)
	}
}

// TestGoModuleStep: GO201 grades a handler of one package by the routes
// that another package of the module registers for it (the module step
// of lint.Rule): a note when every such route checks credentials.
func TestGoModuleStep(t *testing.T) {
	module(t, "go201split")
	res, err := Run(context.Background(), Options{Rules: []*lint.Rule{go201.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Location, f.Severity, f.Message))
	}
	want := []string{
		"handlers/handlers.go:12:6 note json.NewDecoder reads r.Body with no size limit (a note, not a warning: only authenticated callers reach this handler (every route that serves it checks credentials); a body limit there guards against a client's bug more than an attack)",
		"handlers/handlers.go:18:6 warning json.NewDecoder reads r.Body with no size limit",
		"handlers/handlers.go:24:6 warning json.NewDecoder reads r.Body with no size limit",
		"handlers/handlers.go:30:6 warning json.NewDecoder reads r.Body with no size limit",
		// A helper that only protected handlers call is graded as they are.
		"handlers/handlers.go:39:6 note json.NewDecoder reads r.Body with no size limit (a note, not a warning: only authenticated callers reach this handler (every route that serves it checks credentials); a body limit there guards against a client's bug more than an attack)",
		"handlers/handlers.go:50:6 warning json.NewDecoder reads r.Body with no size limit",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
