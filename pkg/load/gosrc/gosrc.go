// Package gosrc loads the Go packages of a module and runs the Go rules'
// analyzers over them: packages.Load, then analysis/checker.Analyze, then
// each analysis.Diagnostic becomes a lint.Finding. It is the only importer
// of go/packages and the checker.
package gosrc

import (
	"cmp"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/internal/childproc"
	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/goapi/authn"
	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Options configures one module's analysis.
type Options struct {
	Root string // absolute scan root; files are reported relative to it
	// IncludeGenerated analyses files with a "// Code generated ... DO NOT
	// EDIT." header too; they are skipped by default.
	IncludeGenerated bool
	// Work is the go.work file that Modules belong to. When set, the
	// packages of every module in Modules (absolute directories) are
	// loaded together in that workspace; otherwise the module in dir is
	// loaded on its own, with workspaces off.
	Work    string
	Modules []string
	// MaxFileSize bounds the scanned modules' .go files, in bytes: a larger
	// one is skipped with a notice. 0 means no bound.
	MaxFileSize int64
	// Collect are analyzers that report nothing and whose results the
	// caller wants (the inventory's route lists): they run beside the
	// rules, and Result.Collected holds what they returned.
	Collect []*analysis.Analyzer
}

// IgnoreDirective is the comment that suppresses a Go finding:
//
//	//apiaudit:ignore GO201 -- reason
//
// on the line of the finding or the line above it, or on a declaration
// around it: in the doc comment of a top-level function, method, type, var
// or const declaration (or of one spec of a grouped declaration), on the
// line above it or on its first line. An ignore on a declaration covers
// every finding inside it.
const IgnoreDirective = "//apiaudit:ignore"

// Ignore is one //apiaudit:ignore comment.
type Ignore struct {
	Rule   string // a rule id or a glob such as GO2*; "" when none is written
	Reason string // "" when none is given: such an ignore suppresses nothing
	At     lint.Location
	// Decl names the declaration the ignore sits on ("upload",
	// "(*Server).Start", "var limits"); "" for an ignore that covers only
	// its own line and the next.
	Decl string
	// FirstLine and LastLine are the lines a declaration ignore covers.
	FirstLine, LastLine int
	Used                bool // it suppressed at least one finding
	// Malformed is the text of a comment that looks like an ignore and is
	// not one ("// apiaudit:ignore", "//apiaudit: ignore",
	// "//apiaudit-ignore", "//APIAUDIT:ignore"): it suppresses nothing,
	// and is reported so that its author learns why.
	Malformed string
}

// nearMiss matches the start of a comment that was meant as an ignore
// directive but is not spelt as one: a space after //, another separator
// or case, a block comment.
var nearMiss = regexp.MustCompile(`(?i)^(//|/\*)\s*apiaudit\s*[:\-_ ]?\s*(no)?ignore`)

// Covers reports whether the ignore sits where it covers a finding on line
// of its file: on that line, the line above, or on a declaration around it.
func (ig *Ignore) Covers(line int) bool {
	return ig.At.Line == line || ig.At.Line == line-1 ||
		(ig.Decl != "" && ig.FirstLine <= line && line <= ig.LastLine)
}

// Result is what analysing one module produced.
type Result struct {
	Files      []string       // Go files analysed, relative to the root
	Findings   []lint.Finding // RuleID, Message, Location and Fingerprint set
	Suppressed []lint.Finding // findings an ignore covers, Suppression set
	Ignores    []Ignore
	Problems   []lint.Problem // package errors and analyzers that failed
	Notices    []lint.Problem // files skipped (see guard.go) and functions not analysed in full
	// Collected are the results of Options.Collect, by analyzer name, one
	// per package analysed, in package path order.
	Collected map[string][]any
	// Budgets are the most steps any unit of each bounded analysis took
	// (see pkg/budget), by analysis, and the most it took for each byte
	// of the unit's limit above its floor: what the limits are measured
	// against.
	Budgets map[string]BudgetUse
}

// BudgetUse is what the units of one bounded analysis used at most.
type BudgetUse struct {
	Steps int64   // the most steps of one unit
	Share float64 // the largest share of its limit one unit used
}

// Analyze loads the packages of the module in dir ("./...", tests
// excluded) and runs the analyzers on those that type-check. Nothing is
// downloaded: a dependency missing from the module cache is a problem. match
// decides whether an ignore's rule pattern names a rule id.
func Analyze(ctx context.Context, dir string, analyzers []*analysis.Analyzer, match func(pattern, id string) bool, opts Options) (*Result, error) {
	mods := opts.Modules
	if opts.Work == "" {
		mods = []string{dir}
	}
	g := guardModules(opts.Root, mods, opts.Work, opts.MaxFileSize)
	res := &Result{Problems: g.problems, Notices: g.notices}
	if g.fatal {
		return res, nil
	}
	if len(opts.Collect) > 0 {
		analyzers = append(slices.Clip(analyzers), opts.Collect...)
	}
	cfg, pats, deps := loadConfig(ctx, dir, analyzers, opts)
	cfg.Overlay = g.overlay
	pkgs, err := packages.Load(cfg, pats...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("the go command cannot list the packages: %s", goListError(err))
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	trimmedErrors(pkgs, deps)
	rel := func(path string) string {
		if r, err := filepath.Rel(opts.Root, path); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(path)
	}
	if cgoOff(cfg.Env) && len(pkgs) > 0 {
		// Dependencies that need cgo are read as Go (cgostub.go).
		stubbed := cgoRecheck(pkgs, deps, buildTags(cfg.BuildFlags), cfg.ParseFile)
		for _, mod := range slices.Sorted(maps.Keys(stubbed)) {
			what, their, them := "its packages "+strings.Join(stubbed[mod], ", ")+" are", "their", "them"
			if n := len(stubbed[mod]); n > 3 {
				what = fmt.Sprintf("%d of its packages are", n)
			} else if n == 1 {
				what, their, them = "its package "+stubbed[mod][0]+" is", "its", "it"
				if stubbed[mod][0] == mod {
					what = "it is"
				}
			}
			res.Notices = append(res.Notices, lint.Problem{File: rel(dir), Message: fmt.Sprintf(
				"%s needs cgo, which apiaudit leaves off: %s read as Go, with stand-ins for C's types, and %s type errors are not reported (set CGO_ENABLED=1 to load %s with the C compiler, for code you trust; see docs/security.md)", mod, what, their, them)})
		}
		trimmedErrors(pkgs, deps)
	}

	var ok []*packages.Package
	seenErr := map[string]bool{}
	for _, p := range pkgs {
		modDir := rel(dir)
		if p.Module != nil && p.Module.Dir != "" {
			modDir = rel(p.Module.Dir)
		}
		for _, prob := range groupTypeErrors(p, packageErrors(p, modDir), rel, rel(dir), cgoOff(cfg.Env), buildTags(cfg.BuildFlags)) {
			if key := prob.Error(); !seenErr[key] {
				seenErr[key] = true
				res.Problems = append(res.Problems, prob)
			}
		}
		if p.IllTyped && len(p.Errors) == 0 {
			// The package is fine, and one of its dependencies is not.
			prob := lint.Problem{File: rel(p.Dir), Message: "not analysed: " + brokenDependency(p)}
			if len(p.GoFiles) > 0 {
				prob.File = rel(p.GoFiles[0])
			}
			res.Problems = append(res.Problems, prob)
		}
		if !p.IllTyped && len(p.Errors) == 0 {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return res, nil
	}

	// Per file: whether it is generated, its syntax, and its ignores.
	type fileInfo struct {
		syntax    *ast.File
		generated bool
	}
	files := map[string]fileInfo{}
	seenSDK := map[string]bool{}
	for _, p := range ok {
		for _, f := range p.Syntax {
			name := p.Fset.File(f.FileStart).Name()
			gen := !opts.IncludeGenerated && ast.IsGenerated(f)
			if orig, cgo := cgoSource(p, f); orig != "" {
				// cgo's output for a file of the package: it says it is
				// generated, and the file it came from decides.
				gen = !opts.IncludeGenerated && isGenerated(orig)
				files[orig] = fileInfo{syntax: f, generated: gen}
				name = orig
			} else if cgo {
				// cgo's own declarations (_cgo_gotypes.go, in the build
				// cache): nobody wrote them, and they are no file of the
				// scan.
				files[name] = fileInfo{syntax: f, generated: true}
				continue
			}
			files[name] = fileInfo{syntax: f, generated: gen}
			if gen {
				continue
			}
			res.Files = append(res.Files, rel(name))
			res.Ignores = append(res.Ignores, ignores(p.Fset, f, rel(name))...)
			res.Notices = append(res.Notices, sdkNotices(p, f, seenSDK, rel)...)
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					if why := gotaint.TooCostly(fd); why != "" {
						pos := p.Fset.Position(fd.Pos())
						res.Notices = append(res.Notices, lint.Problem{File: rel(pos.Filename), Line: pos.Line, Column: pos.Column,
							Message: fmt.Sprintf("%s is not followed by the taint analysis: its body is %s", funcName(fd), why)})
					}
				}
			}
		}
	}

	// Ignores by file, so that matching a finding costs what its own
	// file's ignores cost.
	inFile := map[string][]int{}
	for i, ig := range res.Ignores {
		inFile[ig.At.File] = append(inFile[ig.At.File], i)
	}
	byFile := make(map[string]*ignoreIndex, len(inFile))
	for file, idx := range inFile {
		byFile[file] = newIgnoreIndex(res.Ignores, idx)
	}

	// The packages of one load share one SSA program, and the taint
	// analyzer skips those that no flow can go through (gotaint.Share).
	var collected []*checker.Action
	release := gotaint.Share(ok[0].Fset, ok)
	dropUnreadTypes(pkgs, ok)
	watch := budget.Watch(ok[0].Fset)
	recovering(analyzers)
	graph, err := checker.Analyze(analyzers, ok, nil)
	budgets := watch()
	release()
	loaded := typesOf(pkgs)
	goapi.Forget(loaded)
	authn.Forget(loaded)
	if err != nil {
		return nil, fmt.Errorf("analyse go packages in %s: %w", dir, err)
	}
	// Bounded analyses stopped on a unit (pkg/budget) are problems, on
	// dependencies as on scanned packages: what they found feeds the
	// rules' findings either way.
	for _, b := range budgets {
		if res.Budgets == nil {
			res.Budgets = map[string]BudgetUse{}
		}
		u := res.Budgets[b.Analysis]
		u.Steps = max(u.Steps, b.Used())
		if b.Limit > 0 {
			u.Share = max(u.Share, float64(b.Used())/float64(b.Limit))
		}
		res.Budgets[b.Analysis] = u
		if err := b.Err(); err != nil {
			res.Problems = append(res.Problems, lint.Problem{File: rel(b.Where), Message: err.Error()})
		}
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			res.Problems = append(res.Problems, lint.Problem{File: rel(act.Package.Dir), Message: fmt.Sprintf("rule %s: %v", act.Analyzer.Name, act.Err)})
			continue
		}
		if slices.Contains(opts.Collect, act.Analyzer) {
			collected = append(collected, act)
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			info, known := files[pos.Filename]
			if !known {
				info, known = files[act.Package.Fset.PositionFor(d.Pos, false).Filename]
			}
			if !known || info.generated {
				continue
			}
			f := lint.Finding{
				RuleID:   act.Analyzer.Name,
				Message:  d.Message,
				Location: lint.Location{File: rel(pos.Filename), Line: pos.Line, Column: pos.Column},
			}
			// A rule grades a finding above or below its default severity
			// by naming the severity as the diagnostic's category.
			if sev, err := lint.ParseSeverity(d.Category); err == nil {
				f.Severity = sev
			}
			if d.End.IsValid() {
				end := act.Package.Fset.Position(d.End)
				f.Location.EndLine, f.Location.EndColumn = end.Line, end.Column
			}
			// Related information, in order, is the path the data took:
			// the analyzers of taint rules write it that way.
			for _, ri := range d.Related {
				if ri.Pos == d.Pos {
					continue // the finding's own place ends every flow already
				}
				p := act.Package.Fset.Position(ri.Pos)
				f.Flow = append(f.Flow, lint.Step{Location: lint.Location{File: rel(p.Filename), Line: p.Line, Column: p.Column}, Message: ri.Message})
			}
			f.Fingerprint = lint.GoFingerprint(f.RuleID, f.Location.File, enclosingFunc(info.syntax, d.Pos), f.Message)
			if ig := suppressing(byFile[f.Location.File], f, match); ig != nil {
				f.Suppression = &lint.Suppression{Kind: lint.SuppressedInSource, Reason: ig.Reason, Location: ig.At}
				res.Suppressed = append(res.Suppressed, f)
				continue
			}
			res.Findings = append(res.Findings, f)
		}
	}
	slices.SortFunc(collected, func(a, b *checker.Action) int { return strings.Compare(a.Package.PkgPath, b.Package.PkgPath) })
	for _, act := range collected {
		if res.Collected == nil {
			res.Collected = map[string][]any{}
		}
		res.Collected[act.Analyzer.Name] = append(res.Collected[act.Analyzer.Name], act.Result)
	}
	slices.Sort(res.Files)
	res.Files = slices.Compact(res.Files)
	return res, nil
}

// loadConfig is how Analyze calls packages.Load: the mode the analyzers
// need, the environment, how files are parsed (deps.go) and the patterns;
// d tells dependencies' files from the scanned ones.
func loadConfig(ctx context.Context, dir string, analyzers []*analysis.Analyzer, opts Options) (cfg *packages.Config, pats []string, d *deps) {
	mode := packages.LoadSyntax
	if needFacts(analyzers) {
		mode = packages.LoadAllSyntax // facts are computed on dependencies too
	}
	// go/packages starts the go command itself: through the wrapper, it
	// dies with apiaudit even when apiaudit is killed (SIGKILL).
	childproc.WrapGo()
	env := loadEnv(dir, opts.Work)
	scan := opts.Modules
	if opts.Work == "" {
		scan = []string{dir}
	}
	d = newDeps(ctx, dir, env, scan)
	// As go vet and x/tools' checker do, build tags go to go list as a
	// build flag; apiaudit reads them from GOFLAGS, the one place it
	// takes them from (see loadEnv). Tests stay out: a scan reports on
	// the code that ships.
	cfg = &packages.Config{
		Context:    ctx,
		Mode:       mode | packages.NeedModule,
		Dir:        dir,
		Tests:      false,
		Env:        env,
		BuildFlags: tagFlags(os.Getenv("GOFLAGS")),
		ParseFile:  parseFile(d),
	}
	return cfg, patterns(dir, opts), d
}

// packageErrors are the errors of a package worth reporting, cleaned up:
//   - when a package does not compile, go list repeats the compiler's
//     messages as one "# pkg" error: the type checker's are kept;
//   - only the first syntax error of each file, since the parser's later
//     ones follow from it;
//   - when an import cannot be loaded, why (the dependency's own error,
//     such as a module missing from the module cache), and not the
//     "undefined" errors that follow from it.
func packageErrors(p *packages.Package, modDir string) []packages.Error {
	precise := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
	var imports []packages.Error
	for _, e := range p.Errors {
		if e.Kind != packages.TypeError {
			continue
		}
		path, ok := strings.CutPrefix(e.Msg, "could not import ")
		if !ok {
			continue
		}
		if i := strings.Index(path, " ("); i >= 0 {
			path = path[:i]
		}
		e.Msg = importProblem(path, p.Imports[path], e.Msg, modDir)
		imports = append(imports, e)
	}
	if len(imports) > 0 {
		return imports
	}
	var out []packages.Error
	parsed := map[string]bool{}
	for _, e := range p.Errors {
		if precise && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		if e.Kind == packages.ParseError {
			file, _, _ := strings.Cut(e.Pos, ":")
			if len(e.Pos) > 2 && e.Pos[1] == ':' { // a Windows drive letter
				file = e.Pos[:2] + strings.SplitN(e.Pos[2:], ":", 2)[0]
			}
			if parsed[file] {
				continue
			}
			parsed[file] = true
		}
		e.Msg = firstLine(e.Msg)
		out = append(out, e)
	}
	return out
}

// goListError keeps what the go command said from a failed go list, on one
// line: go/packages wraps it in its own words and the command's arguments.
func goListError(err error) string {
	msg := err.Error()
	if _, stderr, ok := strings.Cut(msg, "stderr: "); ok {
		msg = stderr
	}
	var lines []string
	for line := range strings.Lines(msg) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "go: downloading ") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}

// brokenDependency says which dependency of p does not load, and why:
// the go command's own error when there is one (it names the cause, such as
// a missing C compiler), else the first type error.
func brokenDependency(p *packages.Package) string {
	var parseErr, listErr, typeErr string
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		return parseErr == ""
	}, func(q *packages.Package) {
		for _, e := range q.Errors {
			msg := e.Msg
			if h, rest, ok := strings.Cut(msg, "\n"); ok && strings.HasPrefix(h, "# ") {
				msg = rest // "# pkg" then the compiler's lines
			}
			msg = q.PkgPath + ": " + firstLine(msg)
			switch {
			case e.Kind == packages.ParseError && parseErr == "":
				parseErr = msg
			case e.Kind == packages.ListError && listErr == "":
				listErr = msg
			case typeErr == "":
				typeErr = msg
			}
		}
	})
	// A syntax error first: the loader parses every file itself, so it is
	// always there, while the go command reports the compiler's wording of
	// the same error only on some runs (the message must not change from
	// one scan to the next).
	why := cmp.Or(parseErr, listErr, typeErr, "a dependency does not type-check")
	if strings.Contains(why, "C compiler") {
		why += " (cgo is on: unset CGO_ENABLED to load with cgo off)"
	}
	return "a dependency does not load: " + why
}

// importProblem says why the package at path, imported by a package being
// analysed, could not be loaded. modDir is the importer's module directory,
// relative to the scan root.
func importProblem(path string, dep *packages.Package, msg, modDir string) string {
	fetch := "go mod download"
	if modDir != "." && modDir != "" {
		fetch = "cd " + modDir + " && go mod download"
	}
	if path == "C" {
		return `cgo preprocessing failed, so the package is not analysed: check that the C compiler ($CC, or gcc) works, or unset CGO_ENABLED to load with cgo off`
	}
	if dep == nil || len(dep.Errors) == 0 {
		return firstLine(msg)
	}
	why := dep.Errors[0].Msg
	switch {
	case strings.Contains(why, "disabled by GOPROXY=off"):
		return fmt.Sprintf("%s is not in the module cache, and apiaudit downloads nothing: run %q (or scan with --go-mod-download), then scan again", path, fetch)
	case strings.Contains(why, "missing go.sum entry"):
		return fmt.Sprintf("go.sum has no entry for the module of %s, and apiaudit changes nothing: run %q (or go mod tidy), then scan again", path, fetch)
	case strings.Contains(why, "build constraints exclude all Go files") && os.Getenv("CGO_ENABLED") == "":
		return fmt.Sprintf("%s: %s (apiaudit loads with cgo off unless CGO_ENABLED=1 is set)", path, firstLine(why))
	}
	return path + ": " + firstLine(why)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// cgoSource returns the Go file of p that f, a file cgo wrote, was made
// from, and whether f is cgo output at all: cgo's files live in the build
// cache and say, with //line directives, where their lines came from;
// _cgo_gotypes.go comes from no file.
func cgoSource(p *packages.Package, f *ast.File) (orig string, cgo bool) {
	if len(p.CompiledGoFiles) == len(p.GoFiles) {
		return "", false // no cgo files: the compiled files are the Go files
	}
	name := p.Fset.File(f.FileStart).Name()
	if slices.Contains(p.GoFiles, name) {
		return "", false
	}
	orig = p.Fset.Position(f.Package).Filename
	if orig != name && slices.Contains(p.GoFiles, orig) {
		return orig, true
	}
	return "", true
}

// isGenerated reports whether the Go file at path says it is generated.
func isGenerated(path string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && ast.IsGenerated(f)
}

// loadEnv is the environment of the go command that lists the packages:
// the user's, with everything that could reach the network or run another
// program pinned (see pinnedGoEnv), the module files read-only (or the
// vendor directory when the module, or the workspace, vendors its
// dependencies) and the workspace set explicitly.
func loadEnv(dir, work string) []string {
	gowork := "off"
	if work != "" {
		gowork = work
	}
	mod := "-mod=readonly"
	if _, err := os.Stat(filepath.Join(dir, "vendor", "modules.txt")); err == nil {
		mod = "-mod=vendor"
	}
	env := append(os.Environ(), pinnedGoEnv...)
	env = append(env, "GOFLAGS="+mod, "GOWORK="+gowork)
	if _, set := os.LookupEnv("CGO_ENABLED"); !set {
		// Loading a cgo file runs the C compiler on its preamble, which
		// the scanned code writes (and may #include any file on the
		// machine into an error message): cgo stays off unless the
		// environment asks for it. See docs/security.md.
		env = append(env, "CGO_ENABLED=0")
	}
	return env
}

// pinnedGoEnv keeps the go command offline whatever the user's environment
// or go env file says. GOPROXY=off alone is not enough: a module matched by
// GOPRIVATE or GONOPROXY bypasses the proxy setting and is fetched directly
// (a ?go-get=1 request, then git), and the scanned go.mod chooses the module
// path. The go command takes an empty variable as unset and falls back to
// the go env file, so the pattern lists are set to "," (a list of empty
// patterns, which match nothing) rather than left empty.
var pinnedGoEnv = []string{
	"GOPROXY=off",
	"GOPRIVATE=,", "GONOPROXY=,", "GONOSUMDB=,", "GONOSUMCHECK=,", "GOINSECURE=,",
	"GOSUMDB=off",
	"GOVCS=*:off",       // no version control command, for any module
	"GOAUTH=off",        // no credential helper command
	"GOTOOLCHAIN=local", // no other go binary, whatever go.mod asks
	"GIT_TERMINAL_PROMPT=0",
	"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
}

// patterns are the package patterns to load from dir: "./..." for one
// module, and "./m/..." for each module m of a workspace.
func patterns(dir string, opts Options) []string {
	if opts.Work == "" {
		return []string{"./..."}
	}
	var out []string
	for _, m := range opts.Modules {
		rel, err := filepath.Rel(dir, m)
		if err != nil {
			rel = m
		}
		out = append(out, "./"+filepath.ToSlash(filepath.Join(rel, "..."))) // "./..." for the go.work directory itself
	}
	return out
}

// needFacts reports whether an analyzer, or one it requires, exchanges
// facts across packages, which needs the syntax of every dependency.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		return slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(analyzers, visit)
}

// problem turns a package error ("file:line:col: msg") into a Problem.
func problem(e packages.Error, rel func(string) string, modDir string) lint.Problem {
	p := lint.Problem{File: modDir, Message: e.Msg}
	pos := e.Pos
	if pos == "" || pos == "-" {
		return p
	}
	// Split "file:line:col" or "file:line" from the right, since Windows
	// paths hold a colon too.
	parts := strings.Split(pos, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	p.File = rel(strings.Join(parts, ":"))
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Column = nums[1]
	}
	return p
}

// ignores reads the //apiaudit:ignore comments of a file.
func ignores(fset *token.FileSet, f *ast.File, file string) []Ignore {
	var out []Ignore
	decls := declSpans(fset, f)
	for _, group := range f.Comments {
		for _, c := range group.List {
			rest, ok := strings.CutPrefix(c.Text, IgnoreDirective)
			ok = ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
			if !ok && !nearMiss.MatchString(c.Text) {
				continue
			}
			pos := fset.Position(c.Slash)
			ig := Ignore{At: lint.Location{File: file, Line: pos.Line, Column: pos.Column}}
			fields := strings.Fields(rest)
			if !ok {
				text, _, _ := strings.Cut(c.Text, "\n")
				if len(text) > 60 {
					text = text[:60] + "…"
				}
				ig.Malformed = text
			} else if len(fields) > 0 {
				ig.Rule = fields[0]
				reason := strings.TrimSpace(strings.TrimPrefix(rest, " "))
				reason = strings.TrimSpace(strings.TrimPrefix(reason, fields[0]))
				reason = strings.TrimSpace(strings.TrimPrefix(reason, "--"))
				ig.Reason = reason
			}
			for _, d := range decls {
				if d.holds(group, pos.Line) {
					ig.Decl, ig.FirstLine, ig.LastLine = d.name, d.first, d.last
					break
				}
			}
			out = append(out, ig)
		}
	}
	return out
}

// suppressing marks as used every usable ignore that covers the finding,
// among those of its file (x), and returns the closest: one on the
// finding's line or the line above before one on a declaration, and the
// innermost declaration first.
func suppressing(x *ignoreIndex, f lint.Finding, match func(pattern, id string) bool) *Ignore {
	if x == nil {
		return nil
	}
	best := -1
	line := f.Location.Line
	x.covering(line, f.RuleID, func(i int) {
		ig := &x.igs[i]
		if ig.At.File != f.Location.File || !ig.Covers(line) || !match(ig.Rule, f.RuleID) {
			return
		}
		ig.Used = true
		// Between two as close, the one written first.
		if best < 0 || closer(ig, &x.igs[best], line) || !closer(&x.igs[best], ig, line) && i < best {
			best = i
		}
	})
	if best < 0 {
		return nil
	}
	return &x.igs[best]
}

// closer reports whether ignore a covers line more closely than b.
func closer(a, b *Ignore, line int) bool {
	onLine := func(ig *Ignore) bool { return ig.At.Line == line || ig.At.Line == line-1 }
	if onLine(a) != onLine(b) {
		return onLine(a)
	}
	return a.LastLine-a.FirstLine < b.LastLine-b.FirstLine
}

// declSpan is a top-level declaration, or one spec of a grouped one, that
// an ignore can sit on.
type declSpan struct {
	name        string
	doc         *ast.CommentGroup
	first, last int // the lines it spans
}

// holds reports whether an ignore in comment group g on line sits on the
// declaration: in its doc comment, on the line above it, or on its first
// line.
func (d declSpan) holds(g *ast.CommentGroup, line int) bool {
	return (d.doc != nil && g == d.doc) || line == d.first || line == d.first-1
}

// declSpans lists the declarations of a file an ignore may sit on: each
// function and method, each var, const and type declaration, and each spec
// of a parenthesised group (after the group, so that an ignore above one
// spec covers that spec only).
func declSpans(fset *token.FileSet, f *ast.File) []declSpan {
	line := func(p token.Pos) int { return fset.Position(p).Line }
	var out []declSpan
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				name = recvString(d.Recv.List[0].Type) + "." + name
			}
			out = append(out, declSpan{name: name, doc: d.Doc, first: line(d.Pos()), last: line(d.End())})
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				continue
			}
			first := line(d.Pos())
			var specs []declSpan
			for _, spec := range d.Specs {
				var names []string
				var doc *ast.CommentGroup
				switch s := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
					doc = s.Doc
				case *ast.TypeSpec:
					names, doc = []string{s.Name.Name}, s.Doc
				}
				name := d.Tok.String() + " " + strings.Join(names, ", ")
				if d.Lparen.IsValid() {
					specs = append(specs, declSpan{name: name, doc: doc, first: line(spec.Pos()), last: line(spec.End())})
				} else {
					out = append(out, declSpan{name: name, doc: d.Doc, first: first, last: line(d.End())})
				}
			}
			if d.Lparen.IsValid() {
				// The group first: an ignore on "var (" or above it covers
				// every spec.
				out = append(out, declSpan{name: d.Tok.String() + " (...)", doc: d.Doc, first: first, last: line(d.End())})
				out = append(out, specs...)
			}
		}
	}
	return out
}

// recvString writes a method's receiver type as Go does in method
// expressions: "T", "(*T)".
func recvString(e ast.Expr) string {
	if _, ok := e.(*ast.StarExpr); ok {
		return "(*" + recvName(e) + ")"
	}
	return recvName(e)
}

// funcName names a function or method as enclosingFunc does.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	return recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
}

// enclosingFunc names the top-level function or method around pos: "Name"
// or "Type.Name"; "" outside any function.
func enclosingFunc(f *ast.File, pos token.Pos) string {
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || pos >= fd.End() {
			continue
		}
		if fd.Recv == nil || len(fd.Recv.List) == 0 {
			return fd.Name.Name
		}
		return recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
	}
	return ""
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.ParenExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}
