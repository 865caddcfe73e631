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

// TestMCPConfig2Example scans examples/mcpconfig2 (Codex's TOML,
// Continue's and Goose's YAML) from inside it, as a team runs apiaudit on
// its repository, and checks that the findings are exactly the lines
// marked "# apiaudit: expect MCPxxx" in planted/, that the clean twins in
// clean/ are silent (one finding there is suppressed in the file).
func TestMCPConfig2Example(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "examples", "mcpconfig2"))
	if err != nil {
		t.Fatal(err)
	}
	want := expectMarkers(t, root, ".", hashExpect, ".toml", ".yaml")
	if len(want) < 10 {
		t.Fatalf("only %d expect markers in %s", len(want), root)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", "--include-suppressed", "."}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb.String())
	}
	type finding struct {
		RuleID   string `json:"ruleId"`
		Location struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"location"`
	}
	var res struct {
		Findings   []finding         `json:"findings"`
		Suppressed []finding         `json:"suppressed"`
		Problems   []json.RawMessage `json:"problems"`
		Summary    struct {
			ClientConfigs int `json:"clientConfigs"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 || res.Summary.ClientConfigs != 6 {
		t.Errorf("problems %s; %d client configurations scanned, want 6", res.Problems, res.Summary.ClientConfigs)
	}
	var got, hidden []string
	for _, f := range res.Findings {
		got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
	}
	for _, f := range res.Suppressed {
		hidden = append(hidden, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%q\nwant the expect markers:\n%q", got, want)
	}
	if !slices.Equal(hidden, []string{"clean/.codex/config.toml:29 MCP503"}) {
		t.Errorf("suppressed: %q, want the one in clean/.codex/config.toml", hidden)
	}
}
