package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules"
)

// TestGoVet builds apiaudit-vet and runs go vet -vettool with it on
// testdata/mod: one GO201 diagnostic, none for the function an ignore
// covers or for the generated file, a GO405 flow into an unexported tool
// that another package keeps in a table of function values (its summary
// reaches the caller in a package fact, found by name and signature,
// since export data leaves the function out), and exit status 1.
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the vet tool")
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "apiaudit-vet")
	build := exec.Command("go", "build", "-o", tool, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(tmp, "mod")
	if err := os.CopyFS(mod, os.DirFS("testdata/mod")); err != nil {
		t.Fatal(err)
	}
	vet := exec.Command("go", "vet", "-vettool="+tool, "./...")
	vet.Dir = mod
	vet.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := vet.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("go vet: err = %v, want exit status 1\n%s", err, out)
	}
	var diags []string
	for line := range strings.Lines(string(out)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			diags = append(diags, line)
		}
	}
	want := []string{
		"main.go:16:6: json.NewDecoder reads r.Body with no size limit (GO201)",
		"main.go:25:32: untrusted data reaches command execution in tools.shell → exec.Command at tools.go:11, from the request URL (source at main.go:25) (a warning, not an error: HTTP request data reaching a command or a SQL statement was not an injection in the two flows of this kind judged so far (an argument vector, a value the handler had checked): check who can call the route and whether the value can change what runs) (GO405)",
		"main.go:25:35: \tthe request URL read here",
		"main.go:25:32: \tpassed to tools.shell",
	}
	// go vet prints each analyzer's diagnostics as it finishes, so the
	// order of findings varies; a finding's related lines (indented by a
	// tab) stay under it.
	if !slices.Equal(findingBlocks(diags), findingBlocks(want)) {
		t.Errorf("go vet printed:\n%s\nwant the diagnostics %q", out, want)
	}
}

// findingBlocks joins each finding with the related lines under it and
// sorts the findings.
func findingBlocks(lines []string) []string {
	var blocks []string
	for _, l := range lines {
		if _, rest, ok := strings.Cut(l, ": \t"); ok && rest != "" && len(blocks) > 0 {
			blocks[len(blocks)-1] += "\n" + l
			continue
		}
		blocks = append(blocks, l)
	}
	slices.Sort(blocks)
	return blocks
}

func TestAnalyzers(t *testing.T) {
	analyzers, _ := Analyzers(rules.All)
	if err := analysis.Validate(analyzers); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rules.All {
		if r.Analyzer != nil {
			n++
		}
	}
	if n == 0 || len(analyzers) != n {
		t.Errorf("%d analyzers for %d Go rules", len(analyzers), n)
	}
}

func TestDefaultOff(t *testing.T) {
	rs := []*lint.Rule{
		{ID: "GO201", Analyzer: &analysis.Analyzer{Name: "GO201"}},
		{ID: "GO301", Analyzer: &analysis.Analyzer{Name: "GO301"}, Doc: lint.Doc{Optional: true}},
	}
	analyzers, optional := Analyzers(rs)
	for _, tc := range []struct{ args, want []string }{
		{[]string{"vet", "x.cfg"}, []string{"vet", "-GO301=false", "x.cfg"}},
		{[]string{"vet", "-V=full"}, []string{"vet", "-GO301=false", "-V=full"}},
		{[]string{"vet", "-GO301", "x.cfg"}, []string{"vet", "-GO301", "x.cfg"}},
		{[]string{"vet", "-GO201=true", "x.cfg"}, []string{"vet", "-GO201=true", "x.cfg"}},
	} {
		if got := defaultOff(tc.args, analyzers, optional); !slices.Equal(got, tc.want) {
			t.Errorf("defaultOff(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

func TestVersionLine(t *testing.T) {
	for _, c := range []struct {
		args    []string
		release string
		want    string
		ok      bool
	}{
		{[]string{"--version"}, "v1.2.3", "apiaudit-vet v1.2.3", true},
		{[]string{"-version"}, "v1.2.3", "apiaudit-vet v1.2.3", true},
		{[]string{"--version"}, "", "apiaudit-vet ", true},
		{[]string{"-V=full"}, "v1.2.3", "", false},
		{[]string{"--version", "./..."}, "v1.2.3", "", false},
	} {
		got, ok := versionLine(c.args, c.release)
		if ok != c.ok || !strings.HasPrefix(got, c.want) || (ok && got == "apiaudit-vet ") {
			t.Errorf("versionLine(%v, %q) = %q, %v", c.args, c.release, got, ok)
		}
	}
}

// TestStopped checks the line a stopped analysis prints under go vet.
func TestStopped(t *testing.T) {
	var out strings.Builder
	b := budget.New("taint analysis", "package example.com/p", 1)
	b.Where = "p"
	b.Spend()
	b.Spend()
	stopped(&out)(b)
	want := "apiaudit-vet: p: taint analysis of package example.com/p stopped after 1 steps; findings there may be incomplete\n"
	if out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
}
