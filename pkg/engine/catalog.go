package engine

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
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

// LoadCatalogs finds the tool manifests under opts.Paths, as a scan does,
// and loads them, for `apiaudit tools lock`. Files that cannot be loaded
// are problems; the others are returned sorted by name.
func LoadCatalogs(opts Options) ([]*toolcat.Catalog, []lint.Problem, error) {
	found, err := Discover(opts)
	if err != nil {
		return nil, nil, err
	}
	problems := slices.Clone(found.Problems)
	var cats []*toolcat.Catalog
	for _, in := range found.Inputs {
		if in.Kind != KindTools {
			continue
		}
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
	}
	slices.SortFunc(cats, func(a, b *toolcat.Catalog) int { return strings.Compare(a.Name, b.Name) })
	return cats, problems, nil
}

// lockedNotFound says which manifests of the tools lock the scan did not
// find: moved, renamed or deleted since the lock, or outside the paths.
func lockedNotFound(lock *toolcat.Lock, inputs []Input) []lint.Problem {
	scanned := map[string]bool{}
	for _, in := range inputs {
		if in.Kind == KindTools {
			scanned[relTo(in.Root, in.Abs)] = true
		}
	}
	var out []lint.Problem
	for _, c := range lock.Catalogs {
		if c.Source == toolcat.SourceManifest && !scanned[c.Name] {
			out = append(out, lint.Problem{File: c.Name, Message: fmt.Sprintf("the tools lock has this tool manifest (%d tools), but the scan did not find it: moved or deleted since, or outside the scanned paths", len(c.Tools))})
		}
	}
	return out
}
