package engine

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
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
func scanManifest(in Input, rules []*lint.Rule, opts Options) (file string, findings []lint.Finding, problems []lint.Problem) {
	rel := relTo(in.Root, in.Abs)
	maxSize := opts.MaxFileSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	if info, err := os.Stat(in.Abs); err == nil && info.Size() > maxSize {
		return "", nil, []lint.Problem{{File: rel, Message: fmt.Sprintf("not scanned: the file is %s, over the %s limit (raise it with --max-file-size %s)",
			mib(info.Size()), mib(maxSize), mib(info.Size()*2))}}
	}
	data, err := os.ReadFile(in.Abs)
	if err != nil {
		return "", nil, []lint.Problem{{File: rel, Message: "cannot be read: " + unwrapPath(err)}}
	}
	cat, err := toolmanifest.Load(rel, data)
	if err != nil {
		if p, ok := err.(*lint.Problem); ok {
			return "", nil, []lint.Problem{*p}
		}
		return "", nil, []lint.Problem{{File: rel, Message: err.Error()}}
	}
	findings, problems = ScanCatalog(cat, rules, opts)
	return rel, findings, problems
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
			Rule: rule, Catalog: cat,
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
