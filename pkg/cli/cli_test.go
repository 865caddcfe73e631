package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// run executes the command line the way main does, with a terminal or not,
// and an environment of its own.
func run(t *testing.T, tty bool, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	app := &App{Build: BuildInfo{Version: "v1.2.3", Commit: "abc123"}, Out: &out, Err: &errb,
		IsTTY: func(io.Writer) bool { return tty }, Getenv: func(k string) string { return env[k] }}
	cmd := NewCmdRoot(app)
	cmd.SetArgs(args)
	code = exitCode(cmd.Execute(), &errb, cmd, args)
	return code, out.String(), errb.String()
}

func TestScanFlags(t *testing.T) {
	var got *ScanOptions
	app := &App{Out: io.Discard, Err: io.Discard}
	cmd := NewCmdRoot(app)
	cmd.RemoveCommand(cmd.Commands()...)
	cmd.AddCommand(NewCmdScan(app, func(o *ScanOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"scan", "--format", "sarif", "--output", "results.sarif", "--exclude", "a/**", "--exclude", "*.gen.yaml", "--fail-on", "warning", "--allow-remote-refs", "."})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := ScanOptions{Paths: []string{"."}, Format: "sarif", Output: "results.sarif", FailOn: "warning",
		Exclude: []string{"a/**", "*.gen.yaml"}, AllowRemoteRefs: true}
	if got == nil || got.Format != want.Format || got.Output != want.Output || got.FailOn != want.FailOn ||
		!slices.Equal(got.Paths, want.Paths) || !slices.Equal(got.Exclude, want.Exclude) || !got.AllowRemoteRefs {
		t.Fatalf("options = %+v, want %+v", got, want)
	}
}

func TestExitCodes(t *testing.T) {
	t.Chdir("testdata")
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"warning below the default threshold", []string{"scan", "invalid.yaml"}, ExitOK, ""},
		{"warning at --fail-on warning", []string{"scan", "--fail-on", "warning", "invalid.yaml"}, ExitFindings, ""},
		{"--fail-on none", []string{"scan", "--fail-on", "none", "invalid.yaml"}, ExitOK, ""},
		{"a file that cannot be scanned", []string{"scan", "--format", "json", "broken.yaml", "invalid.yaml"}, ExitError, "broken.yaml:5"},
		{"unknown format", []string{"scan", "--format", "xml", "."}, ExitError, "--format"},
		{"bad --fail-on", []string{"scan", "--fail-on", "critical", "."}, ExitError, "--fail-on"},
		{"unknown flag", []string{"scan", "--nope"}, ExitError, "unknown flag"},
		{"missing path", []string{"scan", "nowhere"}, ExitError, "nowhere"},
		{"unknown rule", []string{"explain", "OAS999"}, ExitError, "OAS999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, false, nil, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.err) {
				t.Errorf("exit %d, stderr %q; want exit %d, stderr containing %q", code, stderr, tc.code, tc.err)
			}
			if code == ExitError && strings.Count(strings.TrimSpace(stderr), "\n") > 2 {
				t.Errorf("error output is not short:\n%s", stderr)
			}
		})
	}
}

func TestColour(t *testing.T) {
	t.Chdir("testdata")
	const esc = "\x1b["
	if _, out, _ := run(t, true, nil, "scan", "invalid.yaml"); !strings.Contains(out, esc) {
		t.Errorf("no colour on a terminal:\n%s", out)
	}
	for name, tc := range map[string]struct {
		tty  bool
		env  map[string]string
		args []string
	}{
		"not a terminal": {false, nil, nil},
		"NO_COLOR":       {true, map[string]string{"NO_COLOR": "1"}, nil},
		"--no-color":     {true, nil, []string{"--no-color"}},
	} {
		_, out, _ := run(t, tc.tty, tc.env, append([]string{"scan", "invalid.yaml"}, tc.args...)...)
		if strings.Contains(out, esc) || !strings.Contains(out, "invalid.yaml:8:") {
			t.Errorf("%s: want plain output naming the finding, got:\n%s", name, out)
		}
	}
}

func TestOutputFile(t *testing.T) {
	onlyRules(t, "OAS500")
	dir := t.TempDir()
	t.Chdir("testdata")
	out := filepath.Join(dir, "results.sarif")
	code, stdout, _ := run(t, false, nil, "scan", "--format", "sarif", "--output", out, "invalid.yaml")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Version != "2.1.0" || len(doc.Runs[0].Results) != 1 || doc.Runs[0].Results[0].RuleID != "OAS500" {
		t.Fatalf("SARIF file: err %v, %+v", err, doc)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestRulesAndExplain(t *testing.T) {
	code, out, _ := run(t, false, nil, "rules")
	if code != 0 || !strings.Contains(out, "OAS500") || !strings.Contains(out, "invalid-openapi") || !strings.HasPrefix(out, "ID") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, false, nil, "rules", "--format", "json")
	var list []ruleJSON
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != len(Registry()) {
		t.Fatalf("rules --format json: exit %d, err %v, %d rules", code, err, len(list))
	}
	for _, r := range list {
		if r.ID == "" || r.Name == "" || r.Severity == "" || r.Title == "" || len(r.CWE) == 0 {
			t.Errorf("incomplete rule entry %+v", r)
		}
	}
	for _, key := range []string{"OAS500", "oas500", "invalid-openapi"} {
		code, out, _ = run(t, false, nil, "explain", key)
		for _, part := range []string{"OAS500 invalid-openapi", "Why it matters", "How to fix", "Bad", "Good", "required: true"} {
			if code != 0 || !strings.Contains(out, part) {
				t.Errorf("explain %s: exit %d, output lacks %q", key, code, part)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	_, out, _ := run(t, false, nil, "version")
	for _, part := range []string{"apiaudit v1.2.3", "abc123", runtime.Version()} {
		if !strings.Contains(out, part) {
			t.Errorf("version output lacks %q:\n%s", part, out)
		}
	}
	if b := (BuildInfo{}).resolved(); b.Version == "" {
		t.Error("a build without ldflags has no version")
	}
}

// lockedBuffer is a bytes.Buffer the progress ticker can write to while
// the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestProgressLine: the line is drawn by a ticker, so it appears before the
// first document finishes, and it names the input being read.
func TestProgressLine(t *testing.T) {
	var errb lockedBuffer
	app := &App{Err: &errb, IsTTY: func(io.Writer) bool { return true }}
	p := newProgress(app, false) // the default delay: nothing shown yet
	p.start("api/big.yaml")
	p.update(1, 3)
	p.stop()
	if errb.String() != "" {
		t.Fatalf("progress shown at once: %q", errb.String())
	}

	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0
	p = newProgress(app, false)
	p.start("api/big \x1b[31m.yaml") // no document has finished
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(errb.String(), "apiaudit: scanning: api/big \\u{1b}[31m.yaml") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(errb.String(), "apiaudit: scanning: api/big \\u{1b}[31m.yaml") {
		t.Fatalf("no progress line naming the file before the first document finished: %q", errb.String())
	}
	if strings.Contains(errb.String(), "big \x1b") {
		t.Fatalf("the escape in the file name reached the terminal: %q", errb.String())
	}
	p.update(2, 3)
	p.start("api/users.yaml")
	p.render()
	if !strings.Contains(errb.String(), "scanning 2/3 OpenAPI documents: api/users.yaml") {
		t.Errorf("no count and file: %q", errb.String())
	}
	p.stop()
	if !strings.HasSuffix(errb.String(), "\r\x1b[K") {
		t.Errorf("the line was not erased: %q", errb.String())
	}
	for name, p := range map[string]func() *progress{
		"--quiet": func() *progress { return newProgress(app, true) },
		"not terminal": func() *progress {
			return newProgress(&App{Err: &errb, IsTTY: func(io.Writer) bool { return false }}, false)
		},
	} {
		before := errb.String()
		q := p()
		q.start("a.yaml")
		q.update(1, 1)
		q.render()
		q.stop()
		if errb.String() != before {
			t.Errorf("%s: wrote %q", name, strings.TrimPrefix(errb.String(), before))
		}
	}
}

// TestGradedSeverity: a rule whose findings context moves off the default
// severity says so in rules (text and JSON), explain and its page; a rule
// capped at note by its judged record (GO305) lists note, and says first
// that every finding is a note, then how its checks grade.
func TestGradedSeverity(t *testing.T) {
	_, out, _ := run(t, false, nil, "rules")
	if !regexp.MustCompile(`(?m)^GO102\s+\S+\s+error\*\s`).MatchString(out) || !strings.Contains(out, "* the default severity: context raises or lowers it") {
		t.Errorf("rules does not mark GO102 as graded:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^GO305\s+\S+\s+note\*\s`).MatchString(out) {
		t.Errorf("rules does not list GO305 as a graded note:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^GO205\s+\S+\s+note\*`).MatchString(out) {
		t.Errorf("rules marks GO205, which is not graded")
	}
	_, out, _ = run(t, false, nil, "rules", "--format", "json")
	var list []ruleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if r.ID == "GO102" && !strings.HasPrefix(r.SeverityByContext, "A level lower") {
			t.Errorf("GO102's JSON entry has severityByContext %q", r.SeverityByContext)
		}
		if r.ID == "GO305" && (r.Severity != "note" || !strings.HasPrefix(r.SeverityByContext, "Every finding is a note") || !strings.Contains(r.SeverityByContext, "error when")) {
			t.Errorf("GO305's JSON entry has severity %q, severityByContext %q", r.Severity, r.SeverityByContext)
		}
	}
	_, out, _ = run(t, false, nil, "explain", "GO305")
	if !regexp.MustCompile(`severity: note\s`).MatchString(out) || !regexp.MustCompile(`Severity by context\n\s+Every finding is a note[^\n]*\n\s*\n\s+An error when`).MatchString(out) {
		t.Errorf("explain GO305 does not say how it is graded:\n%s", out)
	}
	for _, r := range Registry() {
		switch r.ID {
		case "GO102":
			if !strings.Contains(r.Markdown(), "## Severity\n\nA level lower") {
				t.Errorf("GO102's page does not say how it is graded")
			}
		case "GO305":
			if md := r.Markdown(); !strings.Contains(md, "| Default severity | note (capped by its judged record") || !strings.Contains(md, "## Severity\n\nEvery finding is a note") {
				t.Errorf("GO305's page does not say it is capped at note")
			}
		}
	}
}
