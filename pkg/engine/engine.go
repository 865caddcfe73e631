// Package engine runs rules over inputs: it discovers OpenAPI documents and
// Go modules, loads them, runs the selected rules, applies suppressions and
// returns a sorted result.
package engine

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Options configures a scan.
type Options struct {
	Paths []string // files and directories; "." when empty
	// Exclude are doublestar globs, each matched against a path relative
	// to the PATH being walked and relative to the scan root (the working
	// directory), so both `scan api --exclude 'v1/**'` and `--exclude
	// 'api/v1/**'` skip api/v1.
	Exclude         []string
	Rules           []*lint.Rule // the rules to run
	Known           []*lint.Rule // every rule apiaudit has, to tell a disabled rule from a typo; Rules when nil
	AllowRemoteRefs bool
	MaxFileSize     int64 // bytes; DefaultMaxFileSize when 0
	Jobs            int   // documents, and Go modules, scanned at once; GOMAXPROCS when 0
	// IncludeGenerated analyses Go files marked "// Code generated ... DO
	// NOT EDIT." too; they are skipped by default.
	IncludeGenerated bool
	// GoModDownload runs "go mod download" in each Go module (each module
	// of a workspace) before loading it, with the user's GOPROXY: for a
	// fresh CI runner whose module cache is empty. Off by default, so a
	// scan makes no network call unless asked to.
	GoModDownload bool
	// Progress, when set, is called after each document with the number
	// scanned so far and the total; calls may come from several goroutines.
	Progress func(done, total int)
	// Starting, when set, is called as each document or Go module starts
	// loading, with its path relative to the scan root; calls may come
	// from several goroutines.
	Starting func(name string)
	// Shard and Shards split the inputs for a run in several jobs: with
	// Shards > 1, only the inputs whose path hashes to Shard (1-based) are
	// scanned, and the problems and notices of discovery itself go to
	// shard 1 alone, so that the shards' reports join into the unsharded
	// one (report.MergeJSON).
	Shard, Shards int
	// Discovered, when set, is called once with what the walk found,
	// before anything is loaded.
	Discovered func(*Discovery)
	// Adjust, when set, sees every finding once suppressions are applied,
	// suppressed ones included: it may change the severity, and returning
	// false drops the finding. The configuration file's per-rule and
	// per-path settings work through it. It is called from several
	// goroutines at once.
	Adjust func(*lint.Finding) bool
	// ToolsLock is the tool lock file to compare tool catalogs with
	// (MCP501); nil when none was given.
	ToolsLock *toolcat.Lock
	// Inventory, when set, receives the join of the documents' operations
	// and the Go modules' routes (the inventory command). Without it, the
	// join is made only when a drift rule is selected and the scan holds
	// both a document and a Go module.
	Inventory func(*inventory.Inventory)
}

// Run scans the inputs under opts.Paths. It returns an error only when the
// scan could not start (a missing path, a bad glob); everything that goes
// wrong with one input is a Problem in the result, and the scan goes on.
func Run(ctx context.Context, opts Options) (*lint.Result, error) {
	found, err := Discover(opts)
	if err != nil {
		return nil, err
	}
	inputs, twins := sameDocuments(found.Inputs)
	markOlderVersions(inputs)
	// Where Go code lives is graded from the directories the scan was
	// started on (goapi.PlacePath): what the user points the scan at is
	// the project, examples/ included.
	var roots []string
	for _, in := range inputs {
		if in.Kind == KindGo && !slices.Contains(roots, in.Top) {
			roots = append(roots, in.Top)
		}
	}
	slices.Sort(roots)
	goapi.SetScanRoots(roots)
	res := &lint.Result{Rules: slices.Clone(opts.Rules), Notices: append(found.Notices, twins...), Problems: found.Problems}
	if opts.Discovered != nil {
		opts.Discovered(found)
	}
	if opts.Shards > 1 {
		inputs = slices.DeleteFunc(slices.Clone(inputs), func(in Input) bool { return ShardOf(shardKey(in, inputs), opts.Shards) != opts.Shard })
		if opts.Shard != 1 {
			res.Notices, res.Problems = nil, nil
		}
	}
	var specRules, driftRules []*lint.Rule
	for _, r := range opts.Rules {
		if r.Spec != nil {
			specRules = append(specRules, r)
		}
		if r.Drift != nil {
			driftRules = append(driftRules, r)
		}
	}
	// The join of documents and Go code costs a route analysis and an
	// operation list: only when something reads it.
	hasKind := func(k Kind) bool { return slices.ContainsFunc(inputs, func(in Input) bool { return in.Kind == k }) }
	both := hasKind(KindOpenAPI) && hasKind(KindGo)
	join := opts.Inventory != nil || (len(driftRules) > 0 && both)

	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type outcome struct {
		file       string
		findings   []lint.Finding
		suppressed []lint.Finding
		problems   []lint.Problem
		notices    []lint.Problem
		inv        *joinInput
	}
	outcomes := make([]outcome, len(inputs))
	total := 0
	for _, in := range inputs {
		switch in.Kind {
		case KindOpenAPI:
			res.Documents++
		case KindTools:
			res.Catalogs++
		}
	}
	total = res.Documents + res.Catalogs
	catRules := catalogRules(opts.Rules)
	var done atomic.Int64
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	// Largest documents first: their scans take longest, and started last
	// one would run alone at the end. Outcomes keep the inputs' order.
	order := make([]int, len(inputs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(inputs[b].Size, inputs[a].Size) })
	for _, i := range order {
		in := inputs[i]
		if ctx.Err() != nil {
			break // interrupted: start nothing more
		}
		if in.Kind != KindOpenAPI && in.Kind != KindTools {
			continue // Go modules are analysed by the Go rules below
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			o := &outcomes[i]
			if opts.Starting != nil {
				opts.Starting(relTo(in.Root, in.Abs))
			}
			if join && in.Kind == KindOpenAPI {
				o.inv = &joinInput{}
			}
			if in.Kind == KindTools {
				o.file, o.findings, o.suppressed, o.problems = scanManifest(in, catRules, opts)
			} else {
				o.file, o.findings, o.suppressed, o.problems = scanDocument(ctx, in, specRules, catRules, opts, o.inv)
			}
			if opts.Progress != nil {
				opts.Progress(int(done.Add(1)), total)
			}
		}()
	}
	wg.Wait()
	// Go modules (and workspaces) are analysed side by side too, up to jobs
	// at once; each result lands in its input's slot, so the order does not
	// depend on scheduling.
	goFiles := make([][]string, len(inputs))
	// goCatalogs are the Go packages that register tools, by module; nil
	// when Go code was not analysed for tools.
	var goCatalogs [][]string
	goRules := analyzerRules(opts.Rules)
	if len(goRules) > 0 {
		goCatalogs = make([][]string, len(inputs))
	}
	if len(goRules) > 0 || join {
		for i, in := range inputs {
			if ctx.Err() != nil {
				break
			}
			if in.Kind != KindGo {
				continue
			}
			res.Modules += max(1, len(in.Modules))
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				if opts.Starting != nil {
					opts.Starting(relTo(in.Root, in.Abs) + " (Go)")
				}
				var ji *joinInput
				if join {
					ji = &joinInput{}
					if both {
						ji.drift = driftRules
					}
				}
				o := scanModule(ctx, in, goRules, opts, ji)
				outcomes[i] = outcome{findings: o.findings, suppressed: o.suppressed, problems: o.problems, notices: o.notices, inv: ji}
				goFiles[i] = o.files
				if goCatalogs != nil {
					goCatalogs[i] = o.catalogs
				}
			}()
		}
		wg.Wait()
	}
	// MCP client configurations: a few kilobytes each, read in turn.
	if cr := clientRules(opts.Rules); len(cr) > 0 {
		// The tool manifests found, which may hold the tools of a
		// configuration's servers (MCP305).
		manifests := map[string]bool{}
		for _, in := range found.Inputs {
			if in.Kind == KindTools {
				manifests[in.Abs] = true
			}
		}
		for i, in := range inputs {
			if in.Kind != KindMCPClient || ctx.Err() != nil {
				continue
			}
			res.ClientConfigs++
			if opts.Starting != nil {
				opts.Starting(relTo(in.Root, in.Abs))
			}
			o := &outcomes[i]
			o.file, o.findings, o.suppressed, o.problems = scanClient(in, cr, manifests, opts)
		}
	}
	res.Kinds = map[string]lint.FileKind{}
	for _, files := range goFiles {
		res.Files = append(res.Files, files...)
		for _, f := range files {
			res.Kinds[f] = lint.FileGo
		}
	}
	for i, o := range outcomes {
		if o.file != "" {
			res.Files = append(res.Files, o.file)
			res.Kinds[o.file] = fileKinds[inputs[i].Kind]
		}
		res.Findings = append(res.Findings, o.findings...)
		res.Suppressed = append(res.Suppressed, o.suppressed...)
		res.Problems = append(res.Problems, o.problems...)
		res.Notices = append(res.Notices, o.notices...)
	}
	if opts.ToolsLock != nil && opts.Shards <= 1 {
		res.Notices = append(res.Notices, lockedNotFound(opts.ToolsLock, inputs, goCatalogs)...)
	}
	if join && ctx.Err() == nil {
		var joined []*joinInput
		for _, o := range outcomes {
			if o.inv != nil {
				joined = append(joined, o.inv)
			}
		}
		inv := buildInventory(joined)
		if opts.Inventory != nil {
			opts.Inventory(inv)
		}
		if both {
			f, s, p := runDrift(inv, driftRules, joined, opts)
			res.Findings = append(res.Findings, f...)
			res.Suppressed = append(res.Suppressed, s...)
			res.Problems = append(res.Problems, p...)
		}
	}
	relativeMessages(res, inputs)
	res.Sort()
	same := func(a, b lint.Finding) bool {
		return a.RuleID == b.RuleID && a.Location == b.Location && a.Message == b.Message
	}
	res.Findings = slices.CompactFunc(res.Findings, same)
	res.Suppressed = slices.CompactFunc(res.Suppressed, same)
	return res, nil
}

// fileKinds are the kinds of file each kind of input is read from.
var fileKinds = map[Kind]lint.FileKind{
	KindOpenAPI: lint.FileOpenAPI, KindGo: lint.FileGo, KindTools: lint.FileToolManifest, KindMCPClient: lint.FileClientConfig,
}

// ShardOf is the shard (1 to n) of an input's path, relative to the scan
// root: FNV-1a of the path, so that an input stays in its shard however
// the others change, and every machine agrees.
func ShardOf(path string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32()%uint32(n)) + 1
}

// shardKey is the path an input is sharded by: its own, except that a
// document inside a Go module's directory goes with the module, so that
// the drift rules see a service and the document beside it in the same
// shard.
func shardKey(in Input, all []Input) string {
	key := relTo(in.Root, in.Abs)
	if in.Kind != KindOpenAPI {
		return key
	}
	best := ""
	for _, g := range all {
		if g.Kind == KindGo && g.Root == in.Root && strings.HasPrefix(in.Abs, g.Abs+string(filepath.Separator)) && len(g.Abs) > len(best) {
			best = g.Abs
		}
	}
	if best != "" {
		return relTo(in.Root, best)
	}
	return key
}

// relativeMessages rewrites the absolute paths under a scan root that
// problem and notice messages quote (the go command names a missing
// replacement directory in full, for one) relative to that root, as their
// File is: the same tree scanned in two places gives the same report.
func relativeMessages(res *lint.Result, inputs []Input) {
	sep := string(filepath.Separator)
	var roots []string
	for _, in := range inputs {
		roots = append(roots, in.Root)
		if r, err := filepath.EvalSymlinks(in.Root); err == nil {
			roots = append(roots, r)
		}
	}
	slices.Sort(roots)
	roots = slices.Compact(roots)
	// The longest root first, so that a root inside another one wins.
	slices.SortStableFunc(roots, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	fix := func(ps []lint.Problem) {
		for i := range ps {
			for _, r := range roots {
				if strings.Contains(ps[i].Message, r) {
					m := strings.ReplaceAll(ps[i].Message, r+sep, "")
					ps[i].Message = strings.ReplaceAll(m, r, ".")
				}
			}
		}
	}
	fix(res.Problems)
	fix(res.Notices)
}

// scanDocument loads one document and runs every spec rule on it. It
// returns the findings to report and those that x-apiaudit-ignore hides.
func scanDocument(ctx context.Context, in Input, rules, catRules []*lint.Rule, opts Options, ji *joinInput) (file string, findings, suppressed []lint.Finding, problems []lint.Problem) {
	rel := relTo(in.Root, in.Abs)
	maxSize := maxFileSize(opts)
	defer tightGC(in.Size)()
	doc, err := openapi.Load(ctx, in.Abs, in.Version, openapi.Options{Root: in.Root, AllowRemoteRefs: opts.AllowRemoteRefs, MaxFileSize: maxSize})
	if err != nil {
		if p, ok := err.(*lint.Problem); ok {
			return "", nil, nil, []lint.Problem{*p}
		}
		return "", nil, nil, []lint.Problem{{File: rel, Message: err.Error()}}
	}
	// Rules read the loaded document and never change it, so they run side
	// by side; each keeps its own findings, merged in rule order so that the
	// result does not depend on scheduling.
	perRule := make([][]lint.Finding, len(rules))
	errs := make([]error, len(rules))
	passFor := func(i int, rule *lint.Rule) *lint.SpecPass {
		return &lint.SpecPass{
			Rule: rule, Doc: doc.T, File: doc.File, Version: doc.Version,
			Locate: doc.Locate,
			Report: func(f lint.Finding) { perRule[i] = append(perRule[i], complete(rule, f)) },
		}
	}
	// Exclusive rules change the document while they run: first, alone.
	for i, rule := range rules {
		if rule.Exclusive {
			errs[i] = runRule(rule, passFor(i, rule))
		}
	}
	ruleSem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, rule := range rules {
		if rule.Exclusive {
			continue
		}
		wg.Add(1)
		ruleSem <- struct{}{}
		go func() {
			defer func() { <-ruleSem; wg.Done() }()
			errs[i] = runRule(rule, passFor(i, rule))
		}()
	}
	wg.Wait()
	for i := range rules {
		findings = append(findings, perRule[i]...)
		if errs[i] != nil {
			problems = append(problems, lint.Problem{File: doc.File, Message: errs[i].Error()})
		}
	}
	if err := openapi.Stopped(doc.T); err != nil {
		problems = append(problems, lint.Problem{File: doc.File, Message: err.Error()})
	}
	if len(catRules) > 0 {
		if cat := openapi.ToolCatalog(doc); cat != nil {
			f, p := scanToolOperations(cat, catRules, opts)
			findings = oneFindingPerElement(append(findings, f...))
			problems = append(problems, p...)
		}
	}
	openapi.GradeByPlace(doc.File, samplePlace(in), findings)
	if in.Newest != "" {
		asOlderVersion(findings, in.Newest)
	}
	if ji != nil {
		ji.ops = openapi.InventoryOperations(doc)
		ji.specIgnores = doc.Ignores()
		// Drift rules run after the document is released: their
		// suppressions are matched then, and an ignore for one of them
		// is not "unused" here.
		opts.Rules = slices.DeleteFunc(slices.Clone(opts.Rules), func(r *lint.Rule) bool { return r.Drift != nil })
	}
	findings, suppressed = applyIgnores(doc, findings, opts)
	openapi.Release(doc.T) // after the suppressions, which walk the parameters too
	return doc.File, adjust(findings, opts.Adjust), adjust(suppressed, opts.Adjust), problems
}

// adjust passes each finding through Options.Adjust, keeping those it keeps.
func adjust(findings []lint.Finding, f func(*lint.Finding) bool) []lint.Finding {
	if f == nil {
		return findings
	}
	kept := findings[:0]
	for i := range findings {
		if f(&findings[i]) {
			kept = append(kept, findings[i])
		}
	}
	return kept
}

// runRule runs one rule, turning a panic into an error so that one broken
// rule cannot take the scan down.
func runRule(rule *lint.Rule, pass *lint.SpecPass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s crashed: %v (please report this with the document)\n%s", rule.ID, r, firstFrames(debug.Stack()))
		}
	}()
	if err := rule.Spec(pass); err != nil {
		return fmt.Errorf("rule %s: %w", rule.ID, err)
	}
	return nil
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

// complete fills what a rule leaves to the engine: the default severity, the
// fix hint and the fingerprint.
func complete(rule *lint.Rule, f lint.Finding) lint.Finding {
	f.RuleID = rule.ID
	if f.Severity == lint.SeverityDefault {
		f.Severity = rule.Doc.Severity
	}
	if f.Fix == "" {
		f.Fix = rule.Doc.Fix
	}
	if f.Fingerprint == "" { // Go findings come with theirs
		f.Fingerprint = lint.Fingerprint(f.RuleID, f.Location, f.Message)
	}
	// After the fingerprint: a finding the cap lowers is the same finding.
	return lint.Capped(rule, f)
}

// applyIgnores sets aside the findings that a well-formed suppression
// covers, marked with the first one that does, and reports suppressions
// that are malformed, lack a reason, name no known rule or match nothing.
func applyIgnores(doc *openapi.Document, findings []lint.Finding, opts Options) (kept, suppressed []lint.Finding) {
	return applyIgnoreList(doc.Ignores(), findings, opts)
}

// applyIgnoreList is applyIgnores with the document's suppressions given.
func applyIgnoreList(ignores []openapi.Ignore, findings []lint.Finding, opts Options) (kept, suppressed []lint.Finding) {
	return applyIgnoresAs(SuppressionRule, ignores, findings, opts)
}

// applyIgnoresAs is applyIgnoreList for the x-apiaudit-ignore entries of
// any input, whose ineffective entries are reported as rule (OAS501 for
// OpenAPI documents, MCP504 for tool manifests and client configurations).
func applyIgnoresAs(rule *lint.Rule, ignores []openapi.Ignore, findings []lint.Finding, opts Options) (kept, suppressed []lint.Finding) {
	if len(ignores) == 0 {
		return findings, nil
	}
	known := opts.Known
	if known == nil {
		known = opts.Rules
	}
	used := make([]bool, len(ignores))
	// Suppressions are grouped by the element they cover and then by rule
	// pattern: a finding looks up the groups of its pointer and of each
	// element above it, and matches each pattern once, so that the cost
	// grows with findings plus suppressions, not with their product
	// (50 000 suppressions against 100 000 findings took 95 s).
	type group struct {
		members []int // indices into ignores, in document order
		used    bool
	}
	byScope := map[string]map[string]*group{}
	for i, ig := range ignores {
		if ig.Err != "" || ig.Reason == "" {
			continue
		}
		rules := byScope[ig.Scope]
		if rules == nil {
			rules = map[string]*group{}
			byScope[ig.Scope] = rules
		}
		g := rules[ig.Rule]
		if g == nil {
			g = &group{}
			rules[ig.Rule] = g
		}
		g.members = append(g.members, i)
	}
	for _, f := range findings {
		first := -1
		visit := func(scope string) {
			for pattern, g := range byScope[scope] {
				if ok, _ := doublestar.Match(pattern, f.RuleID); ok {
					g.used = true
					if first < 0 || g.members[0] < first {
						first = g.members[0]
					}
				}
			}
		}
		visit("")
		p := f.Location.Pointer
		for i := 1; i < len(p); i++ {
			if p[i] == '/' {
				visit(p[:i])
			}
		}
		if p != "" {
			visit(p)
		}
		if first >= 0 && f.Suppression == nil {
			ig := ignores[first]
			f.Suppression = &lint.Suppression{Kind: lint.SuppressedInSource, Reason: ig.Reason, Location: ig.At}
		}
		if f.Suppression != nil {
			suppressed = append(suppressed, f)
		} else {
			kept = append(kept, f)
		}
	}
	for _, rules := range byScope {
		for _, g := range rules {
			if g.used {
				for _, i := range g.members {
					used[i] = true
				}
			}
		}
	}
	report := func(ig openapi.Ignore, format string, args ...any) {
		kept = append(kept, complete(rule, lint.Finding{Message: fmt.Sprintf(format, args...), Location: ig.At}))
	}
	for i, ig := range ignores {
		switch {
		case ig.Err != "":
			report(ig, "malformed %s entry: %s", openapi.IgnoreKey, ig.Err)
		case !doublestar.ValidatePattern(ig.Rule) || !matchesAny(ig.Rule, known):
			report(ig, "%s names unknown rule %q", openapi.IgnoreKey, ig.Rule)
		case ig.Reason == "":
			report(ig, "%s for %s gives no reason, so it suppresses nothing: add reason: why the finding does not apply", openapi.IgnoreKey, ig.Rule)
		case !used[i] && matchesAny(ig.Rule, opts.Rules):
			report(ig, "%s for %s matches no finding: remove it", openapi.IgnoreKey, ig.Rule)
		}
	}
	return kept, suppressed
}

// matchesAny reports whether a rule pattern (an id or a glob) names one of
// the rules.
func matchesAny(pattern string, rules []*lint.Rule) bool {
	return slices.ContainsFunc(rules, func(r *lint.Rule) bool { ok, _ := doublestar.Match(pattern, r.ID); return ok })
}

// samplePlace says why a document is a sample, from the directories
// between the path the scan was started on and the document (as Go code
// is graded: what the user points the scan at is the project, examples/
// included): "an example (examples/)", "test data (fixtures/)"; "" for a
// document nothing marks.
func samplePlace(in Input) string {
	dir := path.Dir(relTo(in.Top, in.Abs))
	if dir == "." || strings.HasPrefix(dir, "..") {
		return ""
	}
	switch p, el := goapi.PlaceOf(dir); p {
	case goapi.Example:
		return "an example (" + el + ")"
	case goapi.TestScaffold:
		return "test data (" + el + ")"
	}
	return ""
}

func relTo(root, abs string) string {
	if r, err := filepath.Rel(root, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}
