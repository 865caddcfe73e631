package gosrc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/rules/go405"
)

// TestUnmodelledSDK: libraries whose path says MCP or LLM, or that are
// known to be one, are named unless the rules model them or they belong to
// the module being scanned.
func TestUnmodelledSDK(t *testing.T) {
	for _, c := range []struct{ path, module, want string }{
		{"github.com/FreePeak/cortex/pkg/server", "github.com/x/db-mcp-server", "MCP"},
		{"github.com/metoro-io/mcp-golang", "example.com/app", "MCP"},
		{"github.com/ThinkInAIXYZ/go-mcp/server", "example.com/app", "MCP"},
		{"github.com/liushuangls/go-anthropic/v2", "example.com/app", "LLM"},
		{"github.com/aws/aws-sdk-go-v2/service/bedrockruntime", "example.com/app", "LLM"},
		{"github.com/cloudwego/eino/components/tool", "example.com/app", "LLM"},
		{"github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime", "example.com/app", "LLM"},
		{"github.com/cohesion-org/deepseek-go", "example.com/app", "LLM"},
		{"github.com/revrost/go-openrouter", "example.com/app", "LLM"},
		{"github.com/strowk/foxy-contexts/pkg/fxctx", "example.com/app", "MCP"},
		// modelled
		{"github.com/mark3labs/mcp-go/server", "example.com/app", ""},
		{"github.com/modelcontextprotocol/go-sdk/mcp", "example.com/app", ""},
		{"github.com/openai/openai-go/v3/option", "example.com/app", ""},
		{"github.com/sashabaranov/go-openai", "example.com/app", ""},
		// the module's own packages, the standard library, unrelated libraries
		{"github.com/x/db-mcp-server/internal/mcp", "github.com/x/db-mcp-server", ""},
		{"net/http", "example.com/app", ""},
		{"github.com/go-chi/chi/v5", "example.com/app", ""},
		{"github.com/spf13/cobra", "example.com/app", ""},
		{"github.com/sirupsen/logrus", "example.com/app", ""},
	} {
		if got := unmodelledSDK(c.path, c.module); got != c.want {
			t.Errorf("unmodelledSDK(%q, %q) = %q, want %q", c.path, c.module, got, c.want)
		}
	}
}

// TestUnmodelledSDKNotice scans a module whose go.mod requires
// github.com/FreePeak/cortex (an MCP library the rules do not model; here
// a local stub through a replace, as db-mcp-server uses the real one) with
// a raw SQL tool: the scan is not silently clean, a notice at the import
// names the library's module, once for the two files that import it. The
// module's own package named mcp is no library of anyone else's.
func TestUnmodelledSDKNotice(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":              "module example.com/dbmcp\n\ngo 1.22\n\nrequire github.com/FreePeak/cortex v1.0.5\n\nreplace github.com/FreePeak/cortex => ./stubs/cortex\n",
		"stubs/cortex/go.mod": "module github.com/FreePeak/cortex\n\ngo 1.22\n",
		"stubs/cortex/pkg/server/server.go": `package server

type Server struct{}

func New(name string) *Server { return &Server{} }

func (s *Server) AddTool(name string, h func(args map[string]any) (string, error)) {}
`,
		"main.go": `package main

import (
	"database/sql"

	"github.com/FreePeak/cortex/pkg/server"

	"example.com/dbmcp/internal/mcp"
)

func main() {
	db, _ := sql.Open("x", "y")
	s := server.New("db")
	s.AddTool("query", func(args map[string]any) (string, error) {
		_, err := db.Exec(args["sql"].(string))
		return "", err
	})
	mcp.Register(s)
}
`,
		"internal/mcp/mcp.go": `package mcp

import "github.com/FreePeak/cortex/pkg/server"

func Register(s *server.Server) {}
`,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Analyze(context.Background(), dir, []*analysis.Analyzer{go405.Rule.Analyzer}, func(string, string) bool { return false }, Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var notices []string
	for _, n := range res.Notices {
		if strings.Contains(n.Message, "does not model") {
			notices = append(notices, n.Error())
		}
	}
	if len(notices) != 1 || !strings.HasPrefix(notices[0], "internal/mcp/mcp.go:3:8: github.com/FreePeak/cortex looks like an MCP library that apiaudit does not model") {
		t.Errorf("notices: %q, want one for github.com/FreePeak/cortex at its first import", notices)
	}
}
