package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// everyOperation reports each operation: a stand-in rule whose findings are
// easy to predict.
var everyOperation = testRule("TST101", func(pass *lint.SpecPass) error {
	for _, op := range openapi.Operations(pass.Doc) {
		pass.Reportf(op.Pointer, op.Op.Origin, "", "%s %s", op.Method, op.Path)
	}
	return nil
})

var quiet = testRule("TST102", func(*lint.SpecPass) error { return nil })

func testRule(id string, run func(*lint.SpecPass) error) *lint.Rule {
	return &lint.Rule{ID: id, Name: strings.ToLower(id), Spec: run,
		Doc: lint.Doc{Title: id, Severity: lint.SeverityWarning, Fix: "fix " + id}}
}

// tree copies testdata/tree to a temporary directory, adds a .git
// directory (which cannot be committed) and makes it the working directory.
func tree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/tree")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".git", "api.yaml"), []byte("openapi: 3.0.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

func rels(t *testing.T, root string, inputs []Input, kind Kind) []string {
	var out []string
	for _, in := range inputs {
		if in.Kind == kind {
			r, _ := filepath.Rel(root, in.Abs)
			out = append(out, filepath.ToSlash(r))
		}
	}
	return out
}

func TestDiscover(t *testing.T) {
	root := tree(t)
	found, err := Discover(Options{Exclude: []string{"specs/generated/**"}})
	if err != nil {
		t.Fatal(err)
	}
	inputs := found.Inputs
	got := rels(t, root, inputs, KindOpenAPI)
	want := []string{"specs/api.yml", "specs/broken.yaml", "specs/ignored.yaml", "specs/legacy.json"}
	if !slices.Equal(got, want) {
		t.Errorf("OpenAPI inputs = %q, want %q", got, want)
	}
	if got := rels(t, root, inputs, KindGo); !slices.Equal(got, []string{"."}) {
		t.Errorf("Go modules = %q, want [.]", got)
	}
	for _, in := range inputs {
		if in.Abs == filepath.Join(root, "specs", "legacy.json") && in.Version != "2.0" {
			t.Errorf("legacy.json version = %q, want 2.0", in.Version)
		}
	}

	// A pattern without a slash matches base names anywhere, like .gitignore.
	found, err = Discover(Options{Paths: []string{"specs"}, Exclude: []string{"*.json", "generated"}})
	if err != nil {
		t.Fatal(err)
	}
	inputs = found.Inputs
	if got := rels(t, root, inputs, KindOpenAPI); !slices.Equal(got, []string{"specs/api.yml", "specs/broken.yaml", "specs/ignored.yaml"}) {
		t.Errorf("with base-name excludes: %q", got)
	}

	if _, err := Discover(Options{Paths: []string{"missing"}}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing path: err = %v", err)
	}
	if _, err := Discover(Options{Exclude: []string{"[unclosed"}}); err == nil {
		t.Error("a bad glob was accepted")
	}
}

func TestRun(t *testing.T) {
	tree(t)
	opts := Options{Rules: []*lint.Rule{everyOperation, quiet}, Exclude: []string{"specs/generated/**"}}
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Location.String()+" "+f.RuleID+" "+f.Message)
		if f.Severity != lint.SeverityWarning || f.Fix == "" || len(f.Fingerprint) != 16 {
			t.Errorf("finding not completed by the engine: %+v", f)
		}
	}
	want := []string{
		"specs/api.yml:5:5 TST101 get /a",
		"specs/ignored.yaml:12:5 TST101 get /noreason",
		"specs/ignored.yaml:13:7 OAS501 x-apiaudit-ignore for TST101 gives no reason, so it suppresses nothing: add reason: why the finding does not apply",
		"specs/ignored.yaml:18:5 TST101 get /unknown",
		"specs/ignored.yaml:19:7 OAS501 x-apiaudit-ignore names unknown rule \"XYZ999\"",
		"specs/ignored.yaml:25:5 TST101 get /unused",
		"specs/ignored.yaml:26:7 OAS501 x-apiaudit-ignore for TST102 matches no finding: remove it",
		"specs/legacy.json:1:38 TST101 post /b",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Problems) != 1 || res.Problems[0].File != "specs/broken.yaml" || res.Problems[0].Line != 5 {
		t.Errorf("problems = %+v, want one for specs/broken.yaml:5", res.Problems)
	}
	if !slices.Equal(res.Files, []string{"specs/api.yml", "specs/ignored.yaml", "specs/legacy.json"}) {
		t.Errorf("files = %q", res.Files)
	}

	// The same scan, run again with another degree of parallelism, gives
	// the same result.
	opts.Jobs = 1
	again, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, again) {
		t.Error("two runs of the same scan differ")
	}
}

func TestBrokenRuleIsAProblem(t *testing.T) {
	tree(t)
	panics := testRule("TST103", func(*lint.SpecPass) error { panic("boom") })
	fails := testRule("TST104", func(*lint.SpecPass) error { return errors.New("cannot run") })
	res, err := Run(context.Background(), Options{Paths: []string{"specs/api.yml"}, Rules: []*lint.Rule{panics, fails, everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Errorf("the healthy rule should still report: %+v", res.Findings)
	}
	var msgs []string
	for _, p := range res.Problems {
		msgs = append(msgs, p.Message)
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0]+msgs[1], "TST103 crashed: boom") || !strings.Contains(msgs[0]+msgs[1], "TST104: cannot run") {
		t.Errorf("problems = %q", msgs)
	}
}

// TestDiscoverLinksAndHostileTrees covers symbolic links (out of the root,
// broken, looping), unreadable directories and names with spaces and
// non-ASCII letters.
func TestDiscoverLinksAndHostileTrees(t *testing.T) {
	root := tree(t)
	outside := t.TempDir()
	spec := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(spec), 0o644))
	must(os.MkdirAll(filepath.Join(root, "links", "ünï cödé"), 0o755))
	must(os.WriteFile(filepath.Join(root, "links", "ünï cödé", "my api.yaml"), []byte(spec), 0o644))
	must(os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "links", "escape.yaml")))
	must(os.Symlink(filepath.Join(root, "nowhere.yaml"), filepath.Join(root, "links", "dangling.yaml")))
	must(os.Symlink(filepath.Join(root, "links"), filepath.Join(root, "links", "loop")))
	must(os.Symlink(filepath.Join(root, "specs", "api.yml"), filepath.Join(root, "links", "inside.yaml")))

	found, err := Discover(Options{Paths: []string{"links"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(t, root, found.Inputs, KindOpenAPI); !slices.Equal(got, []string{"links/inside.yaml", "links/ünï cödé/my api.yaml"}) {
		t.Errorf("inputs = %q", got)
	}
	var notices []string
	for _, n := range found.Notices {
		notices = append(notices, n.Error())
	}
	want := []string{
		"links/dangling.yaml: skipped: broken symbolic link",
		"links/escape.yaml: skipped: symbolic link to a file outside the scan root",
	}
	if !slices.Equal(notices, want) {
		t.Errorf("notices = %q, want %q", notices, want)
	}
}

func TestDiscoverUnreadable(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads every file; permissions cannot be tested")
	}
	root := tree(t)
	locked := filepath.Join(root, "specs", "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	found, err := Discover(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Problems) != 1 || found.Problems[0].File != "specs/locked" {
		t.Errorf("problems = %+v, want one for specs/locked", found.Problems)
	}
	if len(found.Inputs) == 0 {
		t.Error("the rest of the tree was not scanned")
	}
}

func TestSizeLimit(t *testing.T) {
	tree(t)
	res, err := Run(context.Background(), Options{Paths: []string{"specs/ignored.yaml", "specs/api.yml"}, Rules: []*lint.Rule{everyOperation}, MaxFileSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "specs/ignored.yaml: not scanned: the file is 627B, over the 200B limit (raise it with --max-file-size 2KB)") {
		t.Errorf("problems = %+v", res.Problems)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.File != "specs/api.yml" {
		t.Errorf("the small file was not scanned: %+v", res.Findings)
	}
}

// TestDeterministic runs the same scan with one and with eight workers and
// expects equal results. (Directory order does not matter: WalkDir reads
// each directory sorted.)
func TestDeterministic(t *testing.T) {
	tree(t)
	opts := Options{Rules: []*lint.Rule{everyOperation}, Jobs: 1}
	one, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Jobs = 8
	eight, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, eight) {
		t.Error("results differ between 1 and 8 workers")
	}
}

// TestWalksReleased checks that the walks cached for a document while its
// rules run are dropped once it is scanned, so that a scan of many
// documents does not keep them all.
func TestWalksReleased(t *testing.T) {
	tree(t)
	var docs []any
	probe := testRule("TST105", func(pass *lint.SpecPass) error {
		openapi.Schemas(pass.Doc)
		docs = append(docs, pass.Doc)
		return nil
	})
	if _, err := Run(context.Background(), Options{Paths: []string{"specs/api.yml"}, Rules: []*lint.Rule{probe}}); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || openapi.Cached(docs[0].(*openapi3.T)) {
		t.Error("the document's walks are still cached after the scan")
	}
}

// TestTestdataModulesSkipped checks that, like the go command, discovery
// leaves Go modules under testdata alone unless the walk starts there.
func TestTestdataModulesSkipped(t *testing.T) {
	root := tree(t)
	fixture := filepath.Join(root, "specs", "testdata", "fixture")
	if err := os.MkdirAll(fixture, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fixture, "go.mod"), []byte("module example.com/fixture\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	found, err := Discover(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(t, root, found.Inputs, KindGo); !slices.Equal(got, []string{"."}) {
		t.Errorf("walking the root: Go modules = %q, want only .", got)
	}
	found, err = Discover(Options{Paths: []string{"specs/testdata/fixture"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(t, root, found.Inputs, KindGo); !slices.Equal(got, []string{"specs/testdata/fixture"}) {
		t.Errorf("naming the fixture: Go modules = %q", got)
	}
}

// TestDeepNesting scans documents nested 100 000 levels deep, in JSON and
// in YAML flow style: each is one problem naming the file and the depth
// limit (apiaudit's 500 levels, checked before the parser's 10 000), no
// crash or stack overflow, and the good document beside them is still
// scanned.
func TestDeepNesting(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const n = 100000
	deep := strings.Repeat("[", n) + strings.Repeat("]", n)
	files := map[string]string{
		"deep.json": `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": ` + deep + `}`,
		"deep.yaml": "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\nx-deep: " + deep + "\n",
		"good.yaml": "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        \"200\": {description: ok}\n",
	}
	for name, body := range files {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Error())
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "deep.json:1: ") || !strings.HasPrefix(got[1], "deep.yaml:4: ") || !strings.Contains(got[0], "nests more than 500 levels deep") {
		t.Errorf("problems = %q", got)
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.File != "good.yaml" {
		t.Errorf("findings = %+v", res.Findings)
	}
}
