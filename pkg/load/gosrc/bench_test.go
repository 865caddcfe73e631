package gosrc

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/rules"
)

// BenchmarkGo measures, on large real code available offline, (a) loading
// and type-checking the packages alone, with the mode, environment and
// parsing a scan uses (dependencies without bodies, see deps.go), (w) the
// same with every body of every dependency type-checked, as go/analysis
// drivers usually load, and (b) Analyze with every Go rule (load
// included), and reports full/load = b/a and full/whole = b/w:
//
//   - tools: golang.org/x/tools at the version in apiaudit's go.mod, copied
//     out of the module cache (skipped when it, or one of its own
//     dependencies, is not there: run go mod download in a copy of it);
//   - net: the standard library's net/... tree;
//   - a module of your own: APIAUDIT_BENCH_MODULE=/path/to/module.
//
// scripts/bench prints the ratios.
func BenchmarkGo(b *testing.B) {
	var analyzers []*analysis.Analyzer
	for _, r := range rules.All {
		if r.Analyzer != nil {
			analyzers = append(analyzers, r.Analyzer)
		}
	}
	b.Run("tools", func(b *testing.B) {
		benchGo(b, toolsCopy(b), analyzers)
	})
	b.Run("net", func(b *testing.B) {
		benchGo(b, filepath.Join(runtime.GOROOT(), "src", "net"), analyzers)
	})
	if dir := os.Getenv("APIAUDIT_BENCH_MODULE"); dir != "" {
		// Any module whose dependencies are in the module cache.
		b.Run(filepath.Base(dir), func(b *testing.B) {
			benchGo(b, dir, analyzers)
		})
	}
}

func benchGo(b *testing.B, dir string, analyzers []*analysis.Analyzer) {
	ctx := context.Background()
	match := func(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }
	opts := Options{Root: dir}
	// load loads the packages as a scan does (dependencies without their
	// bodies) or, with whole, as a go/analysis driver usually does
	// (packages.LoadAllSyntax, every body type-checked).
	load := func(whole bool) int {
		cfg, pats, deps := loadConfig(ctx, dir, analyzers, opts)
		if whole {
			cfg.ParseFile = nil
		}
		pkgs, err := packages.Load(cfg, pats...)
		if err != nil {
			b.Fatal(err)
		}
		if !whole {
			trimmedErrors(pkgs, deps)
		}
		bad := 0
		for _, p := range pkgs {
			if p.IllTyped {
				bad++
			}
		}
		if bad > 0 {
			b.Fatalf("%d of %d packages do not load", bad, len(pkgs))
		}
		return len(pkgs)
	}
	n := load(false) // warm the build cache and the file system for all
	var loadTime, wholeTime, fullTime time.Duration
	findings := 0
	for b.Loop() {
		start := time.Now()
		load(false)
		loadTime += time.Since(start)
		start = time.Now()
		load(true)
		wholeTime += time.Since(start)
		start = time.Now()
		res, err := Analyze(ctx, dir, analyzers, match, opts)
		if err != nil {
			b.Fatal(err)
		}
		fullTime += time.Since(start)
		findings = len(res.Findings)
	}
	runs := float64(b.N)
	b.ReportMetric(float64(n), "pkgs")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(loadTime.Seconds()/runs, "load-s/op")
	b.ReportMetric(wholeTime.Seconds()/runs, "whole-s/op")
	b.ReportMetric(fullTime.Seconds()/runs, "full-s/op")
	b.ReportMetric(fullTime.Seconds()/loadTime.Seconds(), "full/load")
	b.ReportMetric(fullTime.Seconds()/wholeTime.Seconds(), "full/whole")
}

// toolsCopy copies golang.org/x/tools, at the version apiaudit requires,
// out of the module cache into a temporary directory.
func toolsCopy(b *testing.B) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/tools").Output()
	src := strings.TrimSpace(string(out))
	if err != nil || src == "" {
		b.Skip("golang.org/x/tools is not in the module cache")
	}
	dir := filepath.Join(b.TempDir(), "tools")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	check := exec.Command("go", "list", "-deps", "./...")
	check.Dir = dir
	check.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
	if out, err := check.CombinedOutput(); err != nil {
		b.Skipf("the dependencies of golang.org/x/tools are not all in the module cache (go mod download in a copy fetches them):\n%s", firstLine(string(out)))
	}
	return dir
}
