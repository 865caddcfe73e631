package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/precision"
)

// fakeApiaudit writes a shell script that stands in for apiaudit: it writes
// a report with one finding to the --output file and exits with status code,
// or, with code 3, writes nothing.
func fakeApiaudit(t *testing.T, code int) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake apiaudit is a shell script")
	}
	script := `#!/bin/sh
out=
while [ $# -gt 0 ]; do [ "$1" = --output ] && out=$2; shift; done
[ ` + itoa(code) + ` = 3 ] && exit 1
printf '{"version":1,"findings":[{"ruleId":"GO202","severity":"warning","message":"m","location":{"file":"main.go","line":3},"fingerprint":"00000000000000aa"}],"problems":[]}' >"$out"
pwd >"$out.cwd"
exit ` + itoa(code) + "\n"
	p := filepath.Join(t.TempDir(), "apiaudit")
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestScanRunsOnceAndReuses(t *testing.T) {
	src := t.TempDir()
	out := t.TempDir()
	o := options{out: out, apiaudit: fakeApiaudit(t, 0), jobs: 1}
	s, err := scan(o, "proj", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Findings) != 1 || s.Findings[0].Source != "proj" {
		t.Fatalf("scan %+v", s)
	}
	cwd, _ := os.ReadFile(filepath.Join(out, "proj.json.tmp.cwd"))
	if got, _ := filepath.EvalSymlinks(strings.TrimSpace(string(cwd))); got != mustEval(t, src) {
		t.Errorf("scanned from %q, want the source directory %q", got, src)
	}
	// A report already there is read, not made again: a binary that fails
	// is never run.
	o.apiaudit = fakeApiaudit(t, 3)
	if _, err := scan(o, "proj", src); err != nil {
		t.Errorf("second scan ran apiaudit: %v", err)
	}
	o.rescan = true
	if _, err := scan(o, "proj", src); err == nil {
		t.Error("-rescan reused the report")
	}
	if _, err := os.Stat(filepath.Join(out, "proj.json")); err != nil {
		t.Errorf("the failed rescan removed the good report: %v", err)
	}
}

func mustEval(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Exit status 2 means some input could not be scanned: the report stands.
// Any other failure is an error, and leaves no report to reuse.
func TestScanExitStatus(t *testing.T) {
	src := t.TempDir()
	for code, ok := range map[int]bool{2: true, 1: false, 3: false} {
		out := t.TempDir()
		o := options{out: out, apiaudit: fakeApiaudit(t, code), jobs: 1}
		_, err := scan(o, "proj", src)
		if (err == nil) != ok {
			t.Errorf("exit %d: error %v, want ok=%v", code, err, ok)
		}
		_, statErr := os.Stat(filepath.Join(out, "proj.json"))
		if (statErr == nil) != ok {
			t.Errorf("exit %d: report kept = %v, want %v", code, statErr == nil, ok)
		}
	}
}

func TestScanNeedsACheckoutAndABinary(t *testing.T) {
	o := options{out: t.TempDir(), jobs: 1}
	if _, err := scan(o, "proj", t.TempDir()); err == nil || !strings.Contains(err.Error(), "-apiaudit") {
		t.Errorf("no binary: %v", err)
	}
	o.apiaudit = fakeApiaudit(t, 0)
	if _, err := scan(o, "proj", filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "no checkout") {
		t.Errorf("no checkout: %v", err)
	}
}

func TestCheckCommit(t *testing.T) {
	p := precision.Project{Name: "proj", Commit: strings.Repeat("a", 40)}
	// A tree without .git is taken as it is.
	if err := checkCommit(p, t.TempDir()); err != nil {
		t.Errorf("archive tree: %v", err)
	}
}

func TestChooseSet(t *testing.T) {
	ps, err := precision.ReadProjects("../../testdata/projects.tsv")
	if err != nil {
		t.Fatal(err)
	}
	names := func(set string) string {
		chosen, err := choose(ps, set)
		if err != nil {
			return "error: " + err.Error()
		}
		var n []string
		for _, p := range chosen {
			n = append(n, p.Name)
		}
		return strings.Join(n, ",")
	}
	for set, want := range map[string]string{
		"tuning":     "alpha",
		"acceptance": "beta",
		"fresh":      "gamma",
		"all":        "alpha,beta", // the fresh set only when named
		"none":       "",
		"some":       `error: -set "some": want tuning, acceptance, fresh, all or none`,
	} {
		if got := names(set); got != want {
			t.Errorf("-set %s: %q, want %q", set, got, want)
		}
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for name, o := range map[string]options{
		"no out": {projects: "../../../../docs/precision/projects.tsv", judgments: "../../../../docs/precision/judgments.tsv", n: "5", set: "none"},
		"bad n":  {out: t.TempDir(), projects: "../../../../docs/precision/projects.tsv", judgments: "../../../../docs/precision/judgments.tsv", n: "0", set: "none"},
		"set":    {out: t.TempDir(), projects: "../../../../docs/precision/projects.tsv", judgments: "../../../../docs/precision/judgments.tsv", n: "5", set: "some"},
		"no src": {out: t.TempDir(), projects: "../../../../docs/precision/projects.tsv", judgments: "../../../../docs/precision/judgments.tsv", n: "5", set: "acceptance"},
	} {
		if err := run(o); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// A project is looked for in each -src directory in order; one checked out
// nowhere is named in the first, where -download would clone it.
func TestCheckoutDirSearchesEachSource(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{filepath.Join(a, "both"), filepath.Join(b, "both"), filepath.Join(b, "second")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A file of the project's name is not a checkout.
	if err := os.WriteFile(filepath.Join(a, "second"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	src := a + string(os.PathListSeparator) + b
	for name, want := range map[string]string{
		"both":    filepath.Join(a, "both"),
		"second":  filepath.Join(b, "second"),
		"nowhere": filepath.Join(a, "nowhere"),
	} {
		if got := checkoutDir(src, name); got != want {
			t.Errorf("checkoutDir(%q) = %q, want %q", name, got, want)
		}
	}
	if got := checkoutDir(b, "second"); got != filepath.Join(b, "second") {
		t.Errorf("one directory: got %q", got)
	}
}
