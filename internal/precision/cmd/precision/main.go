// Command precision measures apiaudit's precision on pinned public projects
// and the shared OpenAPI corpus: it scans each source once with a built
// apiaudit (JSON output, saved under -out and reused), draws a seeded sample
// of findings per rule and severity, joins it with the judgments file and
// prints the precision per rule and severity, the sampled findings nobody has
// judged yet, and judgments whose finding is gone. See docs/precision.md;
// scripts/precision builds apiaudit and runs this.
//
// It downloads nothing unless -download is given: the projects are expected
// checked out under -src, one folder per project name. -src may list several
// directories (separated as in $PATH), since the sets are often checked out
// in different places: each project is looked for in them in order.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/apiaudit/apiaudit/internal/corpus"
	"github.com/apiaudit/apiaudit/internal/precision"
)

type options struct {
	projects, judgments string
	src, out, corpus    string
	apiaudit            string
	set                 string
	n                   string
	seed                int64
	severities          string
	jobs                int
	rescan, download    bool
	output              string
	ruleDocs            string
}

func main() {
	var o options
	flag.StringVar(&o.projects, "projects", "docs/precision/projects.tsv", "the pinned projects `file`")
	flag.StringVar(&o.judgments, "judgments", "docs/precision/judgments.tsv", "the judgments `file`")
	flag.StringVar(&o.src, "src", "", "`dirs` holding one checkout per project, named as the project (outside the repository); several are separated by "+strconv.Quote(string(os.PathListSeparator))+" and searched in order")
	flag.StringVar(&o.out, "out", "", "`dir` for the scans' JSON reports; a report already there is reused unless -rescan (use one dir per apiaudit build)")
	flag.StringVar(&o.corpus, "corpus", corpus.Dir(), "the shared OpenAPI corpus `dir` (\"\" or \"none\": leave it out)")
	flag.StringVar(&o.apiaudit, "apiaudit", "", "the apiaudit `binary` to scan with (needed only for scans not yet under -out)")
	flag.StringVar(&o.set, "set", "acceptance", "projects to measure: acceptance, tuning, fresh, all (tuning and acceptance) or none")
	flag.StringVar(&o.n, "n", "5,error=10", "findings sampled per rule and severity: a number, or severity=number pairs (\"5,error=10\")")
	flag.Int64Var(&o.seed, "seed", 1, "sampling seed")
	flag.StringVar(&o.severities, "severities", "error,warning", "comma-separated severities to sample")
	flag.IntVar(&o.jobs, "j", 1, "apiaudit scan -j for each scan (the scans themselves run one after another)")
	flag.BoolVar(&o.rescan, "rescan", false, "scan again even when a report is under -out")
	flag.BoolVar(&o.download, "download", false, "clone missing projects into -src at their commit and fill the module cache (network)")
	flag.StringVar(&o.output, "o", "", "write the report to `file` instead of standard output")
	flag.StringVar(&o.ruleDocs, "rule-docs", "docs/rules", "`dir` of the rule pages whose documented precision the report compares with the sample (\"\": none)")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "precision:", err)
		os.Exit(2)
	}
}

func run(o options) error {
	if o.out == "" {
		return errors.New("-out is required: a directory for the scans' reports")
	}
	sizes, err := precision.ParseSizes(o.n)
	if err != nil {
		return fmt.Errorf("-n: %w", err)
	}
	projects, err := precision.ReadProjects(o.projects)
	if err != nil {
		return err
	}
	judgments, err := precision.ReadJudgments(o.judgments)
	if err != nil {
		return err
	}
	chosen, err := choose(projects, o.set)
	if err != nil {
		return err
	}
	if len(chosen) > 0 && o.src == "" {
		return errors.New("-src is required: the directory holding the projects' checkouts")
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}

	var scans []*precision.Scan
	for _, p := range chosen {
		dir := checkoutDir(o.src, p.Name)
		if o.download {
			if err := download(p, dir); err != nil {
				return err
			}
		}
		if err := checkCommit(p, dir); err != nil {
			return err
		}
		s, err := scan(o, p.Name, filepath.Join(dir, filepath.FromSlash(p.Subdir)))
		if err != nil {
			return err
		}
		scans = append(scans, s)
	}
	if o.corpus != "" && o.corpus != "none" {
		s, err := scan(o, precision.Corpus, o.corpus)
		if err != nil {
			return err
		}
		scans = append(scans, s)
	}

	var sevs []string
	for _, s := range strings.Split(o.severities, ",") {
		if s = strings.TrimSpace(s); s != "" {
			sevs = append(sevs, s)
		}
	}
	pop := precision.Population(scans, sevs)
	sample := precision.Sample(pop, sizes, o.seed)
	m := precision.Measure(scans, pop, sample, judgments)
	if o.ruleDocs != "" {
		if m.Documented, m.Defaults, err = precision.ReadDocumentedPrecision(o.ruleDocs); err != nil {
			return err
		}
	}

	var w io.Writer = os.Stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	names := make([]string, 0, len(scans))
	for _, s := range scans {
		names = append(names, s.Source)
	}
	fmt.Fprintf(w, "# apiaudit precision\n\nSources: %s. Sample: up to %s per rule and severity (%s), seed %d. Judgments: %s.\n\n",
		strings.Join(names, ", "), sizes, strings.Join(sevs, ", "), o.seed, o.judgments)
	return m.Write(w, scans)
}

// scan returns source's report under -out, scanning dir with -apiaudit first
// when there is none (or -rescan). The report is written beside its final
// name and renamed, so an interrupted scan leaves nothing to reuse.
func scan(o options, source, dir string) (*precision.Scan, error) {
	report := filepath.Join(o.out, source+".json")
	if _, err := os.Stat(report); err == nil && !o.rescan {
		return precision.ReadScanFile(source, report)
	}
	if o.apiaudit == "" {
		return nil, fmt.Errorf("no report %s and no -apiaudit binary to scan %s with", report, dir)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: no checkout at %s (check it out, or pass -download)", source, dir)
	}
	bin, err := filepath.Abs(o.apiaudit)
	if err != nil {
		return nil, err
	}
	tmp, err := filepath.Abs(report + ".tmp")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "precision: scanning %s (%s)\n", source, dir)
	cmd := exec.Command(bin, "scan", "-q", "--no-config", "--fail-on", "none", "-j", strconv.Itoa(o.jobs),
		"--format", "json", "--output", tmp, ".")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		// Exit status 2 with a report means some input could not be
		// scanned: the report counts the problems, and the rest stands.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 {
			return nil, fmt.Errorf("scan %s: %w", source, err)
		}
		if _, serr := os.Stat(tmp); serr != nil {
			return nil, fmt.Errorf("scan %s: %w, and no report", source, err)
		}
	}
	if err := os.Rename(tmp, report); err != nil {
		return nil, err
	}
	return precision.ReadScanFile(source, report)
}

// choose returns the projects of the named set. "all" is tuning and
// acceptance: the fresh set is measured only when named, so that a run over
// "all" neither needs its checkouts nor shows its findings to someone tuning.
func choose(projects []precision.Project, set string) ([]precision.Project, error) {
	var chosen []precision.Project
	switch {
	case set == "none":
	case set == "all" || slices.Contains(precision.Sets, set):
		for _, p := range projects {
			if p.Set == set || set == "all" && p.Set != "fresh" {
				chosen = append(chosen, p)
			}
		}
	default:
		return nil, fmt.Errorf("-set %q: want %s, all or none", set, strings.Join(precision.Sets, ", "))
	}
	return chosen, nil
}

// checkoutDir returns where project name is checked out: the first of the
// directories listed in src (separated by os.PathListSeparator) that holds a
// folder of that name, or, when none does, that folder in the first
// directory (where -download clones it, and which a missing checkout's
// error names).
func checkoutDir(src, name string) string {
	dirs := filepath.SplitList(src)
	for _, d := range dirs {
		dir := filepath.Join(d, name)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	if len(dirs) == 0 {
		return name
	}
	return filepath.Join(dirs[0], name)
}

// checkCommit fails when a git checkout of p is at another commit. A tree
// without .git (extracted with git archive) cannot be checked, and is taken
// as it is, with a note.
func checkCommit(p precision.Project, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		if _, err := os.Stat(dir); err == nil {
			fmt.Fprintf(os.Stderr, "precision: %s: no .git, taking the tree as commit %.12s\n", p.Name, p.Commit)
		}
		return nil
	}
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return fmt.Errorf("%s: git rev-parse: %w", p.Name, err)
	}
	if got := strings.TrimSpace(string(out)); got != p.Commit {
		return fmt.Errorf("%s: checkout %s is at %s, the projects file pins %s", p.Name, dir, got, p.Commit)
	}
	return nil
}

// download clones p into dir at its commit when dir does not exist, and runs
// go mod download in each module of the tree (apiaudit loads Go offline).
func download(p precision.Project, dir string) error {
	if _, err := os.Stat(dir); err != nil {
		for _, args := range [][]string{
			{"clone", "--quiet", "--no-checkout", p.Repository, dir},
			{"-C", dir, "checkout", "--quiet", "--detach", p.Commit},
		} {
			cmd := exec.Command("git", args...)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: git %s: %w", p.Name, strings.Join(args, " "), err)
			}
		}
	}
	var mods []string
	err := filepath.WalkDir(filepath.Join(dir, filepath.FromSlash(p.Subdir)), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && slices.Contains([]string{".git", "vendor", "testdata", "node_modules"}, d.Name()) {
			return filepath.SkipDir
		}
		if d.Name() == "go.mod" {
			mods = append(mods, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range mods {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = m
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: go mod download in %s: %w", p.Name, m, err)
		}
	}
	return nil
}
