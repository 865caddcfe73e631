// Package go501 defines rule GO501: a model provider's API key written in
// Go source.
package go501

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO501",
	Name: "hardcoded-model-api-key",
	Doc: lint.Doc{
		Title: "Model provider API key in source code",
		Summary: "A string constant has the format of an OpenAI, Anthropic, Google AI, Hugging Face, Groq, " +
			"Replicate, xAI or Perplexity API key, or a constant that is not a placeholder is passed as the " +
			"key of a model client (option.WithAPIKey, go-openai NewClient/DefaultConfig, genai.ClientConfig.APIKey).",
		Why: `A key in source ends up in every clone, fork, build log, container image and
binary of the program (Go binaries keep string constants verbatim), and
rotating it means a release. Model provider keys are worth stealing: they are
billed per token, often have no spending cap, and on some platforms also
reach fine-tuned models, files and assistants stored with the account.

Two checks, both on constant strings (literals and constant expressions such
as "sk-" + "…", so a key split in two is still found):

- anywhere in a Go file, including tests: a constant with a provider's
  distinctive prefix and length: OpenAI ` + "`sk-proj-`" + `, ` + "`sk-svcacct-`" + `,
  ` + "`sk-admin-`" + ` and legacy ` + "`sk-`" + ` keys (also used by OpenAI-compatible
  providers such as DeepSeek and OpenRouter), Anthropic ` + "`sk-ant-`" + `, Google AI
  ` + "`AIza`" + ` (39 characters), Hugging Face ` + "`hf_`" + `, Groq ` + "`gsk_`" + `, Replicate
  ` + "`r8_`" + `, xAI ` + "`xai-`" + ` and Perplexity ` + "`pplx-`" + `. Cohere and Mistral keys have no
  distinctive format and are found only by the second check.
- in non-test files: any constant passed where a model client takes its key
  (openai-go and anthropic-sdk-go ` + "`option.WithAPIKey`" + `, anthropic
  ` + "`option.WithAuthToken`" + `, go-openai ` + "`NewClient`" + `, ` + "`DefaultConfig`" + `,
  ` + "`DefaultAzureConfig`" + `, genai ` + "`ClientConfig{APIKey: …}`" + `, and the functions of
  the ` + "`key-functions`" + ` option), unless it is an obvious placeholder: empty,
  short, an environment variable name, or words such as test, dummy, your-key,
  xxx, <…>, and the stand-ins local servers accept (ollama, lm-studio, EMPTY).

Keys made of one repeated character or a run of x's are placeholders too. The
message shows the provider and a redacted prefix only, never the key. Secret
scanners (gitleaks, GitHub push protection) catch many of these formats in
whole repositories; this rule puts the finding next to the other Go findings
and also catches keys split over constant expressions and keys without a
known format that are passed to a client.`,
		Fix: "read the key at run time (os.Getenv or a secret manager), and revoke the key that was committed",
		Bad: `client := openai.NewClient(option.WithAPIKey("sk-proj-…"))`,
		Good: `key := os.Getenv("OPENAI_API_KEY")
if key == "" {
	log.Fatal("OPENAI_API_KEY is not set")
}
client := openai.NewClient(option.WithAPIKey(key))`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Precision: "very-high",
		CWE:       []int{798, 522},
		OWASP:     []string{"API8:2023", "LLM02:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO501.
type Options struct {
	// KeyFunctions take a model API key as their first argument, in table
	// notation (pkg/path.Func or (*pkg/path.Type).Method): your own client
	// constructors.
	KeyFunctions []string `yaml:"key-functions"`
}

var options = Options{}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO501",
	Doc:      "reports model provider API keys written in Go source",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// keyFormat is one provider's key format. The pattern matches the key
// inside a longer string ("Bearer sk-…").
type keyFormat struct {
	provider string
	re       *regexp.Regexp
}

// The patterns need the characters around a key not to continue it.
const (
	before = `(?:^|[^A-Za-z0-9_-])`
	after  = `(?:$|[^A-Za-z0-9_-])`
)

func format(provider, key string) keyFormat {
	return keyFormat{provider, regexp.MustCompile(before + `(` + key + `)` + after)}
}

// formats are tried in order; the first that matches names the provider.
var formats = []keyFormat{
	format("Anthropic", `sk-ant-(?:api|admin|oat)\d\d-[A-Za-z0-9_-]{32,}`),
	format("OpenRouter", `sk-or-v1-[0-9a-f]{64}`),
	format("OpenAI", `sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}`),
	format("OpenAI-compatible", `sk-[A-Za-z0-9]{32,}`),
	format("Google AI", `AIza[0-9A-Za-z_-]{35}`),
	format("Hugging Face", `hf_[A-Za-z0-9]{34}`),
	format("Groq", `gsk_[A-Za-z0-9]{52}`),
	format("Replicate", `r8_[A-Za-z0-9]{37}`),
	format("xAI", `xai-[A-Za-z0-9]{80}`),
	format("Perplexity", `pplx-[A-Za-z0-9]{48}`),
}

// keyPrefix is the part of a key that names its kind and may be shown.
var keyPrefix = regexp.MustCompile(`^(?:sk-(?:ant-[a-z]+\d\d-|or-v1-|proj-|svcacct-|admin-)?|AIza|hf_|gsk_|r8_|xai-|pplx-)`)

// keyParams are the functions whose first argument is a model API key.
var keyParams = goapi.Set(true,
	"github.com/openai/openai-go/option.WithAPIKey",
	"github.com/anthropics/anthropic-sdk-go/option.WithAPIKey",
	"github.com/anthropics/anthropic-sdk-go/option.WithAuthToken",
	"github.com/sashabaranov/go-openai.NewClient",
	"github.com/sashabaranov/go-openai.DefaultConfig",
	"github.com/sashabaranov/go-openai.DefaultAzureConfig",
	"github.com/sashabaranov/go-openai.DefaultAnthropicConfig",
)

// keyFields are struct fields that hold a model API key: package, type,
// field.
var keyFields = map[[3]string]bool{
	{"google.golang.org/genai", "ClientConfig", "APIKey"}: true,
}

func run(pass *analysis.Pass) (any, error) {
	opts := Rule.Options.(*Options)
	params := goapi.Table[bool]{}.Merge(keyParams)
	extra, err := goapi.ParseNames(true, opts.KeyFunctions)
	if err != nil {
		return nil, fmt.Errorf("GO501 key-functions: %w", err)
	}
	params.Merge(extra)

	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	reported := map[token.Pos]bool{}

	// Provider formats, in every constant string expression that is
	// written here (not a use of a named constant, which is reported where
	// the constant is declared).
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil), (*ast.ParenExpr)(nil)) {
		e := cur.Node().(ast.Expr)
		if p, ok := cur.Parent().Node().(ast.Expr); ok && constString(pass, p) != nil {
			continue // part of a larger constant expression: judged there
		}
		v := constString(pass, e)
		if v == nil {
			continue
		}
		if f, key := match(constant.StringVal(v)); key != "" {
			reported[e.Pos()] = true
			pass.Reportf(e.Pos(), "%s API key %q (%d characters) written in source", f.provider, keyPrefix.FindString(key)+"…", len(key))
		}
	}

	// Constants passed where a client takes its key.
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		if isTestFile(pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if _, fn, ok := params.Call(pass.TypesInfo, n); ok && len(n.Args) > 0 {
				checkKey(pass, reported, n.Args[0], goapi.Of(fn).Name)
			}
		case *ast.CompositeLit:
			t := pass.TypesInfo.TypeOf(n)
			for _, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				id, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				for k := range keyFields {
					if id.Name == k[2] && goapi.IsType(t, k[0], k[1]) {
						checkKey(pass, reported, kv.Value, k[1]+"."+k[2])
					}
				}
			}
		}
	}
	return nil, nil
}

// checkKey reports a constant key argument that is not a placeholder.
func checkKey(pass *analysis.Pass, reported map[token.Pos]bool, e ast.Expr, where string) {
	v := constString(pass, e)
	if v == nil || reported[e.Pos()] {
		return
	}
	s := constant.StringVal(v)
	if _, key := match(s); key != "" || placeholder(s) {
		// Keys in a provider format are reported where they are written.
		return
	}
	reported[e.Pos()] = true
	pass.Reportf(e.Pos(), "API key passed to %s is a constant written in source (%d characters)", where, len(s))
}

func constString(pass *analysis.Pass, e ast.Expr) constant.Value {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	return tv.Value
}

// match finds a provider key in s that is not a placeholder.
func match(s string) (keyFormat, string) {
	for _, f := range formats {
		for _, m := range f.re.FindAllStringSubmatch(s, -1) {
			if key := m[1]; !filler(key[len(keyPrefix.FindString(key)):]) {
				return f, key
			}
		}
	}
	return keyFormat{}, ""
}

// filler reports whether the body of a key is a stand-in: x's, stars,
// zeros or one character over and over.
func filler(body string) bool {
	distinct := map[rune]bool{}
	for _, r := range body {
		distinct[r] = true
	}
	if len(distinct) < 6 {
		return true
	}
	lower := strings.ToLower(body)
	return strings.Contains(lower, "xxxxxx") || strings.Contains(lower, "000000") || strings.Contains(body, "******")
}

var envName = regexp.MustCompile(`^\$?\{?[A-Z][A-Z0-9_]*\}?$`)

// placeholderWords make a key argument a stand-in, compared without case.
var placeholderWords = []string{
	"your", "xxx", "***", "...", "…", "<", ">", "{{", "${", "placeholder", "changeme", "change-me", "change_me",
	"replace", "dummy", "fake", "test", "example", "sample", "todo", "insert", "here", "not-needed",
	"not_needed", "notneeded", "no-key", "nokey", "none", "null", "empty", "ollama", "lm-studio", "lmstudio",
	"local", "mock", "secret", "token", "apikey", "api-key", "api_key",
}

// placeholder reports whether a constant passed as a key is clearly not a
// real one.
func placeholder(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 16 || strings.ContainsAny(s, " \t\n") || envName.MatchString(s) || filler(s) {
		return true
	}
	lower := strings.ToLower(s)
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	letters, digits := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return !letters || !digits
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.File(pos).Name(), "_test.go")
}

// Check reports a key-function name that is not in table notation.
func (o *Options) Check() error {
	for _, n := range o.KeyFunctions {
		if _, err := goapi.ParseFunc(n); err != nil {
			return fmt.Errorf("key-functions: %v", err)
		}
	}
	return nil
}
