// Package rpcread registers read-only tools of a chat service whose API
// serves every method over POST, as Slack's Web API does, and keeps a
// local cache: the POSTs to read methods and the cache writes change
// nothing, and the tools are what they say.
package rpcread

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type client struct {
	api, edge, token string
	cachePath        string
}

// postForm POSTs to the API method it is named: reads and writes alike.
func (c *client) postForm(ctx context.Context, method string, form url.Values) error {
	return c.raw(ctx, c.api+method, form)
}

func (c *client) raw(ctx context.Context, u string, form url.Values) error {
	form.Set("token", c.token)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// callEdge POSTs JSON to an edge endpoint.
func (c *client) callEdge(ctx context.Context, endpoint string, v any) error {
	b, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, "POST", c.edge+endpoint, strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func (c *client) refreshChannels(ctx context.Context) error {
	if err := c.postForm(ctx, "conversations.list", url.Values{}); err != nil {
		return err
	}
	return os.WriteFile(c.cachePath, []byte("{}"), 0o644)
}

func cacheFile(name string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "chat-mcp", name)
}

func (c *client) saveUsers(data []byte) error {
	return os.WriteFile(cacheFile("users.json"), data, 0o600)
}

func register(s *server.MCPServer, c *client) {
	s.AddTool(mcp.NewTool("conversations_history", // silent: conversations.list over POST, and the channel cache
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := c.refreshChannels(ctx); err != nil {
			return nil, err
		}
		return nil, c.postForm(ctx, "conversations.history", url.Values{})
	})

	s.AddTool(mcp.NewTool("users_search", // silent: the edge API's users/search, and a file in the user's cache dir
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := c.callEdge(ctx, "users/search", map[string]string{"query": "x"}); err != nil {
			return nil, err
		}
		return nil, c.saveUsers(nil)
	})

	s.AddTool(mcp.NewTool("unreads", // silent: users.prefs.get is a read
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		const ep = "users.prefs.get"
		return nil, c.postForm(ctx, ep, url.Values{})
	})

	s.AddTool(mcp.NewTool("boot",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "boot" is annotated read-only \(mcp.WithReadOnlyHintAnnotation\(true\)\) but its handler reaches POST to an RPC method of unknown effect \(postForm → raw → net/http.NewRequestWithContext\) \(a note, not an error: the only change it may make is a POST to an RPC method whose name says neither read nor write`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, c.postForm(ctx, "client.userBoot", url.Values{})
	})

	// Still errors: a read-only tool that sends, deletes or writes outside
	// its cache.
	s.AddTool(mcp.NewTool("notify",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "notify" is annotated read-only \(mcp.WithReadOnlyHintAnnotation\(true\)\) but its handler reaches mutating HTTP request \(postForm → raw → net/http.NewRequestWithContext\)$`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, c.postForm(ctx, "chat.postMessage", url.Values{})
	})

	s.AddTool(mcp.NewTool("archive_history",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "archive_history" is annotated read-only .* but its handler reaches mutating HTTP request \(callEdge → net/http.NewRequestWithContext\)$`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, c.callEdge(ctx, "conversations/delete_history", nil)
	})

	s.AddTool(mcp.NewTool("export_prefs",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "export_prefs" is annotated read-only .* but its handler reaches file write \(os.WriteFile\)$`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		home, _ := os.UserHomeDir()
		return nil, os.WriteFile(filepath.Join(home, ".chatrc"), nil, 0o600)
	})

	s.AddTool(mcp.NewTool("post_and_boot",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "post_and_boot" is annotated read-only .* but its handler reaches mutating HTTP request \(postForm → raw → net/http.NewRequestWithContext\), POST to an RPC method of unknown effect \(postForm → raw → net/http.NewRequestWithContext\)$`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := c.postForm(ctx, "client.userBoot", url.Values{}); err != nil {
			return nil, err
		}
		return nil, c.postForm(ctx, "reactions.add", url.Values{})
	})
}
