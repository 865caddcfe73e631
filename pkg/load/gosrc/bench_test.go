package gosrc

import (
	"cmp"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/internal/childproc"
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
//   - modules of your own: APIAUDIT_BENCH_MODULE=/path/to/module, or
//     several separated by the path list separator (a colon on Unix);
//     -bench 'BenchmarkGo/^name$' runs one of them alone.
//
// With APIAUDIT_BENCH_GOSEC=/path/to/gosec, each round also runs gosec
// (-quiet -fmt json ./...) on the same tree, after the three measurements
// above, and reports full/gosec: the budget against the tool users would
// otherwise run, measured in the same rounds.
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
	// Any module whose dependencies are in the module cache.
	for _, dir := range filepath.SplitList(os.Getenv("APIAUDIT_BENCH_MODULE")) {
		if dir == "" {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			benchGo(b, dir, analyzers)
		})
	}
}

// BenchmarkGoAnalyze runs only Analyze, with every Go rule, on the modules
// of APIAUDIT_BENCH_MODULE: the loop to profile (-cpuprofile) when a
// budget of BenchmarkGo is broken.
func BenchmarkGoAnalyze(b *testing.B) {
	var analyzers []*analysis.Analyzer
	for _, r := range rules.All {
		if r.Analyzer != nil {
			analyzers = append(analyzers, r.Analyzer)
		}
	}
	match := func(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }
	for _, dir := range filepath.SplitList(os.Getenv("APIAUDIT_BENCH_MODULE")) {
		if dir == "" {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			opts := benchOptions(b, dir)
			for b.Loop() {
				if _, err := Analyze(context.Background(), dir, analyzers, match, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func benchGo(b *testing.B, dir string, analyzers []*analysis.Analyzer) {
	ctx := context.Background()
	match := func(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }
	opts := benchOptions(b, dir)
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
	gosec := os.Getenv("APIAUDIT_BENCH_GOSEC")
	var loadTime, wholeTime, fullTime, gosecTime time.Duration
	var loadCPU, fullCPU, gosecCPU time.Duration
	findings, gosecFound := 0, 0
	for b.Loop() {
		start, cpu := time.Now(), cpuTime()
		load(false)
		loadTime += time.Since(start)
		loadCPU += cpuTime() - cpu
		start = time.Now()
		load(true)
		wholeTime += time.Since(start)
		start, cpu = time.Now(), cpuTime()
		res, err := Analyze(ctx, dir, analyzers, match, opts)
		if err != nil {
			b.Fatal(err)
		}
		fullTime += time.Since(start)
		fullCPU += cpuTime() - cpu
		findings = len(res.Findings)
		if gosec != "" {
			start, cpu = time.Now(), cpuTime()
			gosecFound = runGosec(b, gosec, dir, opts)
			gosecTime += time.Since(start)
			gosecCPU += cpuTime() - cpu
		}
	}
	runs := float64(b.N)
	b.ReportMetric(float64(n), "pkgs")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(loadTime.Seconds()/runs, "load-s/op")
	b.ReportMetric(wholeTime.Seconds()/runs, "whole-s/op")
	b.ReportMetric(fullTime.Seconds()/runs, "full-s/op")
	b.ReportMetric(fullTime.Seconds()/loadTime.Seconds(), "full/load")
	b.ReportMetric(fullTime.Seconds()/wholeTime.Seconds(), "full/whole")
	if gosec != "" {
		b.ReportMetric(gosecTime.Seconds()/runs, "gosec-s/op")
		b.ReportMetric(fullTime.Seconds()/gosecTime.Seconds(), "full/gosec")
		b.ReportMetric(float64(gosecFound), "gosec-findings")
		b.ReportMetric(fullCPU.Seconds()/gosecCPU.Seconds(), "cpu-full/gosec")
	}
	// CPU time (this process and the go commands and tools it ran) tells
	// more than wall time on a shared machine.
	b.ReportMetric(fullCPU.Seconds()/loadCPU.Seconds(), "cpu-full/load")
}

// cpuTime is the CPU time used so far by this process and by the children
// it has waited for (the go command, gosec).
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(children.Utime) + tv(children.Stime)
}

// runGosec runs gosec on dir as a user would (-quiet -fmt json ./...) and
// returns how many issues it reported; a run that reports errors of its
// own instead of scanning fails the benchmark.
func runGosec(b *testing.B, gosec, dir string, opts Options) int {
	out := filepath.Join(b.TempDir(), "gosec.json")
	cmd := exec.Command(gosec, "-quiet", "-fmt", "json", "-out", out, "./...")
	cmd.Dir = dir
	// gosec starts the go command itself: not through the wrapper a load
	// puts on PATH (see childproc.WrapGo).
	cmd.Env = append(childproc.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK="+cmp.Or(opts.Work, "off"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	// gosec exits 1 when it reports issues.
	runErr := cmd.Run()
	if _, ok := runErr.(*exec.ExitError); runErr != nil && !ok {
		b.Fatalf("gosec: %v", runErr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		b.Fatalf("gosec (%v) wrote no report: %v\n%s", runErr, err, stderr.String())
	}
	var rep struct {
		Errors map[string]any `json:"Golang errors"`
		Stats  struct{ Files, Found int }
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		b.Fatalf("gosec report: %v", err)
	}
	if rep.Stats.Files == 0 {
		b.Fatalf("gosec scanned no file: %d packages with errors\n%s", len(rep.Errors), stderr.String())
	}
	return rep.Stats.Found
}

// benchOptions loads dir as a scan would: with the go.work in dir, the
// modules it uses together (kubectl-ai builds that way), else the module
// alone.
func benchOptions(b *testing.B, dir string) Options {
	opts := Options{Root: dir}
	work := filepath.Join(dir, "go.work")
	data, err := os.ReadFile(work)
	if err != nil {
		return opts
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		b.Fatal(err)
	}
	opts.Work = work
	for _, u := range wf.Use {
		opts.Modules = append(opts.Modules, filepath.Join(dir, u.Path))
	}
	return opts
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
