// Package go203 defines rule GO203: a request or file size limit that is
// switched off or set so high that it limits nothing.
package go203

import (
	"fmt"
	"go/ast"
	"go/types"
	"math"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO203",
	Name: "body-limit-disabled",
	Doc: lint.Doc{
		Title: "Size limit is switched off or too large to matter",
		Summary: "A request body or file size limit is set to a value that disables it (a negative " +
			"MaxRequestBodyBytes on an MCP handler, a negative MaxFileBytes on the agent file tools) or " +
			"to a constant of at least max-body-bytes (1 GiB by default): http.MaxBytesReader, echo's " +
			"BodyLimit, chi's RequestSize, fiber's Config.BodyLimit.",
		Why: `Some libraries limit what they read by default, and let you turn the limit
off. The MCP go-sdk caps a POSTed message at 4 MiB unless
` + "`StreamableHTTPOptions.MaxRequestBodyBytes`" + ` (or SSEOptions') is negative; the
anthropic agent file tools refuse files over 256 KiB unless
` + "`AgentToolContext.MaxFileBytes`" + ` is negative, and then a model-chosen path can
make the process load any file into memory. A limit written as
` + "`math.MaxInt64`" + `, or a body limit of many gigabytes, looks like a limit to a reviewer
and to other checks (GO201 accepts any MaxBytesReader) but bounds nothing a
client can send.

The rule reports constants only: negative values where they mean "no limit",
and limits at or above the max-body-bytes option (1 GiB by default) in
http.MaxBytesReader, echo's middleware.BodyLimit and BodyLimitConfig.Limit
(parsed as echo parses it: "2M" is 2 MB, "2Mi" 2 MiB), chi's
middleware.RequestSize, fiber's Config.BodyLimit, the MCP handler options and
MaxFileBytes. Values that are computed or read from configuration are not
judged. fiber treats a zero or negative BodyLimit as its 4 MiB default, so
those are not reported.`,
		Fix: "set a limit sized for the largest legitimate request (a few MiB for JSON) instead of disabling it",
		Bad: `handler := mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
	MaxRequestBodyBytes: -1, // no limit
})`,
		Good: `handler := mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
	MaxRequestBodyBytes: 8 << 20, // 8 MiB
})`,
		Lang:      "go",
		Severity:  lint.SeverityWarning,
		Grades:    "A note in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit, a package named like oauthtest).",
		Precision: "high",
		CWE:       []int{770, 400},
		OWASP:     []string{"API4:2023", "LLM10:2025"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// Options are the settings of GO203.
type Options struct {
	// MaxBodyBytes is the size from which a limit counts as no limit.
	MaxBodyBytes int64 `yaml:"max-body-bytes"`
}

var options = Options{MaxBodyBytes: 1 << 30}

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = &analysis.Analyzer{
	Name:     "GO203",
	Doc:      "reports body and file size limits that are switched off or too large to limit anything",
	URL:      Rule.HelpURI(),
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func init() { Rule.Analyzer = Analyzer }

// limitField describes a struct field that holds a limit.
type limitField struct {
	what     string // what the limit protects, for messages
	negative bool   // a negative value disables the limit
}

// limitFields are the fields that hold limits, by canonical package path,
// type and field name.
var limitFields = map[[3]string]limitField{
	{"github.com/modelcontextprotocol/go-sdk/mcp", "StreamableHTTPOptions", "MaxRequestBodyBytes"}:    {what: "the MCP request body limit", negative: true},
	{"github.com/modelcontextprotocol/go-sdk/mcp", "SSEOptions", "MaxRequestBodyBytes"}:               {what: "the MCP request body limit", negative: true},
	{"github.com/anthropics/anthropic-sdk-go/tools/agenttoolset", "AgentToolContext", "MaxFileBytes"}: {what: "the agent file tools' size cap", negative: true},
	{"github.com/gofiber/fiber", "Config", "BodyLimit"}:                                               {what: "the fiber body limit"},
	{"github.com/labstack/echo/middleware", "BodyLimitConfig", "Limit"}:                               {what: "the echo body limit"},
}

// limitCalls are the functions that take a limit, with the argument's
// index.
var limitCalls = goapi.Table[int]{}.Merge(
	goapi.Set(2, "net/http.MaxBytesReader"),
	goapi.Set(0, "github.com/labstack/echo/middleware.BodyLimit", "github.com/go-chi/chi/middleware.RequestSize"),
)

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	opts := Rule.Options.(*Options)
	for n := range ins.PreorderSeq((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			key, ok := typeKey(pass.TypesInfo.TypeOf(n))
			if !ok {
				continue
			}
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					break
				}
				name, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				if lf, ok := limitFields[[3]string{key[0], key[1], name.Name}]; ok {
					judgeField(pass, opts, lf, key[1]+"."+name.Name, kv.Value)
				}
			}
		case *ast.AssignStmt:
			for _, fa := range goapi.FieldAssigns(pass.TypesInfo, n) {
				key, ok := typeKey(fa.Recv)
				if !ok || fa.Value == nil {
					continue
				}
				if lf, ok := limitFields[[3]string{key[0], key[1], fa.Field}]; ok {
					judgeField(pass, opts, lf, types.ExprString(fa.X)+"."+fa.Field, fa.Value)
				}
			}
		case *ast.CallExpr:
			i, fn, ok := limitCalls.Call(pass.TypesInfo, n)
			if !ok || i >= len(n.Args) {
				continue
			}
			name := fn.Pkg().Name() + "." + fn.Name()
			arg := n.Args[i]
			if v, ok := limitValue(pass, arg); ok && v >= opts.MaxBodyBytes {
				goapi.Reportf(pass, goapi.Warning, arg.Pos(), "%s limit %s is at least %s, in effect no limit", name, types.ExprString(arg), size(opts.MaxBodyBytes))
			}
		}
	}
	return nil, nil
}

func judgeField(pass *analysis.Pass, opts *Options, lf limitField, name string, value ast.Expr) {
	v, ok := limitValue(pass, value)
	switch {
	case !ok:
	case v < 0 && lf.negative:
		goapi.Reportf(pass, goapi.Warning, value.Pos(), "%s %s disables %s", name, types.ExprString(value), lf.what)
	case v >= opts.MaxBodyBytes:
		goapi.Reportf(pass, goapi.Warning, value.Pos(), "%s %s is at least %s, in effect no limit", name, types.ExprString(value), size(opts.MaxBodyBytes))
	}
}

// typeKey is the canonical package path and name of a struct type, through
// one pointer.
func typeKey(t types.Type) ([2]string, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return [2]string{}, false
	}
	return [2]string{goapi.CanonPath(n.Obj().Pkg().Path()), n.Obj().Name()}, true
}

// limitValue is the number of bytes a constant limit stands for: an integer,
// or a string in echo's notation.
func limitValue(pass *analysis.Pass, e ast.Expr) (int64, bool) {
	if v, ok := goapi.ConstInt(pass.TypesInfo, e); ok {
		return v, true
	}
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return parseBytes(goapi.ConstString(pass.TypesInfo, e))
}

var (
	binarySize  = regexp.MustCompile(`(?i)^(-?\d+(?:\.\d+)?)\s?([KMGTPE]iB?)$`)
	decimalSize = regexp.MustCompile(`(?i)^(-?\d+(?:\.\d+)?)\s?([KMGTPE]B?|B?)$`)
)

// parseBytes reads a size as echo v4 does (github.com/labstack/gommon/bytes):
// "4Ki" and "4KiB" are binary, "4K" and "4KB" decimal.
func parseBytes(s string) (int64, bool) {
	unit := 1000.0
	m := binarySize.FindStringSubmatch(s)
	if m != nil {
		unit = 1024
	} else if m = decimalSize.FindStringSubmatch(s); m == nil {
		return 0, false
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	if p := strings.ToUpper(m[2]); p != "" && p != "B" {
		exp := strings.IndexByte("KMGTPE", p[0]) + 1
		n *= math.Pow(unit, float64(exp))
	}
	if n >= math.MaxInt64 {
		return math.MaxInt64, true
	}
	return int64(n), true
}

// size writes a byte count for messages: "1 GiB", "512 MiB", "1000 bytes".
func size(n int64) string {
	for _, u := range []struct {
		shift uint
		name  string
	}{{40, "TiB"}, {30, "GiB"}, {20, "MiB"}, {10, "KiB"}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d %s", n>>u.shift, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
