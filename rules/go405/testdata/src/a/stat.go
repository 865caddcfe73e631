package a

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
)

// openTool checks that the model's path exists under the skill's
// directory before it opens it. The stat is in a helper, whose summary
// cannot tell it from a helper that stats and then opens the path: an
// error, like the open.
func openTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Path string }
	req.BindArguments(&args)
	p := args.Path
	if resolved := filepath.Join("/srv/skill", p); fileExists(resolved) { // want `a file path in a.fileExists → os.Stat at stat.go:\d+, from MCP tool arguments \(source at stat.go:\d+\)$`
		p = resolved
	}
	data, err := os.ReadFile(p) // want `a file path in os.ReadFile, from MCP tool arguments \(source at stat.go:\d+\)$`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(data)), nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// infoTool returns whether a model-chosen path exists: only a stat, called
// here, a note.
func infoTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Path string }
	req.BindArguments(&args)
	if _, err := os.Lstat(args.Path); err != nil { // want `a file path in os.Lstat, from MCP tool arguments \(source at stat.go:\d+\) \(a note, not an error: the data reaches only os.Lstat, which reads whether the file exists .*\)$`
		return mcp.NewToolResultText("missing"), nil
	}
	return mcp.NewToolResultText("present"), nil
}
