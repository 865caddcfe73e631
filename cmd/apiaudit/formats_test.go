package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// TestEndToEndMoreFormats is TestEndToEnd for the CI formats (markdown,
// github, junit) on the hostile case and the bundled examples: the whole
// command line, standard output, standard error and the exit code against
// testdata/e2e/<case>/want.<format> (go test -update rewrites them).
func TestEndToEndMoreFormats(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	type run struct{ dir, scan, golden string }
	for _, r := range []run{
		{dir: filepath.Join(root, "testdata", "e2e", "hostile"), scan: ".", golden: filepath.Join(root, "testdata", "e2e", "hostile")},
		{dir: root, scan: "examples", golden: filepath.Join(root, "testdata", "e2e-examples")},
	} {
		for _, format := range []string{"markdown", "github", "junit"} {
			t.Run(filepath.Base(r.golden)+"/"+format, func(t *testing.T) {
				t.Chdir(r.dir)
				// Reproducible JUnit: a fixed timestamp, no duration, no host name.
				t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
				var out, errb bytes.Buffer
				code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", format, r.scan}, &out, &errb)
				got := out.String() + "--- stderr\n" + errb.String() + "--- exit " + strconv.Itoa(code) + "\n"
				golden := filepath.Join(r.golden, "want."+format)
				if *update {
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
