package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Test rules: one with options of every supported kind, two without.
type testWords struct {
	Read  []string `yaml:"read-words"`
	Write []string `yaml:"write-words"`
}

type testOptions struct {
	Names     []string         `yaml:"names"`
	Max       int              `yaml:"max"`
	Ratio     float64          `yaml:"ratio"`
	Strict    bool             `yaml:"strict"`
	Mode      string           `yaml:"mode"`
	Limits    map[string]int   `yaml:"limits"`
	Nested    testWords        `yaml:"nested"`
	testWords `yaml:",inline"` // unexported embedded: its fields still count
	Ignored   string           `yaml:"-"`
}

var testOpts = testOptions{
	Names: []string{"limit", "per_page"}, Max: 30, Ratio: 0.5, Mode: "auto",
	Nested:    testWords{Read: []string{"get"}},
	testWords: testWords{Read: []string{"list"}, Write: []string{"create"}},
}

var (
	ruleOpts  = &lint.Rule{ID: "TST101", Name: "test-with-options", Options: &testOpts, Doc: lint.Doc{Title: "Has options", Severity: lint.SeverityWarning}}
	ruleAuth  = &lint.Rule{ID: "TST201", Name: "test-auth", Doc: lint.Doc{Title: "Auth", Severity: lint.SeverityError}}
	ruleBound = &lint.Rule{ID: "TST202", Name: "test-bound", Doc: lint.Doc{Title: "Bound", Severity: lint.SeverityNote}}
	known     = []*lint.Rule{ruleOpts, ruleAuth, ruleBound}
)

func parse(t *testing.T, src string) *Config {
	t.Helper()
	c, err := Parse([]byte(src), ".apiaudit.yaml", known)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	mustMkdir := func(p string) {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// root/repo/.git, root/repo/.apiaudit.yaml, root/repo/a/b (cwd), and a
	// file above the repository that must not be found.
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	mustMkdir(filepath.Join(repo, ".git"))
	mustMkdir(deep)
	write(t, filepath.Join(root, ".apiaudit.yaml"), "fail-on: note\n")

	// No file in the repository: the walk stops at .git.
	if got, err := Find(deep); err != nil || got != "" {
		t.Errorf("Find without a file in the repository = %q, %v; want none (stop at .git)", got, err)
	}
	// A file at the top of the repository is found from below.
	write(t, filepath.Join(repo, ".apiaudit.yml"), "")
	if got, err := Find(deep); err != nil || got != filepath.Join(repo, ".apiaudit.yml") {
		t.Errorf("Find = %q, %v; want the repository's .apiaudit.yml", got, err)
	}
	// The nearest one wins.
	write(t, filepath.Join(repo, "a", ".apiaudit.yaml"), "")
	if got, err := Find(deep); err != nil || got != filepath.Join(repo, "a", ".apiaudit.yaml") {
		t.Errorf("Find = %q, %v; want a/.apiaudit.yaml", got, err)
	}
	// Both names in one directory is ambiguous.
	write(t, filepath.Join(repo, ".apiaudit.yaml"), "")
	if _, err := Find(repo); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("two files in one directory: err = %v", err)
	}
	// Without .git the walk goes on up to the filesystem root.
	outside := filepath.Join(root, "plain", "dir")
	mustMkdir(outside)
	if got, err := Find(outside); err != nil || got != filepath.Join(root, ".apiaudit.yaml") {
		t.Errorf("Find outside a repository = %q, %v; want %s", got, err, filepath.Join(root, ".apiaudit.yaml"))
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cfg.yaml")
	write(t, p, "fail-on: warning\nexclude: ['testdata/**']\n")
	c, err := Load(p, "cfg.yaml", known)
	if err != nil || c.FailOn != "warning" || !slices.Equal(c.Exclude, []string{"testdata/**"}) || c.File != "cfg.yaml" {
		t.Fatalf("Load = %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), "missing.yaml", known); err == nil || err.Error() != "missing.yaml: no such file" {
		t.Errorf("missing file: err = %v", err)
	}
	// Empty files and files of comments only are the defaults.
	for _, src := range []string{"", "# nothing yet\n", "---\n"} {
		if c := parse(t, src); c.FailOn != "" || len(c.Options) != 0 || len(c.Rules.Disable) != 0 {
			t.Errorf("%q: %+v, want the defaults", src, c)
		}
	}
}

func TestParse(t *testing.T) {
	c := parse(t, `
fail-on: Warning
format: sarif
exclude: ["testdata/**", "*.gen.yaml"]
include-generated: true
rules:
  disable: ["TST2*", test-with-options]
  enable: [tst202]
  severity:
    TST2*: note
    test-auth: warning
overrides:
  - paths: ["legacy/**"]
    disable: [TST101]
    severity: {TST202: error}
options:
  test-with-options:
    names: [a, b]
    max: 0x10
    ratio: 2
    strict: true
    mode: "never"
    limits: {x: 1, y: 2}
    nested: {write-words: [put]}
    write-words: [post]
`)
	if c.FailOn != "warning" || c.Format != "sarif" || !c.IncludeGenerated || !slices.Equal(c.Exclude, []string{"testdata/**", "*.gen.yaml"}) {
		t.Errorf("top level: %+v", c)
	}
	if !slices.Equal(c.Rules.Disable, []string{"TST2*", "test-with-options"}) || !slices.Equal(c.Rules.Enable, []string{"tst202"}) {
		t.Errorf("rules: %+v", c.Rules)
	}
	if want := []SeverityRule{{"TST2*", lint.SeverityNote}, {"test-auth", lint.SeverityWarning}}; !slices.Equal(c.Rules.Severity, want) {
		t.Errorf("severity = %+v, want %+v (in file order)", c.Rules.Severity, want)
	}
	if len(c.Overrides) != 1 || !slices.Equal(c.Overrides[0].Paths, []string{"legacy/**"}) ||
		!slices.Equal(c.Overrides[0].Severity, []SeverityRule{{"TST202", lint.SeverityError}}) {
		t.Errorf("overrides = %+v", c.Overrides)
	}
	if len(c.Options) != 1 || c.Options[0].Rule != ruleOpts {
		t.Fatalf("options = %+v", c.Options)
	}
	got := *c.Options[0].Value.(*testOptions)
	want := testOptions{
		Names: []string{"a", "b"}, Max: 16, Ratio: 2, Strict: true, Mode: "never",
		Limits:    map[string]int{"x": 1, "y": 2},
		Nested:    testWords{Write: []string{"put"}, Read: []string{"get"}},   // read-words kept
		testWords: testWords{Read: []string{"list"}, Write: []string{"post"}}, // inline, read-words kept
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options decoded to\n%+v\nwant\n%+v", got, want)
	}
	if !reflect.DeepEqual(testOpts.Names, []string{"limit", "per_page"}) {
		t.Error("Parse changed the rule's options: only Apply may")
	}
}

// TestErrors checks every kind of mistake: each names the file, the line
// and the key.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"fail-on: error\nfial-on: warning\n", `.apiaudit.yaml:2: unknown key "fial-on" (did you mean "fail-on"?)`},
		{"rules:\n  disable: [TST101]\n  fail-on: error\n", `.apiaudit.yaml:3: unknown key "fail-on" in rules`},
		{"rules:\n  disabel: [TST101]\n", `.apiaudit.yaml:2: unknown key "disabel" in rules (did you mean "disable"?)`},
		{"overrides:\n  - paths: [a]\n    exclude: [b]\n", `.apiaudit.yaml:3: unknown key "exclude" in overrides[0]`},
		{"options:\n  test-with-options:\n    nmes: [a]\n", `.apiaudit.yaml:3: unknown key "nmes" in options.test-with-options (did you mean "names"?)`},
		{"options:\n  TST101:\n    nested: {reed-words: [a]}\n", `.apiaudit.yaml:3: unknown key "reed-words" in options.TST101.nested`},
		{"fail-on: critical\n", `.apiaudit.yaml:1: fail-on: "critical" is not error, warning, note or none`},
		{"fail-on: [error]\n", `.apiaudit.yaml:1: fail-on: want a string, got a list`},
		{"include-generated: yes please\n", `.apiaudit.yaml:1: include-generated: want true or false, got a string ("yes please")`},
		{"format: xml\n", `.apiaudit.yaml:1: format: "xml" is not text, json, sarif`},
		{"exclude: testdata\n", `.apiaudit.yaml:1: exclude: want a list such as ["testdata/**"], got a string ("testdata")`},
		{"exclude:\n  - ok\n  - '[bad'\n", `.apiaudit.yaml:3: exclude[1]: "[bad" is not a valid glob`},
		{"rules:\n  disable: [TST101, OAS9*]\n", `.apiaudit.yaml:2: rules.disable[1]: "OAS9*" matches no rule`},
		{"rules:\n  enable: [test-auht]\n", `.apiaudit.yaml:2: rules.enable[0]: "test-auht" matches no rule (apiaudit rules lists them) (did you mean "test-auth"?)`},
		{"rules:\n  severity:\n    TST201: fatal\n", `.apiaudit.yaml:3: rules.severity.TST201: "fatal" is not error, warning or note`},
		{"rules:\n  severity:\n    TST999: error\n", `.apiaudit.yaml:3: rules.severity: "TST999" matches no rule`},
		{"rules:\n  severity: [TST201]\n", `.apiaudit.yaml:2: rules.severity: want a mapping such as {OAS101: warning}, got a list`},
		{"overrides:\n  - disable: [TST101]\n", `.apiaudit.yaml:2: overrides[0]: no paths`},
		{"overrides: {paths: [a]}\n", `.apiaudit.yaml:1: overrides: want a list such as`},
		{"options:\n  test-auth: {x: 1}\n", `.apiaudit.yaml:2: options: rule TST201 (test-auth) has no options`},
		{"options:\n  TST9*: {x: 1}\n", `.apiaudit.yaml:2: options: "TST9*" is not a rule name or ID`},
		{"options:\n  TST101: {max: 1}\n  test-with-options: {max: 2}\n", `.apiaudit.yaml:3: options: TST101 is set twice (as TST101 and as test-with-options)`},
		{"options:\n  TST101:\n    names: limit\n", `.apiaudit.yaml:3: options.TST101.names: want a list of strings, got a string ("limit")`},
		{"options:\n  TST101:\n    names: [a, {b: c}]\n", `.apiaudit.yaml:3: options.TST101.names[1]: want a string, got a mapping`},
		{"options:\n  TST101:\n    max: ten\n", `.apiaudit.yaml:3: options.TST101.max: want an integer, got a string ("ten")`},
		{"options:\n  TST101:\n    max: 1.5\n", `.apiaudit.yaml:3: options.TST101.max: want an integer, got a number (1.5)`},
		{"options:\n  TST101:\n    strict: yes\n", `.apiaudit.yaml:3: options.TST101.strict: want true or false, got a string ("yes")`},
		{"options:\n  TST101:\n    ratio: fast\n", `.apiaudit.yaml:3: options.TST101.ratio: want a number, got a string ("fast")`},
		{"options:\n  TST101:\n    limits: {a: x}\n", `.apiaudit.yaml:3: options.TST101.limits.a: want an integer, got a string ("x")`},
		{"options:\n  TST101: [names]\n", `.apiaudit.yaml:2: options.TST101: want a mapping, got a list`},
		{"fail-on: error\nfail-on: note\n", `.apiaudit.yaml:2: fail-on is set twice`},
		{"- fail-on\n", `.apiaudit.yaml:1: want a mapping of settings`},
		{"fail-on: error\n  format: text\n", `.apiaudit.yaml:2: not valid YAML: mapping values are not allowed in this context`},
		{"rules:\n  disable: &x [TST101]\n  enable: *x\n", `.apiaudit.yaml:3: rules.enable: YAML aliases (*x) are not supported here`},
		{"fail-on: error\n---\nfail-on: note\n", `.apiaudit.yaml:2: more than one YAML document`},
	} {
		_, err := Parse([]byte(tc.src), ".apiaudit.yaml", known)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got: %v\nwant: %s...", tc.src, err, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: the error is not one line: %q", tc.src, err)
		}
	}
}

func TestSelectAndAdjust(t *testing.T) {
	c := parse(t, `
rules:
  disable: ["TST2*"]
  enable: [test-bound]
  severity: {TST*: note, TST201: error}
overrides:
  - paths: ["legacy/**"]
    disable: [TST101]
  - paths: ["critical/**", "*.critical.yaml"]
    enable: [TST201]
    severity: {TST101: error}
`)
	if got := c.Select(known); !slices.Equal(got, []*lint.Rule{ruleOpts, ruleAuth, ruleBound}) {
		t.Errorf("Select = %v: TST201 is on in critical/**, so it must run", ids(got))
	}
	for _, tc := range []struct {
		rule, file string
		keep       bool
		sev        lint.Severity
	}{
		{"TST101", "api.yaml", true, lint.SeverityNote},             // severity TST*: note
		{"TST101", "legacy/old.yaml", false, 0},                     // override disables it
		{"TST101", "critical/pay.yaml", true, lint.SeverityError},   // override severity wins
		{"TST201", "api.yaml", false, 0},                            // disabled by TST2*
		{"TST201", "critical/pay.yaml", true, lint.SeverityError},   // enabled by the override; last severity entry wins
		{"TST201", "x/y/z.critical.yaml", true, lint.SeverityError}, // a pattern without / matches base names
		{"TST202", "api.yaml", true, lint.SeverityNote},             // enable beats disable in one block
		{"TST999", "api.yaml", true, lint.SeverityWarning},          // unknown rules pass unchanged
	} {
		f := lint.Finding{RuleID: tc.rule, Severity: lint.SeverityWarning, Location: lint.Location{File: tc.file}}
		keep := c.Adjust(&f)
		if keep != tc.keep || (keep && f.Severity != tc.sev) {
			t.Errorf("%s in %s: keep %v, severity %v; want %v, %v", tc.rule, tc.file, keep, f.Severity, tc.keep, tc.sev)
		}
	}

	if got := parse(t, "rules: {disable: ['*'], enable: [TST201]}\n").Select(known); !slices.Equal(got, []*lint.Rule{ruleAuth}) {
		t.Errorf("disable everything but one: Select = %v", ids(got))
	}
	var none *Config
	if got := none.Select(known); len(got) != len(known) {
		t.Errorf("no configuration: Select = %v", ids(got))
	}
}

func ids(rules []*lint.Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.ID)
	}
	return out
}

func TestApplyAndUndo(t *testing.T) {
	before := testOpts
	c := parse(t, "options:\n  test-with-options:\n    names: [only]\n    max: 5\n")
	c2 := parse(t, "options:\n  TST101: {max: 7}\n")
	undo := c.Apply()
	if !slices.Equal(testOpts.Names, []string{"only"}) || testOpts.Max != 5 || testOpts.Mode != "auto" {
		t.Errorf("after Apply: %+v", testOpts)
	}
	// A second configuration applied on top is undone in turn.
	undo2 := c2.Apply()
	if testOpts.Max != 7 || !slices.Equal(testOpts.Names, []string{"limit", "per_page"}) {
		t.Errorf("a second configuration decodes over the defaults it was parsed with: %+v", testOpts)
	}
	undo2()
	if testOpts.Max != 5 {
		t.Errorf("after the second undo: %+v", testOpts)
	}
	undo()
	if !reflect.DeepEqual(testOpts, before) {
		t.Errorf("undo did not restore the options:\n%+v\nwant\n%+v", testOpts, before)
	}
	var none *Config
	none.Apply()() // no configuration: nothing to do, nothing to undo
}

// TestStarter checks that `config init`'s file parses back to the defaults,
// that its commented-out options, once uncommented, are the rules' current
// options, and that both forms satisfy the JSON schema.
func TestStarter(t *testing.T) {
	text := Starter(known)
	for _, want := range []string{"yaml-language-server: $schema=" + SchemaURL, "fail-on: error", "# options:", "#   test-with-options: # TST101", "#     names: [limit, per_page]"} {
		if !strings.Contains(text, want) {
			t.Errorf("starter file lacks %q:\n%s", want, text)
		}
	}
	c, err := Parse([]byte(text), "starter", known)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "error" || c.Format != "text" || c.IncludeGenerated || len(c.Exclude)+len(c.Rules.Enable)+len(c.Rules.Disable)+len(c.Rules.Severity)+len(c.Overrides)+len(c.Options) != 0 {
		t.Errorf("the starter file is not the defaults: %+v", c)
	}
	if got := c.Select(known); len(got) != len(known) {
		t.Errorf("the starter file turns rules off: %v", ids(got))
	}

	uncommented := uncomment(text)
	c, err = Parse([]byte(uncommented), "starter", known)
	if err != nil {
		t.Fatalf("uncommented starter: %v\n%s", err, uncommented)
	}
	if len(c.Options) != 1 || !reflect.DeepEqual(*c.Options[0].Value.(*testOptions), testOpts) {
		t.Errorf("uncommented options differ from the defaults: %+v", c.Options)
	}

	sch := compileSchema(t, known)
	for name, src := range map[string]string{"starter": text, "uncommented": uncommented} {
		if err := sch.Validate(yamlToJSON(t, src)); err != nil {
			t.Errorf("%s file does not satisfy the schema: %v", name, err)
		}
	}
	if text := Starter([]*lint.Rule{ruleAuth}); !strings.Contains(text, "no rule has options") {
		t.Errorf("starter without options:\n%s", text)
	}
}

// uncomment turns the commented-out options: block into YAML.
func uncomment(text string) string {
	lines := strings.Split(text, "\n")
	on := false
	for i, l := range lines {
		on = on || l == "# options:"
		if on {
			lines[i] = strings.TrimPrefix(l, "# ")
		}
	}
	return strings.Join(lines, "\n")
}

func compileSchema(t *testing.T, rules []*lint.Rule) *jsonschema.Schema {
	t.Helper()
	data, err := Schema(rules)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func yamlToJSON(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Load([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSchema(t *testing.T) {
	sch := compileSchema(t, known)
	for _, src := range []string{
		"fail-on: note\nrules: {disable: ['TST2*', test-auth], severity: {TST101: error}}\n",
		"overrides: [{paths: [a], enable: [TST101]}]\noptions: {TST101: {max: 3, limits: {a: 1}}}\n",
	} {
		if err := sch.Validate(yamlToJSON(t, src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	for _, src := range []string{
		"fial-on: note\n",
		"fail-on: critical\n",
		"rules: {disable: [NOPE]}\n",
		"rules: {severity: {TST101: fatal}}\n",
		"overrides: [{disable: [TST101]}]\n",
		"options: {test-auth: {}}\n",
		"options: {TST101: {max: ten}}\n",
		"options: {TST101: {nmes: [a]}}\n",
	} {
		if err := sch.Validate(yamlToJSON(t, src)); err == nil {
			t.Errorf("the schema accepts %q", src)
		}
	}
	// Properties carry the rules' current values as defaults, for editors.
	data, _ := Schema(known)
	if !bytes.Contains(data, []byte(`"default": [
            "limit",
            "per_page"
          ]`)) {
		t.Errorf("the schema lacks the default of names:\n%s", data)
	}
}

func TestCheckOptions(t *testing.T) {
	type bad struct {
		F func() `yaml:"f"`
	}
	for _, o := range []any{testOptions{}, &bad{}, new(int)} {
		if CheckOptions(o) == nil {
			t.Errorf("CheckOptions(%T) accepted it", o)
		}
	}
	if err := CheckOptions(&testOpts); err != nil {
		t.Error(err)
	}
	if _, err := Parse([]byte("options: {TST101: {max: 1}}\n"), "x", []*lint.Rule{{ID: "TST101", Options: &bad{}}}); err == nil || !strings.Contains(err.Error(), "a bug in the rule") {
		t.Errorf("options of an unsupported type: %v", err)
	}
}
