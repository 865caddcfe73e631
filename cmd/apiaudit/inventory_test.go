package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// driftMarker is an expect marker of the inventory example, in Go or YAML.
var driftMarker = regexp.MustCompile(`(?://|#) apiaudit: expect (GO106|GO208|GO504|GO505|OAS511)\b`)

// TestInventoryDriftExample scans examples/ (where examples/inventory is
// the only spec and Go service that serve each other) and checks that the
// drift rules' findings are exactly the lines marked in examples/inventory:
// each planted drift on its line, nothing on the clean twins, nothing
// between the travel-agent spec and the agent-gateway service.
func TestInventoryDriftExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("examples", "inventory")
	var want []string
	for _, name := range []string{"main.go", "openapi.yaml"} {
		fh, err := os.Open(filepath.Join(root, dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			for _, m := range driftMarker.FindAllStringSubmatch(sc.Text(), -1) {
				want = append(want, "examples/inventory/"+name+":"+strconv.Itoa(n)+" "+m[1])
			}
		}
		fh.Close()
	}
	if len(want) < 6 {
		t.Fatalf("only %d expect markers in %s", len(want), dir)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--no-config", "--format", "json", "examples"}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb.String())
	}
	var res struct {
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Location struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		switch f.RuleID {
		case "GO106", "GO208", "GO504", "GO505", "OAS511":
			got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("drift findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestInventoryExamples compares `apiaudit inventory --format markdown
// examples` with the checked-in table (go test ./cmd/apiaudit -run
// TestInventoryExamples -update rewrites it).
func TestInventoryExamples(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(root, "testdata", "inventory", "examples.md")
	t.Chdir(root)
	var out, errb bytes.Buffer
	if code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"inventory", "--no-config", "--format", "markdown", "examples"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errb.String())
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out.String() {
		t.Errorf("inventory of examples/ differs from %s:\n%s", golden, diff(string(want), out.String()))
	}
}

// TestInventoryCommand: the JSON schema's top level, and a bad format is a
// usage error (exit 2) that writes nothing to standard output.
func TestInventoryCommand(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	if code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"inventory", "--no-config", "--format", "xml", "examples/inventory"}, &out, &errb); code != 2 || out.Len() != 0 {
		t.Errorf("--format xml: exit %d, stdout %q", code, out.String())
	}
	out.Reset()
	if code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"inventory", "--no-config", "--format", "json", "examples/inventory"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var v struct {
		Schema   int `json:"schema"`
		Pairings []struct {
			Paired bool   `json:"paired"`
			Why    string `json:"why"`
		} `json:"pairings"`
		Endpoints []struct {
			Status string          `json:"status"`
			Spec   json.RawMessage `json:"spec"`
			Code   json.RawMessage `json:"code"`
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Schema != 1 || len(v.Pairings) != 1 || !v.Pairings[0].Paired || len(v.Endpoints) != 10 {
		t.Errorf("schema %d, pairings %+v, %d endpoints", v.Schema, v.Pairings, len(v.Endpoints))
	}
	for _, e := range v.Endpoints {
		if (e.Status == "matched") != (e.Spec != nil && e.Code != nil) {
			t.Errorf("%s row with spec %s, code %s", e.Status, e.Spec, e.Code)
		}
	}
}
