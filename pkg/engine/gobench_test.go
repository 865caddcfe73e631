package engine

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

	"golang.org/x/mod/modfile"

	"github.com/apiaudit/apiaudit/internal/childproc"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/gosrc"
	"github.com/apiaudit/apiaudit/rules"
)

// BenchmarkGo measures, on large real code available offline, (a) loading
// and type-checking the packages alone, exactly as a scan loads them
// (gosrc.LoadOnly: the same patterns, mode and environment, dependencies
// without bodies), (w) the same with every body of every dependency
// type-checked, as go/analysis drivers usually load, and (b) the Go side
// of `apiaudit scan DIR` on the module: scanModule with the rules a scan
// runs by default on Go code (the Go rules, and the catalog rules on the
// tools gocatalog finds, with the rules' module steps), its own load
// included. It reports full/load = b/a and full/whole = b/w:
//
//   - tools: golang.org/x/tools at the version in apiaudit's go.mod, copied
//     out of the module cache (skipped, saying what to run, when one of its
//     own dependencies is not there);
//   - net: the standard library's net/... tree;
//   - modules of your own: APIAUDIT_BENCH_MODULE=/path/to/module, or
//     several separated by the path list separator (a colon on Unix);
//     -bench 'BenchmarkGo/^name$' runs one of them alone.
//
// APIAUDIT_BENCH_WHOLE=off leaves (w) out: the rounds then alternate load
// and full only. Each measurement starts after a garbage collection
// outside its time. Besides the ratios it reports the CPU time of load and
// full per round (cpu-load-s/op, cpu-full-s/op): with -count N each count
// is one sample of the same process's alternated rounds, whose median and
// spread say how far the machine's load moved them.
//
// With APIAUDIT_BENCH_GOSEC=/path/to/gosec, each round also runs gosec
// (-quiet -fmt json ./...) on the same tree, after the three measurements
// above, and reports full/gosec: the budget against the tool users would
// otherwise run, measured in the same rounds.
//
// scripts/bench prints the ratios.
func BenchmarkGo(b *testing.B) {
	goRules := benchGoRules()
	b.Run("tools", func(b *testing.B) {
		benchGo(b, toolsCopy(b), goRules)
	})
	b.Run("net", func(b *testing.B) {
		benchGo(b, filepath.Join(runtime.GOROOT(), "src", "net"), goRules)
	})
	// Any module whose dependencies are in the module cache.
	for _, dir := range filepath.SplitList(os.Getenv("APIAUDIT_BENCH_MODULE")) {
		if dir == "" {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			benchGo(b, dir, goRules)
		})
	}
}

// BenchmarkGoAnalyze runs only the Go side of a scan (what BenchmarkGo
// calls full) on the modules of APIAUDIT_BENCH_MODULE: the loop to
// profile (-cpuprofile, -memprofile) when a budget of BenchmarkGo is
// broken.
func BenchmarkGoAnalyze(b *testing.B) {
	goRules := benchGoRules()
	for _, dir := range filepath.SplitList(os.Getenv("APIAUDIT_BENCH_MODULE")) {
		if dir == "" {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			in := benchInput(b, dir)
			for b.Loop() {
				scanModule(context.Background(), in, goRules, Options{}, nil)
			}
		})
	}
}

// benchGoRules are the rules `apiaudit scan` runs on a Go module with no
// configuration: those not Optional (config.Select) that read Go code.
func benchGoRules() []*lint.Rule {
	var on []*lint.Rule
	for _, r := range rules.All {
		if !r.Doc.Optional {
			on = append(on, r)
		}
	}
	return analyzerRules(on)
}

func benchGo(b *testing.B, dir string, goRules []*lint.Rule) {
	ctx := context.Background()
	in := benchInput(b, dir)
	// The load a scan does, measured on its own: the same analyzers decide
	// the mode (facts need the dependencies' syntax).
	analyzers, collect := goAnalyzers(goRules, Options{}, false)
	gopts := gosrc.Options{Root: in.Root, Work: in.Work, Modules: in.Modules, Collect: collect}
	load := func(whole bool) int {
		pkgs, err := gosrc.LoadOnly(ctx, dir, analyzers, gopts, whole)
		if err != nil {
			b.Fatal(err)
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
	whole := os.Getenv("APIAUDIT_BENCH_WHOLE") != "off"
	var loadTime, wholeTime, fullTime, gosecTime time.Duration
	var loadCPU, fullCPU, gosecCPU time.Duration
	findings, problems, gosecFound := 0, 0, 0
	for b.Loop() {
		// Each measurement starts from a collected heap, so that none pays
		// for the garbage of the one before it.
		runtime.GC()
		start, cpu := time.Now(), cpuTime()
		load(false)
		loadTime += time.Since(start)
		loadCPU += cpuTime() - cpu
		if whole {
			runtime.GC()
			start = time.Now()
			load(true)
			wholeTime += time.Since(start)
		}
		runtime.GC()
		start, cpu = time.Now(), cpuTime()
		o := scanModule(ctx, in, goRules, Options{}, nil)
		fullTime += time.Since(start)
		fullCPU += cpuTime() - cpu
		findings, problems = len(o.findings), len(o.problems)
		if gosec != "" {
			start, cpu = time.Now(), cpuTime()
			gosecFound = runGosec(b, gosec, dir, in.Work)
			gosecTime += time.Since(start)
			gosecCPU += cpuTime() - cpu
		}
	}
	runs := float64(b.N)
	b.ReportMetric(float64(n), "pkgs")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(float64(problems), "problems")
	b.ReportMetric(loadTime.Seconds()/runs, "load-s/op")
	if whole {
		b.ReportMetric(wholeTime.Seconds()/runs, "whole-s/op")
	}
	b.ReportMetric(fullTime.Seconds()/runs, "full-s/op")
	b.ReportMetric(fullTime.Seconds()/loadTime.Seconds(), "full/load")
	if whole {
		b.ReportMetric(fullTime.Seconds()/wholeTime.Seconds(), "full/whole")
	}
	if gosec != "" {
		b.ReportMetric(gosecTime.Seconds()/runs, "gosec-s/op")
		b.ReportMetric(fullTime.Seconds()/gosecTime.Seconds(), "full/gosec")
		b.ReportMetric(float64(gosecFound), "gosec-findings")
		b.ReportMetric(fullCPU.Seconds()/gosecCPU.Seconds(), "cpu-full/gosec")
	}
	// CPU time (this process and the go commands and tools it ran) tells
	// more than wall time on a shared machine.
	b.ReportMetric(fullCPU.Seconds()/loadCPU.Seconds(), "cpu-full/load")
	b.ReportMetric(loadCPU.Seconds()/runs, "cpu-load-s/op")
	b.ReportMetric(fullCPU.Seconds()/runs, "cpu-full-s/op")
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
func runGosec(b *testing.B, gosec, dir, work string) int {
	out := filepath.Join(b.TempDir(), "gosec.json")
	cmd := exec.Command(gosec, "-quiet", "-fmt", "json", "-out", out, "./...")
	cmd.Dir = dir
	// gosec starts the go command itself: not through the wrapper a load
	// puts on PATH (see childproc.WrapGo).
	cmd.Env = append(childproc.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK="+cmp.Or(work, "off"))
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

// benchInput is dir as a scan finds it: with the go.work in dir, the
// modules it uses together (kubectl-ai builds that way), else the module
// alone. Where code lives is graded from dir, as when a scan is started on
// it.
func benchInput(b *testing.B, dir string) Input {
	goapi.SetScanRoots([]string{dir})
	in := Input{Kind: KindGo, Abs: dir, Root: dir, Top: dir}
	work := filepath.Join(dir, "go.work")
	data, err := os.ReadFile(work)
	if err != nil {
		return in
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		b.Fatal(err)
	}
	in.Work = work
	for _, u := range wf.Use {
		in.Modules = append(in.Modules, filepath.Join(dir, u.Path))
	}
	return in
}

// toolsCopy copies golang.org/x/tools, at the version apiaudit requires,
// out of the module cache into a temporary directory.
func toolsCopy(b *testing.B) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/tools").Output()
	src := strings.TrimSpace(string(out))
	if err != nil || src == "" {
		b.Skip("golang.org/x/tools is not in the module cache: run go mod download in apiaudit's module")
	}
	// The copy loads offline: its own dependencies (x/telemetry, goldmark,
	// ...) must be in the module cache, and apiaudit's go.sum does not
	// list all of them.
	check := exec.Command("go", "list", "-deps", "./...")
	check.Dir = src
	check.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
	if out, err := check.CombinedOutput(); err != nil {
		b.Skipf("the dependencies of golang.org/x/tools are not all in the module cache (%s); fetch them with:\n\t(cd %s && GOWORK=off GOFLAGS=-mod=readonly go mod download)", firstLineOf(string(out)), src)
	}
	dir := filepath.Join(b.TempDir(), "tools")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	return dir
}

// firstLineOf is the last line of the go command's output that says why
// (the lines before it say what it was downloading).
func firstLineOf(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
