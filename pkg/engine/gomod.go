package engine

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/gocatalog"
	"github.com/apiaudit/apiaudit/pkg/goapi/routes"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/gosrc"
)

// analyzerRules returns the rules that check Go code: Go rules, and
// catalog rules, which run on the tools of Go MCP servers.
func analyzerRules(rules []*lint.Rule) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules {
		if r.Analyzer != nil || r.Catalog != nil {
			out = append(out, r)
		}
	}
	return out
}

type moduleOutcome struct {
	files []string
	// catalogs are the names of the packages that register MCP tools
	// (gocatalog.Result.Package), when a tools lock was given: a locked
	// package missing from them is said (lockedNotFound).
	catalogs             []string
	findings, suppressed []lint.Finding
	problems, notices    []lint.Problem
}

// scanModule analyses the packages of one Go module with the Go rules and
// applies //apiaudit:ignore comments, --exclude and Options.Adjust.
func scanModule(ctx context.Context, in Input, rules []*lint.Rule, opts Options, ji *joinInput) moduleOutcome {
	var o moduleOutcome
	byID := map[string]*lint.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	analyzers, collect := goAnalyzers(rules, opts, ji != nil)
	match := func(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }
	if opts.GoModDownload {
		dirs := in.Modules
		if len(dirs) == 0 {
			dirs = []string{in.Abs}
		}
		for _, dir := range dirs {
			if err := goModDownload(ctx, dir); err != nil {
				o.problems = append(o.problems, lint.Problem{File: relTo(in.Root, filepath.Join(dir, "go.mod")), Message: err.Error()})
				return o
			}
		}
	}
	gopts := gosrc.Options{Root: in.Root, IncludeGenerated: opts.IncludeGenerated, Work: in.Work, Modules: in.Modules, MaxFileSize: cmp.Or(opts.MaxFileSize, DefaultMaxFileSize), Collect: collect}
	res, err := gosrc.Analyze(ctx, in.Abs, analyzers, match, gopts)
	if err != nil {
		o.problems = append(o.problems, lint.Problem{File: relTo(in.Root, in.Abs), Message: err.Error()})
		return o
	}
	for _, r := range rules {
		if r.Module != nil {
			res.Findings = moduleStep(r, res.Findings, res.Collected[r.Module.Collect.Name], in.Root)
			res.Suppressed = moduleStep(r, res.Suppressed, res.Collected[r.Module.Collect.Name], in.Root)
		}
	}
	o.problems = res.Problems
	o.notices = res.Notices
	for _, r := range res.Collected[gocatalog.Analyzer.Name] {
		if c := r.(*gocatalog.Result).Package(); c != nil {
			o.catalogs = append(o.catalogs, c.Name)
		}
	}
	excluded := func(rel string) bool {
		return Excluded(opts.Exclude, in.Root, in.Top, filepath.Join(in.Root, filepath.FromSlash(rel)))
	}
	for _, f := range res.Files {
		if !excluded(f) {
			o.files = append(o.files, f)
		}
	}
	keep := func(fs []lint.Finding) []lint.Finding {
		var out []lint.Finding
		for _, f := range fs {
			if r := byID[f.RuleID]; r != nil && !excluded(f.Location.File) {
				out = append(out, complete(r, f))
			}
		}
		return adjust(out, opts.Adjust)
	}
	if ji != nil {
		ji.modules = moduleRoutes(in, res.Collected[routes.Analyzer.Name], excluded)
		ji.goIgnores = res.Ignores
	}
	o.findings = dropTwins(keep(res.Findings))
	o.suppressed = dropTwins(keep(res.Suppressed))
	var drift []*lint.Rule
	if ji != nil {
		drift = ji.drift
	}
	igFindings, deferred := goIgnoreFindings(res.Ignores, rules, drift, opts, excluded)
	if ji != nil {
		ji.deferred = deferred
	}
	o.findings = append(o.findings, adjust(igFindings, opts.Adjust)...)
	return o
}

// goAnalyzers are the analyzers scanModule runs for rules (a catalog
// rule runs on the tools gocatalog finds), and those whose results it
// collects: the routes of the join, the catalogs a tools lock is compared
// with, and what the rules' module steps read.
func goAnalyzers(rules []*lint.Rule, opts Options, join bool) (analyzers, collect []*analysis.Analyzer) {
	analyzers = make([]*analysis.Analyzer, len(rules))
	for i, r := range rules {
		analyzers[i] = r.Analyzer
		if r.Analyzer == nil {
			analyzers[i] = catalogAnalyzer(r, opts.ToolsLock)
		}
	}
	if join {
		collect = []*analysis.Analyzer{routes.Analyzer}
	}
	if opts.ToolsLock != nil {
		collect = append(collect, gocatalog.Analyzer)
	}
	for _, r := range rules {
		if r.Module != nil {
			collect = append(collect, r.Module.Collect)
		}
	}
	return analyzers, collect
}

// goModDownload runs "go mod download" in a module directory, unless the
// module vendors its dependencies (which are then read from vendor/).
func goModDownload(ctx context.Context, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "vendor", "modules.txt")); err == nil {
		return nil
	}
	cmd := exec.CommandContext(ctx, "go", "mod", "download")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if line, _, _ := strings.Cut(msg, "\n"); line != "" {
			msg = line
		} else {
			msg = err.Error()
		}
		return fmt.Errorf("go mod download (--go-mod-download) failed: %s", msg)
	}
	return nil
}

const goIgnoreFix = "write //apiaudit:ignore with a known rule id and -- a reason, on the finding's line, the line above or the enclosing declaration, and delete ignores that match nothing"

// goIgnoreFindings reports //apiaudit:ignore comments that name no known
// rule, give no reason, match no finding or are misspelt, as GO503 (OAS501
// does the same for x-apiaudit-ignore). One that matches no Go finding but
// names a drift rule that will run is returned in deferred: runDrift
// reports it if no drift finding uses it either.
func goIgnoreFindings(igs []gosrc.Ignore, goRules, drift []*lint.Rule, opts Options, excluded func(string) bool) (out []lint.Finding, deferred []gosrc.Ignore) {
	known := opts.Known
	if known == nil {
		known = opts.Rules
	}
	for _, ig := range igs {
		if excluded(ig.At.File) {
			continue
		}
		var msg string
		switch {
		case ig.Malformed != "":
			msg = fmt.Sprintf("%q is not an ignore directive and suppresses nothing: write %s RULE -- reason, with no space after //", ig.Malformed, gosrc.IgnoreDirective)
		case ig.Rule == "":
			msg = gosrc.IgnoreDirective + " names no rule: write " + gosrc.IgnoreDirective + " GO201 -- reason"
		case !doublestar.ValidatePattern(ig.Rule) || !matchesAny(ig.Rule, known):
			msg = fmt.Sprintf("%s names unknown rule %q", gosrc.IgnoreDirective, ig.Rule)
		case ig.Reason == "":
			msg = fmt.Sprintf("%s for %s gives no reason, so it suppresses nothing: add -- why the finding does not apply", gosrc.IgnoreDirective, ig.Rule)
		case !ig.Used && matchesAny(ig.Rule, drift):
			deferred = append(deferred, ig)
			continue
		case !ig.Used && matchesAny(ig.Rule, goRules):
			msg = unusedGoIgnore(ig)
		default:
			continue
		}
		out = append(out, complete(GoSuppressionRule, lint.Finding{Message: msg, Location: ig.At, Fix: goIgnoreFix}))
	}
	return slices.Clip(out), deferred
}

// unusedGoIgnore is GO503's message for a suppression that matched nothing.
func unusedGoIgnore(ig gosrc.Ignore) string {
	if ig.Decl != "" {
		return fmt.Sprintf("%s for %s matches no finding in %s: remove it", gosrc.IgnoreDirective, ig.Rule, ig.Decl)
	}
	return fmt.Sprintf("%s for %s matches no finding on its line or the next: remove it", gosrc.IgnoreDirective, ig.Rule)
}

// moduleStep applies a rule's module step (lint.Rule.Module) to that
// rule's findings among fs, leaving the others as they are.
func moduleStep(r *lint.Rule, fs []lint.Finding, collected []any, root string) []lint.Finding {
	var mine, out []lint.Finding
	for _, f := range fs {
		if f.RuleID == r.ID {
			mine = append(mine, f)
		} else {
			out = append(out, f)
		}
	}
	if len(mine) == 0 {
		return fs
	}
	return append(out, r.Module.Apply(mine, collected, root)...)
}
