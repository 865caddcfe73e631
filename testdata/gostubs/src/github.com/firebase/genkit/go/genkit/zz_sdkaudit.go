// What the LLM SDK field audit (docs/go.md) uses: tool definitions, checked
// against v1.4.0.
package genkit

import "github.com/firebase/genkit/go/ai"

func DefineTool[In, Out any](g *Genkit, name, description string, fn ai.ToolFunc[In, Out]) *ai.ToolDef[In, Out] {
	return nil
}

func DefineToolWithInputSchema[Out any](g *Genkit, name, description string, inputSchema map[string]any, fn ai.ToolFunc[any, Out]) *ai.ToolDef[any, Out] {
	return nil
}

func DefineMultipartTool[In any](g *Genkit, name, description string, fn ai.ToolFunc[In, *ai.MultipartToolResponse]) *ai.ToolDef[In, *ai.MultipartToolResponse] {
	return nil
}
