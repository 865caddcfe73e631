package gosdk

import (
	"context"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type SendInput struct {
	To      string   `json:"to" jsonschema:"the recipient's address"` // want `param to string required "the recipient's address"`
	Body    string   `json:"body"`                                    // want `param body string required`
	CC      []string `json:"cc,omitempty"`                            // want `param cc array` `param cc\[\] string`
	private string
}

func send(ctx context.Context, req *mcp.CallToolRequest, in SendInput) (*mcp.CallToolResult, any, error) {
	return nil, nil, nil
}

func register(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{ // want `tool send_email at 22:18`
		Name:        "send_email",                                                                  // want `name "send_email" at 23:16`
		Description: "Send an email on the user's behalf",                                          // want `description "Send an email on the user's behalf"`
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: jsonschema.Ptr(true)}, // want `readOnly true` `openWorld true`
	}, send)

	s.AddTool(&mcp.Tool{ // want `tool lookup at 28:13`
		Name: "lookup", // want `name "lookup"`
		InputSchema: &jsonschema.Schema{
			Type:     "object",
			Required: []string{"id"},
			Properties: map[string]*jsonschema.Schema{
				"id": {Type: "string", MaxLength: jsonschema.Ptr(36), Description: "record id"}, // want `param id string required maxLength=36 "record id"`
			},
		},
	}, nil)
}

// Tools defined here and registered where the analysis cannot follow them
// (a registry of the server's own) are tools all the same.
var defined = []mcp.Tool{
	{Name: "defined_only", Description: "Listed by a registry"}, // want `tool defined_only at 43:2` `name "defined_only"` `description "Listed by a registry"`
}

// A literal without a constant name is no tool definition.
var scratch = mcp.Tool{Description: "not a tool"}
