package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/gostub"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go306"
	"github.com/apiaudit/apiaudit/rules/mcp302"
)

// TestCatalogRulesRunOnGo scans a Go MCP server (mcp-go, from its stub)
// with catalog rules: each runs on the server's tools and reports at the
// Go line, //apiaudit:ignore works on it, and MCP302 gives way to GO306
// when both report the same tool.
func TestCatalogRulesRunOnGo(t *testing.T) {
	dir := t.TempDir()
	gostub.Module(t, dir, "example.com/srv", map[string]string{
		"main.go": `package main

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func del(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.Remove(req.GetString("path", ""))
}

func main() {
	s := &server.MCPServer{}
	s.AddTool(mcp.NewTool("list_records", mcp.WithDescription("List records")), del)
	s.AddTool(mcp.NewTool(
		"delete_record",
		mcp.WithDescription("Delete a record"),
	), del)
	//apiaudit:ignore TST201 -- the catalog test rule is silenced here
	s.AddTool(mcp.NewTool("purge", mcp.WithDescription("Delete all records")), del)
}
`,
	}, "github.com/mark3labs/mcp-go")
	t.Chdir(dir)
	run := func(rules ...*lint.Rule) []string {
		t.Helper()
		res, err := Run(context.Background(), Options{Paths: []string{"."}, Exclude: []string{"stubs/**"}, Rules: rules})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Problems) > 0 {
			t.Fatalf("problems: %v", res.Problems)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.Location.String()+" "+f.RuleID+" "+f.Message)
		}
		return got
	}

	got := run(everyTool, mcp302.Rule)
	want := []string{
		"main.go:17:24 TST201 tool list_records from go",
		"main.go:18:12 MCP302 tool \"delete_record\" deletes data but has no readOnlyHint or destructiveHint annotation",
		"main.go:19:3 TST201 tool delete_record from go",
		"main.go:23:12 MCP302 tool \"purge\" deletes data but has no readOnlyHint or destructiveHint annotation",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// With GO306 on, it reports the tools with the handler's evidence,
	// and MCP302 gives way on the same lines.
	both := run(mcp302.Rule, go306.Rule)
	var go306At []string
	for _, f := range both {
		if strings.Contains(f, "MCP302") {
			t.Errorf("MCP302 reported beside GO306: %s", f)
		}
		if strings.Contains(f, " GO306 ") {
			go306At = append(go306At, strings.Fields(f)[0])
		}
	}
	if !slices.Equal(go306At, []string{"main.go:17:12", "main.go:18:12", "main.go:23:12"}) {
		t.Errorf("GO306 at %v:\n%s", go306At, strings.Join(both, "\n"))
	}
}
