package engine

import (
	"cmp"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/apiaudit/apiaudit/pkg/goapi/routes"
	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/gosrc"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// joinInput is what one document or one Go module gives the inventory:
// its operations or its routes, and the suppressions that drift findings
// on it are matched against.
type joinInput struct {
	ops         []inventory.Operation
	specIgnores []openapi.Ignore
	modules     []inventory.Module
	goIgnores   []gosrc.Ignore
	// drift are the drift rules that will run on the join (nil when none
	// will); deferred are the module's //apiaudit:ignore comments that
	// match no Go finding but name one of them, judged unused only once
	// the drift findings are known.
	drift    []*lint.Rule
	deferred []gosrc.Ignore
}

// moduleRoutes turns the route analyzer's results for one Go input (a
// module, or the modules of a workspace) into one inventory module per
// go.mod, with positions relative to the scan root. Routes in excluded
// files are left out.
func moduleRoutes(in Input, results []any, excluded func(string) bool) []inventory.Module {
	dirs := in.Modules
	if len(dirs) == 0 {
		dirs = []string{in.Abs}
	}
	// the innermost module first
	dirs = slices.Clone(dirs)
	slices.SortFunc(dirs, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	byDir := map[string]*inventory.Module{}
	var order []string
	for _, r := range results {
		res, ok := r.(*routes.Result)
		if !ok {
			continue
		}
		for _, rt := range res.Routes {
			dir := in.Abs
			for _, d := range dirs {
				if strings.HasPrefix(rt.At.File, d+string(filepath.Separator)) {
					dir = d
					break
				}
			}
			rt.At.File = relTo(in.Root, rt.At.File)
			if excluded(rt.At.File) {
				continue
			}
			rt.Module = relTo(in.Root, dir)
			rt.PlaceDir = relTo(in.Top, dir)
			m := byDir[rt.Module]
			if m == nil {
				m = &inventory.Module{Dir: rt.Module}
				byDir[rt.Module] = m
				order = append(order, rt.Module)
			}
			m.Routes = append(m.Routes, rt)
		}
	}
	slices.Sort(order)
	var out []inventory.Module
	for _, d := range order {
		m := byDir[d]
		slices.SortStableFunc(m.Routes, func(a, b inventory.Route) int {
			return cmp.Or(cmp.Compare(a.At.File, b.At.File), cmp.Compare(a.At.Line, b.At.Line), cmp.Compare(a.At.Column, b.At.Column))
		})
		out = append(out, *m)
	}
	return out
}

// buildInventory joins what the documents and modules gave.
func buildInventory(joined []*joinInput) *inventory.Inventory {
	var in inventory.Inputs
	for _, j := range joined {
		in.Operations = append(in.Operations, j.ops...)
		in.Modules = append(in.Modules, j.modules...)
	}
	slices.SortStableFunc(in.Operations, func(a, b inventory.Operation) int {
		return cmp.Or(cmp.Compare(a.Spec, b.Spec), cmp.Compare(a.At.Line, b.At.Line))
	})
	slices.SortStableFunc(in.Modules, func(a, b inventory.Module) int { return cmp.Compare(a.Dir, b.Dir) })
	return inventory.Build(in)
}

// runDrift runs the drift rules on the inventory, then applies the
// suppressions of the file each finding lands in: //apiaudit:ignore for
// a route, x-apiaudit-ignore for an operation.
func runDrift(inv *inventory.Inventory, rules []*lint.Rule, joined []*joinInput, opts Options) (findings, suppressed []lint.Finding, problems []lint.Problem) {
	var goIgs []gosrc.Ignore
	specIgs := map[string][]openapi.Ignore{}
	for _, j := range joined {
		goIgs = append(goIgs, j.goIgnores...)
		for _, op := range j.ops {
			if _, ok := specIgs[op.Spec]; !ok {
				specIgs[op.Spec] = j.specIgnores
			}
		}
	}
	for _, rule := range rules {
		var out []lint.Finding
		pass := &lint.DriftPass{Rule: rule, Inventory: inv, Report: func(f lint.Finding) { out = append(out, complete(rule, f)) }}
		if err := runDriftRule(rule, pass); err != nil {
			problems = append(problems, lint.Problem{Message: err.Error()})
			continue
		}
		for _, f := range out {
			if ig := driftIgnore(f, goIgs, specIgs); ig != nil {
				f.Suppression = ig
				suppressed = append(suppressed, f)
				continue
			}
			findings = append(findings, f)
		}
	}
	// A Go suppression that names a drift rule, and that neither a Go
	// finding nor a drift finding used, is unused like any other (GO503).
	used := map[lint.Location]bool{}
	for _, f := range suppressed {
		used[f.Suppression.Location] = true
	}
	var unused []lint.Finding
	for _, j := range joined {
		for _, ig := range j.deferred {
			if !used[ig.At] {
				unused = append(unused, complete(GoSuppressionRule, lint.Finding{Message: unusedGoIgnore(ig), Location: ig.At, Fix: goIgnoreFix}))
			}
		}
	}
	findings = append(findings, unused...)
	return adjust(findings, opts.Adjust), adjust(suppressed, opts.Adjust), problems
}

func runDriftRule(rule *lint.Rule, pass *lint.DriftPass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s crashed: %v (please report this)\n%s", rule.ID, r, firstFrames(debug.Stack()))
		}
	}()
	if err := rule.Drift(pass); err != nil {
		return fmt.Errorf("rule %s: %w", rule.ID, err)
	}
	return nil
}

// driftIgnore is the suppression that covers a drift finding, if any.
func driftIgnore(f lint.Finding, goIgs []gosrc.Ignore, specIgs map[string][]openapi.Ignore) *lint.Suppression {
	match := func(pattern string) bool { ok, _ := doublestar.Match(pattern, f.RuleID); return ok }
	if f.Location.Pointer == "" {
		for i := range goIgs {
			ig := &goIgs[i]
			if ig.At.File == f.Location.File && ig.Rule != "" && ig.Reason != "" && ig.Malformed == "" && ig.Covers(f.Location.Line) && match(ig.Rule) {
				return &lint.Suppression{Kind: lint.SuppressedInSource, Reason: ig.Reason, Location: ig.At}
			}
		}
		return nil
	}
	for _, igs := range specIgs {
		for _, ig := range igs {
			if ig.Err == "" && ig.Reason != "" && ig.At.File == f.Location.File && ig.Covers(f) && match(ig.Rule) {
				return &lint.Suppression{Kind: lint.SuppressedInSource, Reason: ig.Reason, Location: ig.At}
			}
		}
	}
	return nil
}
