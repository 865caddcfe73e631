package a

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"example.com/wrap"
	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/openai/openai-go/v3"
	goopenai "github.com/sashabaranov/go-openai"
)

func register(r *http.Request) {
	mcp.NewTool("search", mcp.WithDescription("Search "+r.FormValue("source"))) // want `untrusted data reaches a tool definition in mcp.WithDescription, from a form value \(source at a.go:\d+\)$`
	mcp.NewTool("search", mcp.WithDescription("Search the catalogue"))
	mcp.NewTool(r.FormValue("name"))                                                                              // want `tool definition in mcp.NewTool, from a form value \(source at a.go:\d+\) \(a note, not an error: the tool's name or description is the untrusted text as it came`
	_ = goopenai.FunctionDefinition{Name: "lookup", Description: "Look up " + r.Header.Get("X-Desc")}             // want `tool definition in openai.FunctionDefinition.Description, from a request header`
	_ = openai.FunctionDefinitionParam{Name: "lookup", Description: openai.String("Look up " + r.FormValue("d"))} // want `shared.FunctionDefinitionParam.Description`
	_ = anthropic.ToolParam{Name: "lookup", Description: anthropic.String("Look up " + r.FormValue("d"))}         // want `anthropic.ToolParam.Description`
	wrap.Tool("t", r.FormValue("d"))                                                                              // want `tool definition in wrap.Tool → mcp.WithDescription at wrap.go:\d+`
	wrap.Tool("t", "fixed")
}

// A compatibility endpoint passes the caller's own tools to one model
// call, as they came: the caller talking to the model (issue 11).
func proxyTools(r *http.Request) {
	var in struct {
		Tools []struct{ Name, Description string }
	}
	json.NewDecoder(r.Body).Decode(&in)
	for _, t := range in.Tools {
		_ = goopenai.FunctionDefinition{Name: t.Name, Description: t.Description}
		_ = anthropic.ToolParam{Name: t.Name, Description: anthropic.String(t.Description)}
	}
}

// The scopes a token has, read from an HTTP response header, choose which
// fixed tools are registered; the descriptions come from a field that no
// untrusted data reaches. Not a flow: the header never reaches a
// description (issue 11, field sensitivity).
type serverConfig struct {
	Scopes []string
	Prefix string
}

type toolDef struct{ name, desc, scope string }

var catalogue = []toolDef{{"issues", "List issues", "repo"}, {"gists", "List gists", "gist"}}

func fetchScopes(c *http.Client) []string {
	resp, err := c.Get("https://api.example.com/")
	if err != nil {
		return nil
	}
	return strings.Split(resp.Header.Get("X-OAuth-Scopes"), ",")
}

func registerAll(cfg *serverConfig) {
	for _, t := range catalogue {
		if slices.Contains(cfg.Scopes, t.scope) {
			mcp.NewTool(t.name, mcp.WithDescription(cfg.Prefix+t.desc))
		}
	}
}

func startServer(c *http.Client) {
	registerAll(&serverConfig{Prefix: "Example: ", Scopes: fetchScopes(c)})
}

func startServerBadly(c *http.Client) {
	scopes := fetchScopes(c)
	registerAll(&serverConfig{Prefix: scopes[0]}) // want `tool definition in a.registerAll → mcp.WithDescription at a.go:\d+, from an HTTP response header \(source at a.go:\d+\)`
}
