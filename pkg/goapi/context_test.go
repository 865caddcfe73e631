package goapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestPlaceOf(t *testing.T) {
	cases := map[string]Place{
		"github.com/mark3labs/mcp-go/examples/everything":                      Example,
		"github.com/x/y/_examples/chat":                                        Example,
		"github.com/modelcontextprotocol/go-sdk/conformance/everything-server": Example,
		"github.com/x/y/cmd/demo":                                              Example,
		"github.com/x/y/internal/oauthtest":                                    TestScaffold,
		"github.com/x/y/test/e2e":                                              TestScaffold,
		"github.com/x/y/pkg/testkit":                                           TestScaffold,
		"github.com/x/y/pkg/server":                                            Production,
		"github.com/x/y/pkg/latest":                                            Production,
		"github.com/x/go-demo/server":                                          Production,
		"github.com/x/y/testing":                                               TestScaffold,
		"a":                                                                    Production,
		// showcases, mock servers and hand-testing tools
		"github.com/x/y/showcases/deepresearch/backend": Example,
		"github.com/x/y/showcase":                       Example,
		"github.com/x/y/cmd/mock-server/backend":        TestScaffold,
		"github.com/x/y/cmd/mockserver":                 TestScaffold,
		"github.com/x/y/cmd/mcpfixture":                 TestScaffold,
		"github.com/x/y/internal/fixtures/upstream":     TestScaffold,
		"github.com/x/y/internal/prefix":                Production,
		"github.com/x/y/internal/githubv4mock":          TestScaffold,
		"github.com/x/y/tests_mock":                     TestScaffold,
		"github.com/x/y/openai-mock-api":                TestScaffold,
		"github.com/x/y/mock_llm":                       TestScaffold,
		"github.com/x/y/cmd/template-tester":            Example,
		"github.com/x/y/cmd/prompt_tester":              Example,
		"github.com/x/y/pkg/mockingbird":                Production,
		"github.com/x/y/pkg/mockup":                     Production,
		"github.com/x/y/pkg/hammock":                    Production,
		"github.com/x/y/pkg/mockingbird-server":         Production,
		"github.com/x/y/internal/tester":                Production,
		"github.com/x/y/internal/testerhub":             Production,
		"github.com/x/y/cmd/showcaser":                  Production,
		"github.com/x/y/pkg/latest-mockups":             Production,
	}
	for path, want := range cases {
		if got, _ := PlaceOf(path); got != want {
			t.Errorf("PlaceOf(%q) = %d, want %d", path, got, want)
		}
	}
	if got := PlaceReason("github.com/x/y/examples/echo"); got != "example code (examples/)" {
		t.Errorf("PlaceReason = %q", got)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"localhost:8080": true, "127.0.0.1:0": true, "[::1]:9000": true, "127.0.0.2:80": true,
		"localhost:%d": true, "api.localhost:80": true, "localhost": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:80": false, "example.com:443": false, "": false,
		"10.0.0.1:80": false,
	} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestGrade(t *testing.T) {
	g := NewGrade(Error)
	if g.Category() != "" || g.Suffix() != "" {
		t.Fatalf("an unmoved grade has category %q and suffix %q", g.Category(), g.Suffix())
	}
	g.Lower("example code (examples/)").Lower("listens on loopback only").Lower("third")
	if g.Level != Note || g.Category() != "note" {
		t.Errorf("lowered three times from error: %v", g.Level)
	}
	if want := " (a note, not an error: example code (examples/); listens on loopback only; third)"; g.Suffix() != want {
		t.Errorf("Suffix = %q, want %q", g.Suffix(), want)
	}
	w := NewGrade(Warning).Raise("the package gives a model tools")
	if w.Category() != "error" || w.Suffix() != " (an error, not a warning: the package gives a model tools)" {
		t.Errorf("raised: %q %q", w.Category(), w.Suffix())
	}
}

func TestGradeStartAt(t *testing.T) {
	g := NewGrade(Error).StartAt(Warning)
	if g.Category() != "warning" || g.Suffix() != "" {
		t.Errorf("started at warning: %q %q", g.Category(), g.Suffix())
	}
	g.Lower("opt-in")
	if g.Category() != "note" || g.Suffix() != " (a note, not a warning: opt-in)" {
		t.Errorf("lowered from warning: %q %q", g.Category(), g.Suffix())
	}
}

func TestMCPGoValidationAdvice(t *testing.T) {
	old := types.NewPackage("github.com/mark3labs/mcp-go/server", "server")
	if got := MCPGoValidationAdvice(old); strings.Contains(got, "build the server with") || !strings.Contains(got, "has no server.WithInputSchemaValidation()") {
		t.Errorf("a release without the option is told to use it: %q", got)
	}
	recent := types.NewPackage("github.com/mark3labs/mcp-go/server", "server")
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	recent.Scope().Insert(types.NewFunc(token.NoPos, recent, "WithInputSchemaValidation", sig))
	if got := MCPGoValidationAdvice(recent); !strings.HasPrefix(got, "build the server with server.WithInputSchemaValidation()") {
		t.Errorf("a release with the option is not told to use it: %q", got)
	}
}

func TestLowerPlace(t *testing.T) {
	g := NewGrade(Error).LowerPlace("example.com/m/examples/server")
	if g.Level != Note || g.Suffix() != " (a note, not an error: example code (examples/))" {
		t.Errorf("an error in example code: %v %q", g.Level, g.Suffix())
	}
	g = NewGrade(Warning).LowerPlace("example.com/m/internal/testutil")
	if g.Level != Note || g.Suffix() != " (a note, not a warning: test scaffolding (testutil/))" {
		t.Errorf("a warning in test scaffolding: %v %q", g.Level, g.Suffix())
	}
	g = NewGrade(Error).LowerPlace("example.com/m/internal/server")
	if g.Level != Error || g.Suffix() != "" {
		t.Errorf("production code moved: %v %q", g.Level, g.Suffix())
	}
}

// TestPlacePathNestedModule: a module nested in another (its own go.mod
// under examples/ or test/) is graded by where it sits, which its import
// path does not say; a module under testdata/ is not graded by that.
func TestPlacePathNestedModule(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("go.mod", "module example.com/gateway\n")
	cases := []struct {
		dir, module, want string
	}{
		{"examples/interceptors/http", "example.com/gateway-http-interceptor", "example code (examples/)"},
		{"test/servers/elicit", "example.com/elicit", "test scaffolding (test/)"},
		{"pkg/client/testdata/list", "example.com/list", ""}, // started inside on purpose
		{"tools/proxy", "example.com/proxy", ""},
		{"cmd/server", "", ""}, // a package of the root module
	}
	for _, c := range cases {
		if c.module != "" {
			write(c.dir+"/go.mod", "module "+c.module+"\n")
		}
		file := write(c.dir+"/main.go", "package main\n")
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkgPath := c.module
		if pkgPath == "" {
			pkgPath = "example.com/gateway/" + c.dir
		}
		pass := &analysis.Pass{Pkg: types.NewPackage(pkgPath, "main"), Fset: fset, Files: []*ast.File{f}}
		if got := PlaceReason(PlacePath(pass)); got != c.want {
			t.Errorf("%s (module %s): place %q, want %q", c.dir, pkgPath, got, c.want)
		}
		// A scan started on the examples/ or test/ directory audits
		// what is below it as the project itself.
		if top, _, _ := strings.Cut(c.dir, "/"); c.module != "" {
			SetScanRoots([]string{filepath.Join(root, top)})
			if got := PlaceReason(PlacePath(pass)); got != "" {
				t.Errorf("%s, scan started on %s/: place %q, want none", c.dir, top, got)
			}
			SetScanRoots(nil)
			if got := PlaceReason(PlacePath(pass)); got != c.want {
				t.Errorf("%s, roots reset: place %q, want %q", c.dir, got, c.want)
			}
		}
	}
}
