package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// TestMCPClientExample scans examples/mcp-client with the default rules
// and checks that the findings are exactly the lines marked
// "// apiaudit: expect MCPxxx" (client configurations are JSON with
// comments): each planted mistake in planted/ found on its line, and
// nothing in the clean twins of clean/.
func TestMCPClientExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("examples", "mcp-client")
	want := expectMarkers(t, root, dir, slashExpect, ".json")
	if len(want) < 6 {
		t.Fatalf("only %d expect markers in %s", len(want), dir)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", dir}, &out, &errb)
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
		Problems []json.RawMessage `json:"problems"`
		Summary  struct {
			ClientConfigs int `json:"clientConfigs"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 || res.Summary.ClientConfigs != 4 {
		t.Errorf("problems %s; %d client configurations scanned, want 4", res.Problems, res.Summary.ClientConfigs)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%q\nwant the expect markers:\n%q", got, want)
	}
}
