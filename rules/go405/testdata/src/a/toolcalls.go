package a

import (
	"os"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3/responses"
	"google.golang.org/genai"
)

// Tool-call arguments the model wrote, in each SDK's own structure (the
// LLM SDK field audit in docs/go.md).
func toolCalls(oc responses.ResponseFunctionToolCall, ac anthropic.ToolUseBlock, gc *genai.FunctionCall, ol api.ToolCall) {
	os.Remove(oc.Arguments)                           // want `a file path in os.Remove, from tool-call arguments the model wrote`
	os.Remove(string(ac.Input))                       // want `a file path in os.Remove, from tool-call arguments the model wrote`
	os.Remove(gc.Args["path"].(string))               // want `a file path in os.Remove, from tool-call arguments the model wrote`
	os.Remove(ol.Function.Arguments["path"].(string)) // want `a file path in os.Remove, from tool-call arguments the model wrote`
	os.Remove(oc.Name + ".json")
}
