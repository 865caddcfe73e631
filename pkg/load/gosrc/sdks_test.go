package gosrc

import "testing"

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
