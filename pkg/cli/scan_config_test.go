package cli

import (
	"encoding/json"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/config"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// specNoAuth has two operations without authentication (OAS101): a POST on
// line 5 (an error) and a GET on line 8 (a warning, as reads are graded);
// /account requires a key, so that the document is not reported as wholly
// public (which OAS101 does once, at paths). moreNoAuth appends a third
// unauthenticated operation, a POST on line 17.
const specNoAuth = `openapi: 3.0.3
info: {title: Shop, version: "1"}
paths:
  /orders:
    post:
      responses:
        "201": {description: created}
    get:
      responses:
        "200": {description: ok}
  /account:
    get:
      security: [{key: []}]
      responses:
        "200": {description: ok}
`

const moreNoAuth = `  /refunds:
    post:
      responses:
        "201": {description: created}
`

// project makes a temporary directory with .git (so that the search for a
// configuration file stops there), writes files into it and makes it the
// working directory.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	onlyRules(t, "OAS101", "OAS501")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		writeTestFile(t, filepath.Join(dir, name), content)
	}
	t.Chdir(dir)
	return dir
}

// onlyRules narrows the scan to the given rules (and the engine's own) for
// the rest of the test.
func onlyRules(t *testing.T, ids ...string) {
	t.Helper()
	saved := scanRules
	t.Cleanup(func() { scanRules = saved })
	scanRules = func() []*lint.Rule {
		var out []*lint.Rule
		for _, r := range Registry() {
			if slices.Contains(ids, r.ID) {
				out = append(out, r)
			}
		}
		return out
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scanJSON is the part of the JSON report the tests read.
type scanJSON struct {
	Findings []struct {
		RuleID   string `json:"ruleId"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Location struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"location"`
	} `json:"findings"`
	Suppressed []struct {
		RuleID      string `json:"ruleId"`
		Suppression struct {
			Kind   string `json:"kind"`
			Reason string `json:"reason"`
		} `json:"suppression"`
	} `json:"suppressed"`
	Summary struct {
		Error     int `json:"error"`
		Baselined int `json:"baselined"`
	} `json:"summary"`
}

func decodeScan(t *testing.T, out string) scanJSON {
	t.Helper()
	var s scanJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return s
}

func (s scanJSON) lines() []string {
	var out []string
	for _, f := range s.Findings {
		out = append(out, f.Location.File+":"+itoa(f.Location.Line)+" "+f.RuleID+" "+f.Severity)
	}
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestConfigFile(t *testing.T) {
	dir := project(t, map[string]string{
		"api/shop.yaml":    specNoAuth,
		"legacy/old.yaml":  specNoAuth,
		".apiaudit.yaml":   "fail-on: warning\nformat: json\nrules:\n  severity: {OAS101: warning}\noverrides:\n  - paths: ['legacy/**']\n    disable: [operation-without-auth]\n",
		"other/strict.yml": "rules:\n  severity: {OAS1*: note}\n",
	})
	t.Chdir(filepath.Join(dir, "api")) // found by walking up

	code, out, stderr := run(t, false, nil, "scan", "..")
	s := decodeScan(t, out) // format: json from the file
	// Scanning .. makes files relative to it: the override's legacy/**
	// matches legacy/old.yaml, as --exclude would.
	if want := []string{"api/shop.yaml:5 OAS101 warning", "api/shop.yaml:8 OAS101 warning"}; !slices.Equal(s.lines(), want) {
		t.Errorf("findings = %q, want %q (severity from the file, legacy/ disabled by an override)", s.lines(), want)
	}
	if code != ExitFindings {
		t.Errorf("exit %d, want 1 from fail-on: warning; stderr %q", code, stderr)
	}

	// Flags override the file.
	code, out, _ = run(t, false, nil, "scan", "--fail-on", "error", "--format", "text", "shop.yaml")
	if code != ExitOK || !strings.Contains(out, "shop.yaml:5:5: warning OAS101") {
		t.Errorf("--fail-on error --format text: exit %d\n%s", code, out)
	}

	// --config FILE replaces the search; --no-config reads nothing.
	code, out, _ = run(t, false, nil, "scan", "--config", "../other/strict.yml", "--format", "json", "shop.yaml")
	if s := decodeScan(t, out); code != ExitOK || len(s.Findings) != 2 || s.Findings[0].Severity != "note" {
		t.Errorf("--config: exit %d, %q", code, s.lines())
	}
	code, out, _ = run(t, false, nil, "scan", "--no-config", "--format", "json", "shop.yaml")
	if s := decodeScan(t, out); code != ExitFindings || !slices.Equal(s.lines(), []string{"shop.yaml:5 OAS101 error", "shop.yaml:8 OAS101 note"}) {
		t.Errorf("--no-config: exit %d, %q", code, s.lines())
	}
	code, _, stderr = run(t, false, nil, "scan", "--no-config", "--config", "x.yaml")
	if code != ExitError || !strings.Contains(stderr, "--config and --no-config") {
		t.Errorf("--config with --no-config: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, false, nil, "scan", "--config", "missing.yaml")
	if code != ExitError || !strings.Contains(stderr, "missing.yaml: no such file") {
		t.Errorf("--config missing.yaml: exit %d, %q", code, stderr)
	}
}

func TestConfigErrorsExitTwo(t *testing.T) {
	project(t, map[string]string{
		"shop.yaml":      specNoAuth,
		".apiaudit.yaml": "# settings\nfail-on: error\nrules:\n  disable: [OAS101]\n  fial-on: warning\n",
	})
	code, out, stderr := run(t, false, nil, "scan")
	if code != ExitError || out != "" || stderr != "apiaudit: .apiaudit.yaml:5: unknown key \"fial-on\" in rules\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	writeTestFile(t, ".apiaudit.yaml", "options:\n  operation-without-auth: {x: 1}\n")
	code, _, stderr = run(t, false, nil, "scan")
	if code != ExitError || !strings.Contains(stderr, ".apiaudit.yaml:2: options: rule OAS101 (operation-without-auth) has no options") {
		t.Errorf("options for a rule without options: exit %d, %q", code, stderr)
	}
}

func TestConfigInit(t *testing.T) {
	project(t, nil)
	code, _, stderr := run(t, false, nil, "config", "init")
	if code != ExitOK || !strings.Contains(stderr, "wrote .apiaudit.yaml") {
		t.Fatalf("config init: exit %d, %q", code, stderr)
	}
	data, err := os.ReadFile(".apiaudit.yaml")
	if err != nil || string(data) != config.Starter(Registry()) {
		t.Fatalf("written file differs from config.Starter: %v", err)
	}
	c, err := config.Load(".apiaudit.yaml", "", Registry())
	onByDefault := 0
	for _, r := range Registry() {
		if !r.Doc.Optional {
			onByDefault++
		}
	}
	if err != nil || c.FailOn != "error" || c.Format != "text" || len(c.Select(Registry())) != onByDefault {
		t.Errorf("the starter file does not load as the defaults: %+v, %v", c, err)
	}
	code, _, stderr = run(t, false, nil, "config", "init")
	if code != ExitError || !strings.Contains(stderr, ".apiaudit.yaml exists: use --force") {
		t.Errorf("second config init: exit %d, %q", code, stderr)
	}
	if code, _, _ = run(t, false, nil, "config", "init", "--force"); code != ExitOK {
		t.Errorf("config init --force: exit %d", code)
	}
	if code, out, _ := run(t, false, nil, "config", "init", "-"); code != ExitOK || out != string(data) {
		t.Errorf("config init -: exit %d", code)
	}
	// The scan reads the starter file without complaint.
	writeTestFile(t, "shop.yaml", specNoAuth)
	if code, _, stderr := run(t, false, nil, "scan"); code != ExitFindings || stderr != "" {
		t.Errorf("scan with the starter file: exit %d, %q", code, stderr)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})

	code, out, stderr := run(t, false, nil, "scan", "--write-baseline", "base.json")
	if code != ExitOK || !strings.Contains(stderr, "wrote 2 findings to the baseline base.json") || !strings.Contains(out, "no findings, 2 findings hidden by the baseline") {
		t.Fatalf("--write-baseline: exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	var file struct {
		Version  int `json:"version"`
		Findings []struct {
			Fingerprint, RuleID, File, Message string
		} `json:"findings"`
	}
	data, _ := os.ReadFile("base.json")
	if err := json.Unmarshal(data, &file); err != nil || file.Version != 1 || len(file.Findings) != 2 || file.Findings[0].RuleID != "OAS101" || file.Findings[0].File != "shop.yaml" || len(file.Findings[0].Fingerprint) != 16 {
		t.Fatalf("baseline file: %v\n%s", err, data)
	}

	// Nothing new: exit 0, and every format says how many were hidden.
	code, out, _ = run(t, false, nil, "scan", "--baseline", "base.json")
	if code != ExitOK || !strings.HasSuffix(out, "no findings, 2 findings hidden by the baseline; scanned 1 OpenAPI document, 0 Go modules, 1 file\n") {
		t.Errorf("--baseline text: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json")
	if s := decodeScan(t, out); code != ExitOK || len(s.Findings) != 0 || s.Summary.Baselined != 2 || len(s.Suppressed) != 0 {
		t.Errorf("--baseline json: exit %d, %+v", code, s)
	}
	_, out, _ = run(t, false, nil, "scan", "--baseline", "base.json", "--format", "sarif")
	if sr := decodeSARIF(t, out); len(sr.Runs[0].Results) != 0 || sr.Runs[0].Properties["apiaudit/baselined"] != float64(2) {
		t.Errorf("--baseline sarif: %+v", sr.Runs[0])
	}

	// A new problem: exactly one new finding.
	writeTestFile(t, "shop.yaml", specNoAuth+moreNoAuth)
	code, out, _ = run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json")
	if s := decodeScan(t, out); code != ExitFindings || !slices.Equal(s.lines(), []string{"shop.yaml:17 OAS101 error"}) || s.Summary.Baselined != 2 {
		t.Errorf("after adding an operation: exit %d, %q, baselined %d", code, s.lines(), s.Summary.Baselined)
	}

	// Inserting lines above the old findings moves them, and they stay hidden.
	writeTestFile(t, "shop.yaml", strings.Replace(specNoAuth, "paths:\n", "tags: [{name: a}]\nservers: [{url: 'https://x.example'}]\npaths:\n", 1))
	if code, out, _ = run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json"); code != ExitOK {
		t.Errorf("after moving the old findings: exit %d\n%s", code, out)
	}
}

func TestBaselineExpiryAndErrors(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})
	if code, _, _ := run(t, false, nil, "scan", "--write-baseline", "base.json"); code != ExitOK {
		t.Fatal("--write-baseline failed")
	}
	data, _ := os.ReadFile("base.json")
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	// Entries are sorted by message: the GET (a warning), then the POST (an
	// error). The POST's entry expired; the GET's has not.
	entries := file["findings"].([]any)
	get, post := entries[0].(map[string]any), entries[1].(map[string]any)
	if !strings.HasPrefix(post["message"].(string), "post ") {
		t.Fatalf("unexpected order: %v", entries)
	}
	post["expires"] = "2000-01-31"
	post["reason"] = "accepted for the launch"
	get["expires"] = "2999-12-31"
	data, _ = json.Marshal(file)
	writeTestFile(t, "base.json", string(data))

	code, out, stderr := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json")
	s := decodeScan(t, out)
	if code != ExitFindings || len(s.Findings) != 1 || s.Summary.Baselined != 1 {
		t.Errorf("expired entry: exit %d, %q, baselined %d", code, s.lines(), s.Summary.Baselined)
	}
	if !strings.Contains(stderr, "apiaudit: notice: base.json: baseline entry") || !strings.Contains(stderr, "expired on 2000-01-31") {
		t.Errorf("no notice of the expired entry on stderr: %q", stderr)
	}

	// Rewriting the baseline keeps reasons and expiry dates.
	if code, _, _ := run(t, false, nil, "scan", "--baseline", "base.json", "--write-baseline", "base.json"); code != ExitFindings {
		t.Errorf("rewriting with an expired entry: exit %d, want 1 (the expired entry still does not hide)", code)
	}
	data, _ = os.ReadFile("base.json")
	if !strings.Contains(string(data), `"reason": "accepted for the launch"`) || !strings.Contains(string(data), `"expires": "2999-12-31"`) {
		t.Errorf("the rewritten baseline lost reasons or dates:\n%s", data)
	}

	for name, content := range map[string]string{"bad.json": "{\"version\": 1,\n \"findings\": [,]}", "old.json": `{"version": 9, "findings": []}`} {
		writeTestFile(t, name, content)
		code, out, stderr := run(t, false, nil, "scan", "--baseline", name)
		if code != ExitError || out != "" || !strings.HasPrefix(stderr, "apiaudit: baseline "+name+": ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
	code, _, stderr = run(t, false, nil, "scan", "--baseline", "none.json")
	if code != ExitError || !strings.Contains(stderr, "baseline none.json: no such file") {
		t.Errorf("missing baseline: exit %d, %q", code, stderr)
	}
}

// sarifRun is the part of a SARIF log that the tests read.
type sarifRun struct {
	Runs []struct {
		Properties map[string]any `json:"properties"`
		Results    []struct {
			RuleID       string `json:"ruleId"`
			Suppressions []struct {
				Kind          string `json:"kind"`
				Status        string `json:"status"`
				Justification string `json:"justification"`
				GUID          string `json:"guid"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, out string) sarifRun {
	t.Helper()
	var s sarifRun
	if err := json.Unmarshal([]byte(out), &s); err != nil || len(s.Runs) != 1 {
		t.Fatalf("%v:\n%s", err, out)
	}
	return s
}

func TestIncludeSuppressed(t *testing.T) {
	ignored := strings.Replace(specNoAuth, "    get:\n", "    get:\n      x-apiaudit-ignore: [{rule: OAS101, reason: public catalogue}]\n", 1)
	project(t, map[string]string{"shop.yaml": ignored})
	// Baseline the POST; the GET is ignored in the document.
	if code, _, _ := run(t, false, nil, "scan", "--write-baseline", "base.json"); code != ExitOK {
		t.Fatal("--write-baseline failed")
	}

	_, out, _ := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "sarif")
	if s := decodeSARIF(t, out); len(s.Runs[0].Results) != 0 {
		t.Errorf("suppressed findings are in SARIF by default: %+v", s.Runs[0].Results)
	}
	code, out, _ := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "sarif", "--include-suppressed")
	s := decodeSARIF(t, out)
	var kinds []string
	for _, r := range s.Runs[0].Results {
		if len(r.Suppressions) != 1 || r.Suppressions[0].Status != "accepted" || len(r.Suppressions[0].GUID) != 36 {
			t.Errorf("result %+v", r)
			continue
		}
		kinds = append(kinds, r.Suppressions[0].Kind+": "+r.Suppressions[0].Justification)
	}
	slices.Sort(kinds)
	if want := []string{"external: recorded in the baseline base.json", "inSource: public catalogue"}; code != ExitOK || !slices.Equal(kinds, want) {
		t.Errorf("--include-suppressed: exit %d, suppressions %q, want %q", code, kinds, want)
	}

	_, out, _ = run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json", "--include-suppressed")
	if js := decodeScan(t, out); len(js.Suppressed) != 2 || len(js.Findings) != 0 || js.Summary.Baselined != 1 {
		t.Errorf("--include-suppressed json: %+v", js)
	}
}

func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	onlyRules(t, "OAS101")
	dir := t.TempDir()
	t.Chdir(dir)
	gitCmd := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	writeTestFile(t, "shop.yaml", specNoAuth)
	writeTestFile(t, "old.yaml", specNoAuth)
	gitCmd("init", "-q")
	gitCmd("add", "-A")
	gitCmd("commit", "-q", "-m", "first")

	// Change the line of the GET operation (line 8): only its finding is new.
	writeTestFile(t, "shop.yaml", strings.Replace(specNoAuth, "    get:\n", "    get: # list orders\n", 1))
	// An untracked copy of old.yaml as the revision has it is new, since
	// old.yaml is still there. old.yaml's title changes (line 2, no
	// finding), so that the copy is not byte-identical to a document of the
	// scan, which would be reported once.
	writeTestFile(t, "old.yaml", strings.Replace(specNoAuth, "title: Shop", "title: Old shop", 1))
	writeTestFile(t, "untracked.yaml", specNoAuth)

	code, out, stderr := run(t, false, nil, "scan", "--new-from-rev", "HEAD", "--format", "json")
	want := []string{"shop.yaml:8 OAS101 note", "untracked.yaml:5 OAS101 error", "untracked.yaml:8 OAS101 note"}
	if s := decodeScan(t, out); code != ExitFindings || !slices.Equal(s.lines(), want) {
		t.Errorf("--new-from-rev HEAD: exit %d, %q, want %q; stderr %q", code, s.lines(), want, stderr)
	}
	code, _, stderr = run(t, false, nil, "scan", "--new-from-rev", "nope")
	if code != ExitError || !strings.Contains(stderr, `unknown revision "nope"`) {
		t.Errorf("unknown revision: exit %d, %q", code, stderr)
	}
	t.Chdir(t.TempDir())
	code, _, stderr = run(t, false, nil, "scan", "--new-from-rev", "HEAD")
	if code != ExitError || !strings.Contains(stderr, "not in a git repository") {
		t.Errorf("outside a repository: exit %d, %q", code, stderr)
	}
}

func TestSeveralOutputs(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})
	code, out, stderr := run(t, false, nil, "scan", "--format", "text", "--output-sarif", "out/results.sarif", "--output-json", "results.json")
	if code != ExitError || !strings.Contains(stderr, "out/results.sarif") {
		t.Errorf("a report into a missing directory: exit %d, %q", code, stderr)
	}
	code, out, stderr = run(t, false, nil, "scan", "--format", "text", "--output-sarif", "results.sarif", "--output-json", "results.json")
	if code != ExitFindings || !strings.Contains(out, "shop.yaml:5:5: error OAS101") || stderr != "" {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if s := decodeSARIF(t, readFile(t, "results.sarif")); len(s.Runs[0].Results) != 2 {
		t.Errorf("SARIF output: %+v", s)
	}
	if s := decodeScan(t, readFile(t, "results.json")); len(s.Findings) != 2 || s.Summary.Error != 1 {
		t.Errorf("JSON output: %+v", s)
	}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".results") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}

	// The main report can go to a file too, and each file is written once.
	code, out, _ = run(t, false, nil, "scan", "--format", "json", "--output", "main.json", "--output-text", "report.txt")
	if code != ExitFindings || out != "" || !strings.Contains(readFile(t, "report.txt"), "1 error, 1 note in 1 file") || decodeScan(t, readFile(t, "main.json")).Summary.Error != 1 {
		t.Errorf("--output with --output-text: exit %d, stdout %q", code, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--output", "r.json", "--output-json", "r.json"}, "--output and --output-json both name r.json"},
		{[]string{"--output-json", "-"}, "--output-json: name a file"},
		{[]string{"--output-sarif", "b.json", "--write-baseline", "b.json"}, "--write-baseline and --output-sarif both name b.json"},
		{[]string{"--output", "./b.json", "--baseline", "b.json"}, "--baseline and --output both name ./b.json"},
	} {
		code, _, stderr := run(t, false, nil, append([]string{"scan"}, tc.args...)...)
		if code != ExitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, %q", tc.args, code, stderr)
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestScanNewFlags(t *testing.T) {
	var got *ScanOptions
	app := &App{Out: io.Discard, Err: io.Discard}
	cmd := NewCmdRoot(app)
	cmd.RemoveCommand(cmd.Commands()...)
	cmd.AddCommand(NewCmdScan(app, func(o *ScanOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"scan", "--config", "c.yaml", "--baseline", "b.json", "--write-baseline", "w.json",
		"--new-from-rev", "origin/main", "--include-suppressed", "--output-sarif", "r.sarif", "--output-json", "r.json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Config != "c.yaml" || got.Baseline != "b.json" || got.WriteBaseline != "w.json" ||
		got.NewFromRev != "origin/main" || !got.IncludeSuppressed || got.FailOn != "" || got.Format != "" ||
		!maps.Equal(got.Outputs, map[string]string{"sarif": "r.sarif", "json": "r.json"}) {
		t.Fatalf("options = %+v", got)
	}
}

// TestDocumentedConfigs parses the configuration examples of README.md
// and docs/config.md with the real registry.
func TestDocumentedConfigs(t *testing.T) {
	for _, id := range []string{"OAS206", "OAS507"} {
		if !slices.ContainsFunc(Registry(), func(r *lint.Rule) bool { return r.ID == id }) {
			t.Skipf("the examples name %s, which is not in the registry yet (go generate ./rules)", id)
		}
	}
	for _, doc := range []struct{ file, after string }{{"README.md", "## Configuration"}, {"docs/config.md", "# Configuration file"}} {
		data, err := os.ReadFile(filepath.Join("..", "..", doc.file))
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(data), doc.after)
		_, rest, ok := strings.Cut(rest, "```yaml\n")
		block, _, _ := strings.Cut(rest, "```")
		if !ok || block == "" {
			t.Fatalf("%s: no yaml example after %q", doc.file, doc.after)
		}
		if _, err := config.Parse([]byte(block), doc.file, Registry()); err != nil {
			t.Errorf("%s: the example does not parse: %v", doc.file, err)
		}
	}
}

// TestRegistryOptions checks that every registered rule's options can be
// configured: a pointer to a struct of supported field types.
func TestRegistryOptions(t *testing.T) {
	for _, r := range Registry() {
		if err := config.CheckOptions(r.Options); err != nil {
			t.Errorf("rule %s: %v", r.ID, err)
		}
	}
}

// TestConfigGoNames checks that the function names Go rule options take
// are checked when the file is read: a bad one is a usage error naming the
// file, line and key, not a rule that fails later.
func TestConfigGoNames(t *testing.T) {
	for name, opts := range map[string]string{
		"auth-middleware": "  unauthenticated-route:\n    auth-middleware: [\"example.com/authz.Require\", \"Require()\"]\n",
		"sinks":           "  system-prompt-injection:\n    sinks: [\"not a name\"]\n",
		"public-paths":    "  GO101:\n    public-paths: [\"/a/[\"]\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile(".apiaudit.yaml", []byte("options:\n"+opts), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := run(t, false, nil, "scan", ".")
			if code != 2 || !strings.Contains(stderr, ".apiaudit.yaml:3:") || !strings.Contains(stderr, name+":") {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
	dir := t.TempDir()
	t.Chdir(dir)
	good := "options:\n  unauthenticated-route:\n    auth-middleware: [\"example.com/authz.Require\", \"(*example.com/session.Store).Middleware\"]\n"
	if err := os.WriteFile(".apiaudit.yaml", []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	// Something to scan: an empty directory is an error of its own.
	if err := os.WriteFile("openapi.yaml", []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, false, nil, "scan", "."); code != 0 {
		t.Errorf("good names: exit %d, stderr %q", code, stderr)
	}
}
