package gotaint

import (
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestNeeded checks which packages of a load the taint analyzer analyses
// when the load is shared: those through which a flow from untrusted data
// can be reported (the command that serves requests, the package that
// reads them and the one that runs commands), and not the library that
// only a command-line tool uses.
func TestNeeded(t *testing.T) {
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  "testdata/sharemod",
		Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the test module does not load")
	}
	need := needed(pkgs)
	var got []string
	for p := range need {
		if path, ok := strings.CutPrefix(p.Path(), "example.com/sharemod/"); ok {
			got = append(got, path)
		}
	}
	slices.Sort(got)
	if want := []string{"cmd/app", "sink", "src"}; !slices.Equal(got, want) {
		t.Errorf("analysed %q, want %q", got, want)
	}
	if !need[findPkg(pkgs, "net/http")] {
		t.Error("net/http, which cmd/app imports, is not marked")
	}
}

func findPkg(pkgs []*packages.Package, path string) (found *types.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath == path {
			found = p.Types
		}
	})
	return found
}
