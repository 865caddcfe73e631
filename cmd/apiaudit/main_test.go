package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/e2e")

// TestEndToEnd runs the whole command line on each case under
// testdata/e2e (and on the bundled examples) in every format, and compares
// standard output, standard error and the exit code with golden files.
func TestEndToEnd(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := filepath.Glob(filepath.Join(root, "testdata", "e2e", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no e2e cases: %v", err)
	}
	type run struct{ dir, scan, golden string }
	var runs []run
	for _, c := range cases {
		runs = append(runs, run{dir: c, scan: ".", golden: c})
	}
	runs = append(runs, run{dir: root, scan: "examples", golden: filepath.Join(root, "testdata", "e2e-examples")})
	for _, r := range runs {
		for _, format := range []string{"text", "json", "sarif"} {
			name := filepath.Base(r.golden) + "/" + format
			t.Run(name, func(t *testing.T) {
				t.Chdir(r.dir)
				var out, errb bytes.Buffer
				code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", format, r.scan}, &out, &errb)
				got := out.String() + "--- stderr\n" + errb.String() + "--- exit " + strconv.Itoa(code) + "\n"
				golden := filepath.Join(r.golden, "want."+format)
				if *update {
					if err := os.MkdirAll(r.golden, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (go test ./cmd/apiaudit -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("output differs from %s (go test ./cmd/apiaudit -update rewrites it):\n%s", golden, diff(string(want), got))
				}
			})
		}
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return ""
}
