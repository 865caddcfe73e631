package gosrc

import (
	"context"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// LoadOnly loads and type-checks the packages that Analyze would analyse
// with these analyzers, exactly as Analyze loads them (the same patterns,
// mode, environment, and dependencies parsed without their function
// bodies), and runs nothing: the floor the speed budget of
// docs/performance.md compares a scan with (BenchmarkGo, pkg/engine). With
// whole, every body of every dependency is type-checked too, as
// go/analysis drivers usually load (packages.LoadAllSyntax). It returns
// the packages loaded.
func LoadOnly(ctx context.Context, dir string, analyzers []*analysis.Analyzer, opts Options, whole bool) ([]*packages.Package, error) {
	if len(opts.Collect) > 0 {
		analyzers = append(analyzers[:len(analyzers):len(analyzers)], opts.Collect...)
	}
	cfg, pats, deps := loadConfig(ctx, dir, analyzers, opts)
	if whole {
		cfg.ParseFile = nil
	}
	pkgs, err := packages.Load(cfg, pats...)
	if err != nil {
		return nil, err
	}
	if !whole {
		trimmedErrors(pkgs, deps)
	}
	return pkgs, nil
}

// typesOf are the types of pkgs and of every package they import,
// directly or not.
func typesOf(pkgs []*packages.Package) []*types.Package {
	var out []*types.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			out = append(out, p.Types)
		}
	})
	return out
}
