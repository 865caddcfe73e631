package listen_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/rules/go101"
	"github.com/apiaudit/apiaudit/rules/go102"
	"github.com/apiaudit/apiaudit/rules/go201"
	"github.com/apiaudit/apiaudit/rules/go202"
)

// TestListeners scans a module whose servers listen on a Unix socket
// chosen by a flag's default in another package (sock), on a
// world-writable socket (world), on TCP at a flag's default of every
// interface (open), on a configuration default on loopback (loop), in a
// package other modules import, whose callers choose (pub), pprof on a
// configured loopback address (debug), and an MCP transport started
// through an interface on a loopback flag default (mcpiface). Only sock,
// loop, debug and mcpiface are local; GO101 keeps a fixed loopback port at
// error, except for a debugging endpoint (a note) and a DELETE that needs
// a CORS preflight the package does not answer (loopui, a warning).
func TestListeners(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "listeners"))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res, err := engine.Run(context.Background(), engine.Options{Rules: []*lint.Rule{go101.Rule, go102.Rule, go201.Rule, go202.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	got := map[string]string{}
	for _, f := range res.Findings {
		pkg := strings.Split(f.Location.File, "/")
		key := f.RuleID + " " + pkg[len(pkg)-2]
		got[key] = fmt.Sprintf("%s: %s", f.Severity, f.Message)
	}
	want := map[string]string{
		"GO101 sock":    `note: .* \(a note, not an error: its package serves on a Unix socket only \(net.Listen at sock.go:\d+\)`,
		"GO201 sock":    `note: .* \(a note, not a warning: its package serves on a Unix socket only`,
		"GO202 sock":    `note: .* \(a note, not a warning: its package serves on a Unix socket only`,
		"GO101 loop":    `^error: POST /v1/run reaches file write .* with no authentication$`,
		"GO201 loop":    `note: .* \(a note, not a warning: its package serves on 127.0.0.1:7070 only \(Server.ListenAndServe at loop.go:\d+\), reachable from this machine only\)`,
		"GO202 loop":    `note: .*127.0.0.1:7070`,
		"GO101 loopui":  `^warning: DELETE /v1/sessions/\{id\} reaches file removal .* \(a warning, not an error: its package serves on 127.0.0.1:7070 only \(Server.ListenAndServe at loopui.go:\d+\), reachable from this machine only; a web page cannot send a DELETE there without a CORS preflight, which its package does not answer\)$`,
		"GO101 debug":   `^note: ANY /debug/pprof/ serves net/http/pprof's .* \(a note, not an error: its package serves on 127.0.0.1:7070 only \(Server.ListenAndServe at debug.go:\d+\), reachable from this machine only; a web page cannot read what a debugging endpoint answers\)`,
		"GO102 mcpsock": `^note: MCP server over streamable HTTP .* \(a note, not an error: .*its package serves on a Unix socket only \(net.Listen at mcpsock.go:\d+\)`,
		"GO102 mcpopen": `^error: MCP server over streamable HTTP .*instead of its Start method$`,
		"GO202 envhost": `^note: .*\(a note, not a warning: its package serves on 127.0.0.1:… only \(http.ListenAndServe at envhost.go:\d+\)`,
		"GO202 taghost": `^note: .*\(a note, not a warning: its package serves on localhost:8080 only \(http.ListenAndServe at taghost.go:\d+\)`,
		"GO202 tagopen": `^warning: (?:[^(]|\(and)*$`,
		"GO101 open":    `^error: POST /v1/run reaches file write \(os.WriteFile\) with no authentication$`,
		"GO201 open":    `^warning: (?:[^(]|\(and)*$`,
		"GO202 open":    `^warning: (?:[^(]|\(and)*$`,
		"GO101 world":   `^error: POST /v1/run reaches file write \(os.WriteFile\) with no authentication$`,
		"GO201 world":   `^warning: (?:[^(]|\(and)*$`,
		"GO202 world":   `^warning: (?:[^(]|\(and)*$`,
		"GO101 pub":     `^error: POST /v1/run reaches file write \(os.WriteFile\) with no authentication$`,
		"GO201 pub":     `^warning: (?:[^(]|\(and)*$`,
		"GO202 pub":     `^warning: (?:[^(]|\(and)*$`,
		// built by no program of the module: notes that say so
		"GO101 webui": `^note: POST /v1/run reaches file write .* \(a note, not an error: no program of the module builds this server: internal/webui.NewServer is called by no main package outside tests, and code outside the module cannot call it \(a later main may\)\)$`,
		"GO201 webui": `^note: .* \(a note, not a warning: no program of the module builds this server: internal/webui.Server.handleRun is called by no main package`,
		"GO202 webui": `^note: .* \(a note, not a warning: no program of the module builds this server: internal/webui.NewServer`,
		// reached through internal/wire, or importable by other modules
		"GO101 chained": `^error: POST /v1/run reaches file write \(handleRun → os.WriteFile\) with no authentication$`,
		"GO201 chained": `^warning: (?:[^(]|\(and)*$`,
		"GO202 chained": `^warning: (?:[^(]|\(and)*$`,
		"GO101 lib":     `^error: POST /v1/run reaches file write \(os.WriteFile\) with no authentication$`,
		"GO201 lib":     `^warning: (?:[^(]|\(and)*$`,
		"GO202 lib":     `^warning: (?:[^(]|\(and)*$`,
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range want {
			if !yield(k) {
				return
			}
		}
	}) {
		if !regexpMatch(want[k], got[k]) {
			t.Errorf("%s: got %q, want match for %q", k, got[k], want[k])
		}
	}
	// Started through an interface that holds the transport, on a
	// loopback flag default: a level lower.
	if w := `^warning: MCP server over streamable HTTP .* \(a warning, not an error: its package serves on 127.0.0.1:… only \(transport.Start at mcpiface.go:\d+\), reachable from this machine only\)$`; !regexpMatch(w, got["GO102 mcpiface"]) {
		t.Errorf("GO102 mcpiface: got %q, want match for %q", got["GO102 mcpiface"], w)
	}
	if t.Failed() {
		for k, v := range got {
			t.Logf("%s %s", k, v)
		}
	}
}

// TestPerListener checks that a server is judged by its own listener when
// its package listens on others too: the API's http.Server, served on a
// listener opened on a loopback flag default and handed down through a
// function's parameter, is a note; the status page's http.Serve on
// every interface in the same package stays a warning.
func TestPerListener(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "listeners"))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res, err := engine.Run(context.Background(), engine.Options{Rules: []*lint.Rule{go202.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		23: `^note: http.Server has neither ReadHeaderTimeout nor ReadTimeout: .* \(a note, not a warning: it serves on 127.0.0.1:… only \(net.Listen at twolisten.go:14\), reachable from this machine only\)$`,
		32: `^warning: http.Serve serves with no read timeouts: [^(]*$`,
	}
	for _, f := range res.Findings {
		if !strings.HasSuffix(f.Location.File, "twolisten/twolisten.go") {
			continue
		}
		got := fmt.Sprintf("%s: %s", f.Severity, f.Message)
		if w, ok := want[f.Location.Line]; !ok || !regexpMatch(w, got) {
			t.Errorf("line %d: got %q, want match for %q", f.Location.Line, got, w)
		}
		delete(want, f.Location.Line)
	}
	for line, w := range want {
		t.Errorf("line %d: no finding, want match for %q", line, w)
	}
}

// TestUnservedBrokenMain checks that a main package the scan could not
// analyse (here it does not type-check) keeps the servers of the module
// graded as they are: it may be the program that builds them.
func TestUnservedBrokenMain(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "listeners"))); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "cmd", "ui")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "package main\n\nimport \"example.com/listeners/internal/webui\"\n\nfunc main() { webui.NewServer(addr).Start() }\n"
	if err := os.WriteFile(filepath.Join(broken, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res, err := engine.Run(context.Background(), engine.Options{Rules: []*lint.Rule{go101.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) == 0 {
		t.Fatal("no problem reported for cmd/ui, which does not type-check")
	}
	seen := false
	for _, f := range res.Findings {
		if !strings.HasSuffix(f.Location.File, "internal/webui/webui.go") {
			continue
		}
		seen = true
		if strings.Contains(f.Message, "no program of the module builds") || f.Severity != lint.SeverityError {
			t.Errorf("%s: %s: graded as unserved while a main that does not load may serve it", f.Severity, f.Message)
		}
	}
	if !seen {
		t.Error("no GO101 finding in internal/webui")
	}
}

// TestPerServer checks that routes, body reads and server literals are
// judged by the server that serves their router when their package serves
// another on every interface: the control API kept in fields and served
// on a Unix socket gives notes (GO101's route, GO201's read, GO202's
// literal); the dashboard on every interface keeps its grades.
func TestPerServer(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "listeners"))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res, err := engine.Run(context.Background(), engine.Options{Rules: []*lint.Rule{go101.Rule, go201.Rule, go202.Rule}})
	if err != nil {
		t.Fatal(err)
	}
	const sock = `on a Unix socket only \(net.Listen at sockapi.go:23\)`
	want := map[string]string{
		"GO101 31": `^note: POST /jobs reaches command execution .* \(a note, not an error: it serves ` + sock,
		"GO201 39": `^note: json.NewDecoder reads r.Body with no size limit \(a note, not a warning: it serves ` + sock,
		"GO202 46": `^note: http.Server has neither ReadHeaderTimeout nor ReadTimeout: .* \(a note, not a warning: it serves ` + sock,
		"GO101 52": `^error: POST /notes reaches file write .* with no authentication$`,
		"GO201 59": `^warning: json.NewDecoder reads r.Body with no size limit$`,
		"GO202 53": `^warning: http.Server has neither ReadHeaderTimeout nor ReadTimeout: set ReadHeaderTimeout \(and ReadTimeout\)$`,
	}
	for _, f := range res.Findings {
		if !strings.HasSuffix(f.Location.File, "sockapi/sockapi.go") {
			continue
		}
		key := fmt.Sprintf("%s %d", f.RuleID, f.Location.Line)
		got := fmt.Sprintf("%s: %s", f.Severity, f.Message)
		if w, ok := want[key]; !ok || !regexpMatch(w, got) {
			t.Errorf("%s: got %q, want match for %q", key, got, w)
		}
		delete(want, key)
	}
	for key, w := range want {
		t.Errorf("%s: no finding, want match for %q", key, w)
	}
}
