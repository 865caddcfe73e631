// Package ruletest checks an OpenAPI rule against YAML fixtures whose
// expected findings are written on the offending line as comments:
//
//	get: # want "get /pets can be called without authentication"
//
// Each finding must land on a line whose want matches its message, and every
// want must be matched. A fixture without wants says the rule stays silent.
package ruletest

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
)

// Run checks rule against each fixture; with no files, against every .yaml
// and .yml file directly in testdata/. A fixture in a subdirectory of
// testdata/ is a multi-file document: wants are read from every YAML file
// under that subdirectory.
func Run(t *testing.T, rule *lint.Rule, files ...string) {
	t.Helper()
	if len(files) == 0 {
		for _, pattern := range []string{"testdata/*.yaml", "testdata/*.yml"} {
			m, _ := filepath.Glob(pattern)
			files = append(files, m...)
		}
		if len(files) == 0 {
			t.Fatal("ruletest: no fixtures in testdata/")
		}
		slices.Sort(files)
	}
	for _, file := range files {
		t.Run(strings.TrimPrefix(filepath.ToSlash(file), "testdata/"), func(t *testing.T) {
			for _, msg := range check(t, rule, file) {
				t.Error(msg)
			}
		})
	}
}

// check runs rule on one fixture and describes each mismatch between its
// findings and the wants of the files involved.
func check(t testing.TB, rule *lint.Rule, file string) []string {
	t.Helper()
	findings, root := Findings(t, rule, file)
	sources := []string{file}
	if dir := filepath.Dir(file); filepath.Clean(dir) != filepath.Clean(root) {
		_ = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && isYAML(p) {
				sources = append(sources, p)
			}
			return nil
		})
	}
	for _, f := range findings {
		sources = append(sources, filepath.Join(root, filepath.FromSlash(f.Location.File)))
	}
	wants := map[string]map[int][]*want{}
	for _, src := range sources {
		rel, err := filepath.Rel(root, src)
		if err != nil || !isYAML(src) || wants[filepath.ToSlash(rel)] != nil {
			continue
		}
		w, err := parseWants(src)
		if err != nil {
			t.Fatal(err)
		}
		wants[filepath.ToSlash(rel)] = w
	}
	return compare(root, findings, wants)
}

// Findings loads one document, runs rule on it and returns what it reported,
// with the scan root that finding locations are relative to: the enclosing
// testdata directory, or the file's own directory outside one.
func Findings(t testing.TB, rule *lint.Rule, file string) ([]lint.Finding, string) {
	t.Helper()
	root := filepath.Dir(file)
	for dir := root; filepath.Base(dir) != "." && filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if filepath.Base(dir) == "testdata" {
			root = dir
			break
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	version, isSpec := openapi.Sniff(data)
	if rule.Catalog != nil && !isSpec {
		return catalogFindings(t, rule, file, root, data), root
	}
	if !isSpec {
		t.Fatalf("%s: not an OpenAPI document", file)
	}
	d, err := openapi.Load(t.Context(), file, version, openapi.Options{Root: root})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []lint.Finding
	if rule.Catalog != nil {
		// A catalog rule on an OpenAPI document reads its operations as
		// tools, as the engine does: nothing when it is not agent-facing.
		cat := openapi.ToolCatalog(d)
		if cat == nil {
			return nil, root
		}
		pass := &lint.CatalogPass{Rule: rule, Catalog: cat, Report: func(f lint.Finding) { out = append(out, f) }}
		if err := rule.Catalog(pass); err != nil {
			t.Fatalf("%s: rule %s failed: %v", file, rule.ID, err)
		}
		return out, root
	}
	pass := &lint.SpecPass{Rule: rule, Doc: d.T, File: d.File, Version: d.Version, Locate: d.Locate,
		Report: func(f lint.Finding) { out = append(out, f) }}
	if err := rule.Spec(pass); err != nil {
		t.Fatalf("%s: rule %s failed: %v", file, rule.ID, err)
	}
	return out, root
}

type want struct {
	re      *regexp.Regexp
	matched bool
}

var wantComment = regexp.MustCompile(`(?:^|\s)#\s*want\s+(.*)$`)

// parseWants reads the `# want "re"...` comments of a file, by line.
func parseWants(file string) (map[int][]*want, error) {
	return parseWantsWith(file, wantComment)
}

// parseWantsWith reads the want comments that comment matches (its group
// 1 is the quoted regexps), by line.
func parseWantsWith(file string, comment *regexp.Regexp) (map[int][]*want, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	out := map[int][]*want{}
	for i, line := range strings.Split(string(data), "\n") {
		m := comment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for rest := strings.TrimSpace(m[1]); rest != ""; rest = strings.TrimSpace(rest) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: want needs quoted regexps: %s", file, i+1, rest)
			}
			s, _ := strconv.Unquote(q)
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
			}
			out[i+1] = append(out[i+1], &want{re: re})
			rest = rest[len(q):]
		}
	}
	return out, nil
}

// compare matches findings with wants (file relative to root -> line ->
// wants) and describes every finding without a want and every want without a
// finding.
func compare(root string, findings []lint.Finding, wants map[string]map[int][]*want) []string {
	var errs []string
	for _, f := range findings {
		loc := f.Location
		at := loc
		at.File = filepath.ToSlash(filepath.Join(root, loc.File))
		if loc.Line < 1 || loc.Column < 1 {
			errs = append(errs, fmt.Sprintf("%s: finding has no line and column: %s", at, f.Message))
			continue
		}
		i := slices.IndexFunc(wants[loc.File][loc.Line], func(w *want) bool { return !w.matched && w.re.MatchString(f.Message) })
		if i < 0 {
			errs = append(errs, fmt.Sprintf("%s: unexpected finding: %s", at, f.Message))
			continue
		}
		wants[loc.File][loc.Line][i].matched = true
	}
	for _, file := range slices.Sorted(maps.Keys(wants)) {
		for _, line := range slices.Sorted(maps.Keys(wants[file])) {
			for _, w := range wants[file][line] {
				if !w.matched {
					errs = append(errs, fmt.Sprintf("%s:%d: no finding matched %q", filepath.ToSlash(filepath.Join(root, file)), line, w.re))
				}
			}
		}
	}
	return errs
}

func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// Severities checks how a rule grades its findings on the given fixtures
// (bad.yaml, bad31.yaml and bad20.yaml in testdata/ when none are named):
// every finding's message must start with one of the keys of want and have
// that key's severity. SeverityDefault stands for "left to the rule's
// default", as a rule reports it.
func Severities(t *testing.T, rule *lint.Rule, want map[string]lint.Severity, files ...string) {
	t.Helper()
	if len(files) == 0 {
		files = []string{"testdata/bad.yaml", "testdata/bad31.yaml", "testdata/bad20.yaml"}
	}
	for _, file := range files {
		findings, _ := Findings(t, rule, file)
		for _, f := range findings {
			matched := false
			for prefix, sev := range want {
				if strings.HasPrefix(f.Message, prefix) {
					matched = true
					if f.Severity != sev {
						t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, sev)
					}
				}
			}
			if !matched {
				t.Errorf("%s: %s: no expected severity", file, f.Message)
			}
		}
	}
}

// Graded checks that file gives exactly n findings, that those whose
// message contains the key of one entry of marked have that severity, and
// that the others have severity rest. SeverityDefault stands for "left to
// the rule's default", as a rule reports it.
func Graded(t *testing.T, rule *lint.Rule, file string, n int, rest lint.Severity, marked map[string]lint.Severity) {
	t.Helper()
	findings, _ := Findings(t, rule, file)
	if len(findings) != n {
		t.Fatalf("%s: got %d findings, want %d: %v", file, len(findings), n, findings)
	}
	for _, f := range findings {
		want := rest
		for sub, sev := range marked {
			if strings.Contains(f.Message, sub) {
				want = sev
			}
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}

// catalogFindings runs a catalog rule on one tool manifest.
func catalogFindings(t testing.TB, rule *lint.Rule, file, root string, data []byte) []lint.Finding {
	t.Helper()
	if !toolmanifest.Sniff(data) {
		t.Fatalf("%s: not a tool manifest", file)
	}
	rel, _ := filepath.Rel(root, file)
	cat, err := toolmanifest.Load(filepath.ToSlash(rel), data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []lint.Finding
	pass := &lint.CatalogPass{Rule: rule, Catalog: cat, Report: func(f lint.Finding) { out = append(out, f) }}
	if err := rule.Catalog(pass); err != nil {
		t.Fatalf("%s: rule %s failed: %v", file, rule.ID, err)
	}
	return out
}
