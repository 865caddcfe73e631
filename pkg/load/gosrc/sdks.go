package gosrc

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// modelledSDKs are the model and MCP libraries whose calls the Go rules
// know (the tables of pkg/goapi and pkg/gotaint): their import paths and
// everything below them.
var modelledSDKs = []string{
	"github.com/openai/openai-go", "github.com/sashabaranov/go-openai", "github.com/anthropics/anthropic-sdk-go",
	"github.com/tmc/langchaingo", "google.golang.org/genai", "github.com/ollama/ollama",
	"github.com/firebase/genkit/go", "github.com/mark3labs/mcp-go", "github.com/modelcontextprotocol/go-sdk",
}

// sdkWords are path elements (split at - _ .) that name a model or MCP
// library.
var sdkWords = map[string]string{
	"mcp": "MCP", "gomcp": "MCP", "mcpgo": "MCP", "cortex": "",
	"llm": "LLM", "llms": "LLM", "openai": "LLM", "azopenai": "LLM", "anthropic": "LLM", "claude": "LLM",
	"gemini": "LLM", "genai": "LLM", "generativelanguage": "LLM", "langchain": "LLM", "langchaingo": "LLM",
	"ollama": "LLM", "bedrockruntime": "LLM", "cohere": "LLM", "mistral": "LLM", "groq": "LLM", "eino": "LLM",
	"adk": "LLM", "aiplatform": "LLM", "lingoose": "LLM", "gollm": "LLM", "genkit": "LLM",
	"bedrockagentruntime": "LLM", "deepseek": "LLM", "openrouter": "LLM",
}

// knownUnmodelled are libraries seen on real projects whose path does not
// say what they are.
var knownUnmodelled = map[string]string{
	"github.com/FreePeak/cortex":      "MCP",
	"github.com/strowk/foxy-contexts": "MCP",
}

// unmodelledSDK says what kind of library path is ("MCP", "LLM") when it
// looks like a model or MCP library that the rules do not model, and is
// not part of the module being scanned; "" otherwise.
func unmodelledSDK(path, module string) string {
	if module != "" && (path == module || strings.HasPrefix(path, module+"/")) {
		return ""
	}
	for _, m := range modelledSDKs {
		if path == m || strings.HasPrefix(path, m+"/") {
			return ""
		}
	}
	for p, kind := range knownUnmodelled {
		if path == p || strings.HasPrefix(path, p+"/") {
			return kind
		}
	}
	elems := strings.Split(path, "/")
	if len(elems) < 2 || !strings.Contains(elems[0], ".") {
		return "" // the standard library, or a module of the workspace without a host
	}
	for _, e := range elems[1:] {
		for _, w := range strings.FieldsFunc(strings.ToLower(e), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
			if kind := sdkWords[w]; kind != "" {
				return kind
			}
		}
	}
	return ""
}

// unmodelledMessage is the notice for a library that unmodelledSDK
// recognised.
func unmodelledMessage(lib, kind string) string {
	return fmt.Sprintf("%s looks like an %s library that apiaudit does not model: the tools, routes, model calls and sinks "+
		"it provides are not analysed, so a clean result does not cover them; name its functions in .apiaudit.yaml "+
		"(sources, sinks, auth-middleware) where they matter", lib, kind)
}

// sdkNotices are the notices for the imports of one file: one per
// unmodelled library (its module) and scan, at its first import.
func sdkNotices(p *packages.Package, f *ast.File, seen map[string]bool, rel func(string) string) []lint.Problem {
	mod := ""
	if p.Module != nil {
		mod = p.Module.Path
	}
	var out []lint.Problem
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		kind := unmodelledSDK(path, mod)
		if kind == "" {
			continue
		}
		lib := path
		if ip := p.Imports[path]; ip != nil && ip.Module != nil && ip.Module.Path != "" {
			lib = ip.Module.Path
		}
		if seen[lib] {
			continue
		}
		seen[lib] = true
		pos := p.Fset.Position(imp.Pos())
		out = append(out, lint.Problem{File: rel(pos.Filename), Line: pos.Line, Column: pos.Column, Message: unmodelledMessage(lib, kind)})
	}
	return out
}
