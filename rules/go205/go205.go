// Package go205 defines rule GO205: a model request with no cap on the
// length of the answer.
package go205

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO205",
	Name: "llm-call-without-token-cap",
	Doc: lint.Doc{
		Title: "Model request has no output token cap",
		Summary: "A model request is built without a cap on output tokens: openai-go ChatCompletionNewParams " +
			"without MaxCompletionTokens or MaxTokens, ResponseNewParams without MaxOutputTokens, go-openai " +
			"ChatCompletionRequest without MaxCompletionTokens or MaxTokens, genai GenerateContentConfig " +
			"without MaxOutputTokens (or no config at all), ollama requests without num_predict.",
		Why: `Output tokens are the expensive ones, and without a cap the model decides how
many to produce: up to the model's own limit, which for current models is
tens of thousands of tokens per call. A prompt that asks for a very long
answer (or that was injected into a document the model reads) then costs
far more than the endpoint was priced for, and ties up the request for
minutes. A cap sized for the answer you expect bounds both cost and
latency, and the finish reason tells you when it was hit.

The rule looks at the struct literals of each SDK's request type and stays
silent when the cap is set in the literal (to something other than a
constant zero) or assigned later in the same function to the variable
holding it (params.MaxTokens = ...). An ollama request counts as capped
when its Options map has a "num_predict" key, or when the function mentions
"num_predict" at all. anthropic-sdk-go is not checked: MaxTokens is a
required field there. The rule is off by default because many programs
rely on the provider's limit on purpose; enable it for services that pass
untrusted prompts to a model.`,
		Fix: "set an output cap sized for the expected answer (MaxCompletionTokens, MaxOutputTokens, num_predict)",
		Bad: `resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
	Model:    openai.ChatModelGPT4o,
	Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
})`,
		Good: `resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
	Model:               openai.ChatModelGPT4o,
	Messages:            []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
	MaxCompletionTokens: openai.Int(1024),
})`,
		Lang:      "go",
		Severity:  lint.SeverityNote,
		Precision: "medium",
		CWE:       []int{770},
		OWASP:     []string{"LLM10:2025"},
		Since:     "v0.1.0",
		Optional:  true,
	},
}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO205",
	Doc:      "reports model requests with no cap on output tokens",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// capFields are the request types, by canonical package path and name,
// with the fields of which one caps the output.
var capFields = map[[2]string][]string{
	{"github.com/openai/openai-go", "ChatCompletionNewParams"}:     {"MaxCompletionTokens", "MaxTokens"},
	{"github.com/openai/openai-go/responses", "ResponseNewParams"}: {"MaxOutputTokens"},
	{"github.com/sashabaranov/go-openai", "ChatCompletionRequest"}: {"MaxCompletionTokens", "MaxTokens"},
	{"google.golang.org/genai", "GenerateContentConfig"}:           {"MaxOutputTokens"},
	{"github.com/ollama/ollama/api", "ChatRequest"}:                {"Options"},
	{"github.com/ollama/ollama/api", "GenerateRequest"}:            {"Options"},
}

// nilConfig are the genai calls whose config argument, when nil, leaves
// the output uncapped, with the argument's index.
var nilConfig = goapi.Table[int]{}.Merge(
	goapi.Set(3, "(*google.golang.org/genai.Models).GenerateContent", "(*google.golang.org/genai.Models).GenerateContentStream"),
	goapi.Set(2, "(*google.golang.org/genai.Chats).Create"),
)

const ollamaPkg = "github.com/ollama/ollama/api"

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			checkLit(pass, cur, n)
		case *ast.CallExpr:
			i, fn, ok := nilConfig.Call(pass.TypesInfo, n)
			if ok && i < len(n.Args) && pass.TypesInfo.Types[n.Args[i]].IsNil() {
				pass.Reportf(n.Pos(), "%s is called with a nil config: no MaxOutputTokens caps the answer", fn.Name())
			}
		}
	}
	return nil, nil
}

func checkLit(pass *analysis.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	named, ok := types.Unalias(pass.TypesInfo.TypeOf(lit)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return
	}
	pkg := goapi.CanonPath(named.Obj().Pkg().Path())
	caps, ok := capFields[[2]string{pkg, named.Obj().Name()}]
	if !ok {
		return
	}
	fields, keyed := goapi.KeyedFields(lit)
	if !keyed {
		return
	}
	ollama := pkg == ollamaPkg
	for _, f := range caps {
		if v, ok := fields[f]; ok && (ollama && hasNumPredict(pass, v) || !ollama && !isZero(pass, v)) {
			return
		}
	}
	body := goapi.EnclosingFunc(cur)
	if ollama && mentionsNumPredict(pass, body) {
		return
	}
	if v := goapi.StoredIn(pass.TypesInfo, cur); v != nil {
		for _, f := range caps {
			if goapi.FieldSetOn(pass.TypesInfo, body, v, f, func(e ast.Expr) bool { return !isZero(pass, e) }) {
				return
			}
		}
	}
	typ := named.Obj().Pkg().Name() + "." + named.Obj().Name()
	switch {
	case ollama:
		pass.Reportf(lit.Pos(), "%s has no num_predict in its Options: the answer is not capped", typ)
	case len(caps) == 1:
		pass.Reportf(lit.Pos(), "%s has no %s: the answer is not capped", typ, caps[0])
	default:
		pass.Reportf(lit.Pos(), "%s sets neither %s: the answer is not capped", typ, strings.Join(caps, " nor "))
	}
}

// hasNumPredict reports whether an ollama Options value sets num_predict,
// or is something other than a map literal (then it is not judged).
func hasNumPredict(pass *analysis.Pass, e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return !pass.TypesInfo.Types[e].IsNil()
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && goapi.ConstString(pass.TypesInfo, kv.Key) == "num_predict" {
			return true
		}
	}
	return false
}

func mentionsNumPredict(pass *analysis.Pass, body ast.Node) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found && goapi.ConstString(pass.TypesInfo, e) == "num_predict" {
			found = true
		}
		return !found
	})
	return found
}

func isZero(pass *analysis.Pass, e ast.Expr) bool {
	v, ok := goapi.ConstInt(pass.TypesInfo, e)
	return ok && v == 0
}
