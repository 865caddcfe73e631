package a

import (
	"os"
	"os/exec"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
)

func openaiTools() []responses.ToolUnionParam {
	never := responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String(string(responses.ToolMcpRequireApprovalMcpToolApprovalSettingNever))}
	return []responses.ToolUnionParam{
		{OfMcp: &responses.ToolMcpParam{
			ServerLabel:     "github",
			ServerURL:       openai.String("https://api.githubcopilot.com/mcp/"),
			RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String("never")}, // want `MCP server "github" never asks for approval and sets no AllowedTools`
		}},
		{OfMcp: &responses.ToolMcpParam{ServerLabel: "crm", RequireApproval: never}}, // want `MCP server "crm" never asks for approval`
		// Silent: a list of allowed tools, approval by default, or approval skipped only for named tools.
		{OfMcp: &responses.ToolMcpParam{
			ServerLabel:     "docs",
			AllowedTools:    responses.ToolMcpAllowedToolsUnionParam{OfMcpAllowedTools: []string{"search"}},
			RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String("never")},
		}},
		{OfMcp: &responses.ToolMcpParam{ServerLabel: "billing"}},
		{OfMcp: &responses.ToolMcpParam{ServerLabel: "wiki", RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalSetting: openai.String("always")}}},
		{OfMcp: &responses.ToolMcpParam{
			ServerLabel: "kb",
			RequireApproval: responses.ToolMcpRequireApprovalUnionParam{OfMcpToolApprovalFilter: &responses.ToolMcpRequireApprovalMcpToolApprovalFilterParam{
				Never: responses.ToolMcpRequireApprovalMcpToolApprovalFilterNeverParam{ToolNames: []string{"search"}},
			}},
		}},
	}
}

func anthropicServers() []anthropic.BetaRequestMCPServerURLDefinitionParam {
	return []anthropic.BetaRequestMCPServerURLDefinitionParam{
		{Name: "payments", URL: "https://mcp.example.com/payments"}, // want `MCP server "payments" is connected with no AllowedTools`
		{Name: "search", URL: "https://mcp.example.com/search", ToolConfiguration: anthropic.BetaRequestMCPServerToolConfigurationParam{AllowedTools: []string{"search"}}},
		{Name: "off", URL: "https://mcp.example.com/off", ToolConfiguration: anthropic.BetaRequestMCPServerToolConfigurationParam{Enabled: anthropic.Bool(false)}},
		{Name: "tickets", URL: "https://mcp.example.com/tickets"}, // silent: the toolset below enables tools one by one
	}
}

var ticketTools = anthropic.BetaToolUnionParam{OfMCPToolset: &anthropic.BetaMCPToolsetParam{
	MCPServerName: "tickets",
	DefaultConfig: anthropic.BetaMCPToolDefaultConfigParam{Enabled: anthropic.Bool(false)},
	Configs:       map[string]anthropic.BetaMCPToolConfigParam{"list_tickets": {Enabled: anthropic.Bool(true)}},
}}

type Args struct{ Path string }
type Result struct{}

func adkTools() {
	functiontool.New(functiontool.Config{Name: "delete_file", Description: "Delete a file"}, deleteFile)                            // want `function tool "delete_file" runs without confirmation but its handler reaches file removal: deleteFile → os.Remove`
	functiontool.New(functiontool.Config{Name: "run", RequireConfirmation: false}, func(ctx tool.Context, a Args) (Result, error) { // want `function tool "run" runs without confirmation but its handler reaches command execution: os/exec.Command`
		return Result{}, exec.Command("sh", "-c", a.Path).Run()
	})

	// Silent: confirmation asked, or nothing destructive.
	functiontool.New(functiontool.Config{Name: "delete2", RequireConfirmation: true}, deleteFile)
	functiontool.New(functiontool.Config{Name: "delete3", RequireConfirmationProvider: func(a Args) bool { return a.Path != "" }}, deleteFile)
	functiontool.New(functiontool.Config{Name: "delete4"}, askFirst)
	functiontool.New(functiontool.Config{Name: "read"}, readFile)
}

func deleteFile(ctx tool.Context, a Args) (Result, error) { return Result{}, os.Remove(a.Path) }

func askFirst(ctx tool.Context, a Args) (Result, error) {
	if err := ctx.RequestConfirmation("delete "+a.Path+"?", nil); err != nil {
		return Result{}, err
	}
	return Result{}, os.Remove(a.Path)
}

func readFile(ctx tool.Context, a Args) (Result, error) {
	_, err := os.ReadFile(a.Path)
	return Result{}, err
}
