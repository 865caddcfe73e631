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

var expectMarker = regexp.MustCompile(`// apiaudit: expect (GO\d{3})\b`)

// TestGoExample scans the bundled Go agent gateway, which is built on the
// real modules (go-openai, the MCP go-sdk, chi, x/oauth2; vendored so that
// the scan needs no network), with the default rules and GO205 on (GO306
// and GO408 are inventories, not mistakes), and checks that the
// Go findings are exactly the lines marked "// apiaudit: expect GOxxx":
// each planted mistake found on its line, and nothing on the code around
// them that must stay silent.
func TestGoExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("examples", "agent-gateway")
	var want []string
	files, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			for _, m := range expectMarker.FindAllStringSubmatch(sc.Text(), -1) {
				want = append(want, filepath.ToSlash(filepath.Join(dir, filepath.Base(f)))+":"+strconv.Itoa(n)+" "+m[1])
			}
		}
		fh.Close()
	}
	if len(want) < 10 {
		t.Fatalf("only %d expect markers in %s", len(want), dir)
	}

	cfg := filepath.Join(t.TempDir(), "apiaudit.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  enable: [GO205]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	var out, errb bytes.Buffer
	code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", "--config", cfg, dir}, &out, &errb)
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
		Problems []struct {
			File    string `json:"file"`
			Message string `json:"message"`
		} `json:"problems"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems: %+v", res.Problems)
	}
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "GO") {
			got = append(got, f.Location.File+":"+strconv.Itoa(f.Location.Line)+" "+f.RuleID)
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
