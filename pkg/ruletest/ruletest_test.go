package ruletest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// fake reports every operation, and every parameter at its name.
var fake = &lint.Rule{ID: "OAS199", Name: "fake", Spec: func(pass *lint.SpecPass) error {
	for _, op := range openapi.Operations(pass.Doc) {
		pass.Reportf(op.Pointer, op.Op.Origin, "", "op %s %s", op.Method, op.Path)
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		pass.Reportf(p.Pointer, p.Origin, "name", "param %s", p.P.Name)
	}
	return nil
}}

// write creates files under a fresh testdata directory and returns its path.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "testdata")
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const head = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
`

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, fixture string
		want          []string // regexps, one per reported mismatch, in order
	}{
		{"all matched", head + `  /pets:
    get: # want "op get /pets"
      parameters:
        - name: q # want "param q"
          in: query
    post: # want "op post" "never"
      responses: {}
`, []string{`pets.yaml:9: no finding matched "never"`}},
		{"silent fixture", head + `  /pets:
    get:
      responses: {}
`, []string{`pets.yaml:5:5: unexpected finding: op get /pets`}},
		{"wrong line", head + `  /pets: # want "op get /pets"
    get:
      responses: {}
`, []string{`pets.yaml:5:5: unexpected finding: op get /pets`, `pets.yaml:4: no finding matched`}},
		{"wrong message", head + `  /pets:
    get: # want "op post"
      responses: {}
`, []string{`unexpected finding: op get /pets`, `pets.yaml:5: no finding matched "op post"`}},
		{"want consumed once", head + `  /pets:
    get: # want ` + "`op`" + `
      parameters: [{name: a, in: query}, {name: b, in: query}] # want "param" "param" "param"
`, []string{`pets.yaml:6: no finding matched "param"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, map[string]string{"pets.yaml": tc.fixture})
			got := check(t, fake, filepath.Join(dir, "pets.yaml"))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d mismatches, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, re := range tc.want {
				if !regexp.MustCompile(re).MatchString(got[i]) {
					t.Errorf("mismatch %d = %q, want match for %q", i, got[i], re)
				}
			}
		})
	}
}

// TestMultiFile checks that wants are read from the other files of a
// multi-file fixture, whether or not a finding landed there.
func TestMultiFile(t *testing.T) {
	dir := write(t, map[string]string{
		"multi/api.yaml": head + `  /pets:
    get: # want "op get"
      parameters:
        - $ref: "params.yaml#/Q"
    put: # want "op put"
      parameters:
        - $ref: "params.yaml#/Q"
`,
		"multi/params.yaml": `Q:
  in: query
  name: q # want "param q"
`,
		"multi/other.yaml": `# want "nothing lands here"
`,
	})
	got := check(t, fake, filepath.Join(dir, "multi", "api.yaml"))
	want := []string{`testdata/multi/other.yaml:1: no finding matched "nothing lands here"`}
	if len(got) != 1 || !strings.HasSuffix(got[0], want[0]) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCompareNoPosition(t *testing.T) {
	findings := []lint.Finding{{Message: "m", Location: lint.Location{File: "a.yaml", Line: 3}}}
	got := compare("testdata", findings, map[string]map[int][]*want{})
	if !slices.Equal(got, []string{"testdata/a.yaml:3: finding has no line and column: m"}) {
		t.Errorf("got %q", got)
	}
}

func TestParseWants(t *testing.T) {
	dir := write(t, map[string]string{"w.yaml": `a: 1 # want "one" ` + "`two\\d`" + `
b: "# want not a comment"
c: x#want "glued, not a comment"
d: 2 #want "three"
`})
	got, err := parseWants(filepath.Join(dir, "w.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range []int{1, 2, 3, 4} {
		for _, w := range got[line] {
			lines = append(lines, w.re.String())
		}
	}
	if !slices.Equal(lines, []string{"one", `two\d`, "three"}) {
		t.Errorf("got %q", lines)
	}
	dir = write(t, map[string]string{"bad.yaml": "a: 1 # want one\n"})
	if _, err := parseWants(filepath.Join(dir, "bad.yaml")); err == nil {
		t.Error("an unquoted want was accepted")
	}
}
