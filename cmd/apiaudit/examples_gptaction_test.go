package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// TestGPTActionToolsExample scans the bundled GPT action and checks that
// the catalog findings (MCP rules) are exactly the lines marked
// "# apiaudit: expect MCPxxx": the operations of a document written for
// agents are read as tools.
func TestGPTActionToolsExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.ToSlash(filepath.Join("examples", "gpt-action-tools", "openapi.yaml"))
	want := expectMarkers(t, root, file, hashExpect, ".yaml")
	if len(want) < 3 {
		t.Fatalf("only %d expect markers in %s", len(want), file)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", "--no-config", file}, &out, &errb)
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
		t.Fatalf("%v; stderr:\n%s", err, errb.String())
	}
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "MCP") {
			got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("catalog findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
