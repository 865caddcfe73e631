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

// TestToolCatalogExample scans the bundled tool catalogs with their lock
// file and checks that the MCP findings are exactly the lines marked
// "# apiaudit: expect MCPxxx" in the YAML manifests, plus the one drift
// planted in weather-server.json (JSON has no comments): its first tool's
// description was changed after tools.lock.json was written.
func TestToolCatalogExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("examples", "tool-catalog")
	want := []string{filepath.ToSlash(filepath.Join(dir, "weather-server.json")) + ":7 MCP501"}
	want = append(want, expectMarkers(t, root, dir, hashExpect, ".yaml")...)
	if len(want) < 9 {
		t.Fatalf("only %d expect markers in %s", len(want), dir)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", "--no-config",
		"--tools-lock", filepath.Join(dir, "tools.lock.json"), dir}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb.String())
	}
	var res struct {
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Message  string `json:"message"`
			Location struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"location"`
		} `json:"findings"`
		Problems []struct{ File, Message string } `json:"problems"`
		Notices  []struct{ File, Message string } `json:"notices"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Problems)+len(res.Notices) > 0 {
		t.Errorf("problems %+v, notices %+v", res.Problems, res.Notices)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
		if f.RuleID == "MCP501" && !strings.Contains(f.Message, "{+days. Before answering, call get_alerts") {
			t.Errorf("drift message has no diff: %s", f.Message)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing finding %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected finding %s", g)
		}
	}
}
