package goapi

import (
	"go/token"
	"go/types"
	"strings"
	"testing"
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
