package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/goapi/gocatalog"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/gosrc"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// catalogRules are the rules of rules that check tool catalogs.
func catalogRules(rules []*lint.Rule) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules {
		if r.Catalog != nil {
			out = append(out, r)
		}
	}
	return out
}

// scanManifest loads one tool manifest and runs the catalog rules on it.
// It returns the findings to report and those that x-apiaudit-ignore
// hides.
func scanManifest(in Input, rules []*lint.Rule, opts Options) (file string, findings, suppressed []lint.Finding, problems []lint.Problem) {
	rel := relTo(in.Root, in.Abs)
	data, err := regfile.ReadFile(in.Abs, maxFileSize(opts), 0)
	var tl *regfile.TooLargeError
	if errors.As(err, &tl) {
		return "", nil, nil, []lint.Problem{{File: rel, Message: fmt.Sprintf("not scanned: %s (raise it with --max-file-size %s)", tl.Error(), regfile.Size(tl.Size*2))}}
	}
	if err != nil {
		return "", nil, nil, []lint.Problem{{File: rel, Message: "cannot be read: " + unwrapPath(err)}}
	}
	cat, err := toolmanifest.Load(rel, data)
	if err != nil {
		if p, ok := err.(*lint.Problem); ok {
			return "", nil, nil, []lint.Problem{*p}
		}
		return "", nil, nil, []lint.Problem{{File: rel, Message: err.Error()}}
	}
	findings, problems = ScanCatalog(cat, rules, Options{ToolsLock: opts.ToolsLock})
	findings, suppressed = applyCatalogIgnores(cat, findings, opts)
	return rel, adjust(findings, opts.Adjust), adjust(suppressed, opts.Adjust), problems
}

// applyCatalogIgnores applies the x-apiaudit-ignore entries of a manifest
// to the findings of its catalog; ineffective entries are MCP504.
func applyCatalogIgnores(cat *toolcat.Catalog, findings []lint.Finding, opts Options) (kept, suppressed []lint.Finding) {
	if len(cat.Ignores) == 0 {
		return findings, nil
	}
	igs := make([]openapi.Ignore, len(cat.Ignores))
	for i, ig := range cat.Ignores {
		igs[i] = openapi.Ignore{Rule: ig.Rule, Reason: ig.Reason, Scope: ig.Scope, Err: ig.Err,
			At: lint.Location{File: ig.At.File, Line: ig.At.Line, Column: ig.At.Column, Pointer: ig.At.Pointer}}
	}
	return applyIgnoresAs(ClientSuppressionRule, igs, findings, opts)
}

// maxFileSize is the size limit the options set, or the default.
func maxFileSize(opts Options) int64 {
	if opts.MaxFileSize > 0 {
		return opts.MaxFileSize
	}
	return DefaultMaxFileSize
}

// ScanCatalog runs catalog rules on one catalog, whatever its source, and
// returns their findings, completed (severity, fix, fingerprint) and passed
// through opts.Adjust. Loaders of other sources (a Go MCP server's tools)
// call it with the catalog they built; rules that do not have a Catalog
// function are skipped.
func ScanCatalog(cat *toolcat.Catalog, rules []*lint.Rule, opts Options) (findings []lint.Finding, problems []lint.Problem) {
	for _, rule := range rules {
		if rule.Catalog == nil {
			continue
		}
		pass := &lint.CatalogPass{
			Rule: rule, Catalog: cat, Lock: opts.ToolsLock,
			Report: func(f lint.Finding) { findings = append(findings, complete(rule, f)) },
		}
		if err := runCatalogRule(rule, pass); err != nil {
			problems = append(problems, lint.Problem{File: cat.File, Message: err.Error()})
		}
	}
	return adjust(findings, opts.Adjust), problems
}

// runCatalogRule runs one catalog rule, turning a panic into an error.
func runCatalogRule(rule *lint.Rule, pass *lint.CatalogPass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s crashed: %v (please report this with the input)\n%s", rule.ID, r, firstFrames(debug.Stack()))
		}
	}()
	if err := rule.Catalog(pass); err != nil {
		return fmt.Errorf("rule %s: %w", rule.ID, err)
	}
	return nil
}

// LoadCatalogs finds the tool catalogs under opts.Paths, as a scan does,
// and loads them, for `apiaudit tools lock`: tool manifests, and the tools
// the Go packages of each Go module register (one catalog per package,
// gocatalog.Result.Package). Manifests that cannot be loaded are problems;
// Go packages that cannot be analysed are notices (their tools are not
// locked, and a scan given the lock reports them as not locked). Catalogs
// are returned sorted by name.
func LoadCatalogs(ctx context.Context, opts Options) (cats []*toolcat.Catalog, problems, notices []lint.Problem, err error) {
	found, err := Discover(opts)
	if err != nil {
		return nil, nil, nil, err
	}
	problems = slices.Clone(found.Problems)
	for _, in := range found.Inputs {
		switch in.Kind {
		case KindTools:
			rel := relTo(in.Root, in.Abs)
			data, err := regfile.ReadFile(in.Abs, maxFileSize(opts), 0)
			if err != nil {
				problems = append(problems, lint.Problem{File: rel, Message: "cannot be read: " + unwrapPath(err)})
				continue
			}
			cat, err := toolmanifest.Load(rel, data)
			if err != nil {
				if p, ok := err.(*lint.Problem); ok {
					problems = append(problems, *p)
				} else {
					problems = append(problems, lint.Problem{File: rel, Message: err.Error()})
				}
				continue
			}
			cats = append(cats, cat)
		case KindGo:
			got, ps := goCatalogs(ctx, in, opts)
			cats = append(cats, got...)
			notices = append(notices, ps...)
		}
	}
	slices.SortFunc(cats, func(a, b *toolcat.Catalog) int { return strings.Compare(a.Name, b.Name) })
	return cats, problems, notices, nil
}

// goCatalogs loads the packages of a Go module (or a workspace's modules)
// and returns the tool catalog of each package that registers tools.
func goCatalogs(ctx context.Context, in Input, opts Options) ([]*toolcat.Catalog, []lint.Problem) {
	gopts := gosrc.Options{Root: in.Root, IncludeGenerated: opts.IncludeGenerated, Work: in.Work, Modules: in.Modules,
		MaxFileSize: cmp.Or(opts.MaxFileSize, DefaultMaxFileSize), Collect: []*analysis.Analyzer{gocatalog.Analyzer}}
	res, err := gosrc.Analyze(ctx, in.Abs, nil, func(string, string) bool { return false }, gopts)
	if err != nil {
		return nil, []lint.Problem{{File: relTo(in.Root, in.Abs), Message: err.Error()}}
	}
	var out []*toolcat.Catalog
	for _, r := range res.Collected[gocatalog.Analyzer.Name] {
		if c := r.(*gocatalog.Result).Package(); c != nil {
			out = append(out, c)
		}
	}
	return out, res.Problems
}

// lockedNotFound says which catalogs of the tools lock the scan did not
// find: manifests moved, renamed or deleted since the lock, or outside the
// paths; Go packages that no longer register a tool, were moved or
// deleted, could not be analysed, or are outside the paths. goCatalogs
// are the Go packages that register tools, per Go input; nil when Go code
// was not analysed for tools (no rule reads it), and then locked Go
// packages are not judged.
func lockedNotFound(lock *toolcat.Lock, inputs []Input, goCatalogs [][]string) []lint.Problem {
	scanned := map[string]bool{}
	for _, in := range inputs {
		if in.Kind == KindTools {
			scanned[relTo(in.Root, in.Abs)] = true
		}
	}
	registering := map[string]bool{}
	for _, names := range goCatalogs {
		for _, n := range names {
			registering[n] = true
		}
	}
	var out []lint.Problem
	for _, c := range lock.Catalogs {
		switch {
		case c.Source == toolcat.SourceManifest && !scanned[c.Name]:
			out = append(out, lint.Problem{File: c.Name, Message: fmt.Sprintf("the tools lock has this tool manifest (%d tools), but the scan did not find it: moved or deleted since, or outside the scanned paths", len(c.Tools))})
		case c.Source == toolcat.SourceGo && goCatalogs != nil && !registering[c.Name]:
			out = append(out, lint.Problem{Message: fmt.Sprintf("the tools lock has Go package %s (%s), but the scan found no tool registered in it: "+
				"its tools were removed, or the package was moved, deleted or could not be analysed (see the problems), or it is outside the scanned paths; "+
				"run apiaudit tools lock again once the change is reviewed", modeltext.Quote(c.Name), plural(len(c.Tools), "tool"))})
		}
	}
	return out
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// scanToolOperations runs the catalog rules on the operations of an
// agent-facing OpenAPI document, read as the tools an agent is offered
// (openapi.ToolCatalog), and keeps each rule's findings once per element. Each rule decides whether it applies to such a
// catalog (toolcat.SourceOpenAPI): most leave documents to the OpenAPI
// rule that covers the same ground. A schema shared by several operations
// is one element, so a rule's findings on it are kept once, the first.
func scanToolOperations(cat *toolcat.Catalog, rules []*lint.Rule, opts Options) (findings []lint.Finding, problems []lint.Problem) {
	findings, problems = ScanCatalog(cat, rules, Options{ToolsLock: opts.ToolsLock})
	type key struct {
		rule, file, ptr string
		line            int
	}
	seen := map[key]bool{}
	out := findings[:0]
	for _, f := range findings {
		k := key{f.RuleID, f.Location.File, f.Location.Pointer, f.Location.Line}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out, problems
}

// moreSpecific maps a catalog rule to the OpenAPI rules whose findings on
// the same element it replaces: both read it, and the catalog rule says
// more precisely what is wrong with it. The element is the pointer, and
// for texts the line too, since an operation's summary and description
// share the operation's pointer.
var moreSpecific = map[string][]general{
	"MCP402": {{"OAS407", true}},                     // an instruction about another tool is the model-directed text OAS407 reports
	"MCP403": {{"OAS201", false}, {"OAS405", false}}, // a free-text notes or context field: its missing bound is in MCP403's message
}

type general struct {
	rule     string
	sameLine bool
}

// oneFindingPerElement drops an OpenAPI rule's finding where a more
// specific catalog rule reported on the same element.
func oneFindingPerElement(findings []lint.Finding) []lint.Finding {
	type at struct {
		rule, file, ptr string
		line            int
	}
	replaced := map[at]bool{}
	for _, f := range findings {
		for _, g := range moreSpecific[f.RuleID] {
			k := at{g.rule, f.Location.File, f.Location.Pointer, 0}
			if g.sameLine {
				k.line = f.Location.Line
			}
			replaced[k] = true
		}
	}
	if len(replaced) == 0 {
		return findings
	}
	return slices.DeleteFunc(findings, func(f lint.Finding) bool {
		return replaced[at{f.RuleID, f.Location.File, f.Location.Pointer, 0}] ||
			replaced[at{f.RuleID, f.Location.File, f.Location.Pointer, f.Location.Line}]
	})
}
