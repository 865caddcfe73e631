package ruletest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/mcpconfig"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// RunClient checks an MCP client configuration rule against fixtures
// written as JSON with comments, YAML or TOML, with the expected findings
// on the offending line:
//
//	"GITHUB_TOKEN": "ghp_..." // want "holds a GitHub token"
//	GITHUB_TOKEN = "ghp_..."  # want "holds a GitHub token"
//
// With no files, it reads every .json, .jsonc, .yaml, .yml and .toml file
// in testdata/ and in its subdirectories (where a fixture can carry a
// client's file name, testdata/cursor/mcp.json, testdata/codex/config.toml).
func RunClient(t *testing.T, rule *lint.Rule, files ...string) {
	t.Helper()
	if len(files) == 0 {
		for _, ext := range []string{"json", "jsonc", "yaml", "yml", "toml"} {
			for _, pattern := range []string{"testdata/*.", "testdata/*/*.", "testdata/*/*/*."} {
				m, _ := filepath.Glob(pattern + ext)
				files = append(files, m...)
			}
		}
		if len(files) == 0 {
			t.Fatal("ruletest: no fixtures in testdata/")
		}
		slices.Sort(files)
		files = slices.Compact(files)
		// Tool manifests beside a fixture hold its servers' tools: they
		// are read with it, not checked as configurations.
		files = slices.DeleteFunc(files, func(f string) bool {
			data, err := os.ReadFile(f)
			return err == nil && toolmanifest.Sniff(data)
		})
	}
	for _, file := range files {
		t.Run(strings.TrimPrefix(filepath.ToSlash(file), "testdata/"), func(t *testing.T) {
			findings := ClientFindings(t, rule, file)
			comment := jsonWant
			if ext := filepath.Ext(file); ext == ".yaml" || ext == ".yml" || ext == ".toml" {
				comment = hashWant
			}
			w, err := parseWantsWith(file, comment)
			if err != nil {
				t.Fatal(err)
			}
			rel := filepath.ToSlash(file)
			for _, msg := range compare(".", findings, map[string]map[int][]*want{rel: w}) {
				t.Error(msg)
			}
		})
	}
}

// ClientFindings loads one client configuration (named by its path) and
// returns what rule reports on it.
func ClientFindings(t testing.TB, rule *lint.Rule, file string) []lint.Finding {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := mcpconfig.Parse(filepath.ToSlash(file), data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	// A fixture stands for the file it copies: its place is read from its
	// path below testdata/ (testdata/examples/mcp.json is example code).
	cfg.Place = mcpconfig.PlaceOf(strings.TrimPrefix(filepath.ToSlash(file), "testdata/"))
	// The tools of its servers, from manifests saved beside it, as a scan
	// finds them.
	var tools map[string]*toolcat.Catalog
	for _, srv := range cfg.Servers {
		for _, m := range toolmanifest.Beside(cfg.File, srv.Name) {
			data, err := os.ReadFile(filepath.FromSlash(m))
			if err != nil || !toolmanifest.Sniff(data) {
				continue
			}
			cat, err := toolmanifest.Load(m, data)
			if err != nil {
				t.Fatalf("%s: %v", m, err)
			}
			if tools == nil {
				tools = map[string]*toolcat.Catalog{}
			}
			tools[srv.Name] = cat
			break
		}
	}
	var out []lint.Finding
	pass := &lint.ClientPass{Rule: rule, Config: cfg, Tools: tools, Report: func(f lint.Finding) {
		if f.Severity == lint.SeverityDefault {
			f.Severity = rule.Doc.Severity
		}
		out = append(out, f)
	}}
	if err := rule.Client(pass); err != nil {
		t.Fatalf("%s: rule %s failed: %v", file, rule.ID, err)
	}
	return out
}

var (
	jsonWant = regexp.MustCompile(`(?:^|\s)//\s*want\s+(.*)$`)
	hashWant = regexp.MustCompile(`(?:^|\s)#\s*want\s+(.*)$`)
)
