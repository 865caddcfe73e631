package suppress_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/suppress"
	"github.com/apiaudit/apiaudit/pkg/load/mcpconfig"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
)

// entries are the same x-apiaudit-ignore entries, one of each shape, as
// JSON. Objects have one key at most where the order of keys would
// matter, since the OpenAPI loader's decoded values keep none.
const entries = `[
  {"rule": "MCP403", "reason": "notes is the digest body"},
  {"rule": " MCP4* ", "reason": "  spaces trimmed  "},
  "MCP201",
  {"rule": "MCP301"},
  {"rul": "MCP301", "reason": "typo"},
  {"reason": "no rule"},
  {"rule": 101, "reason": "a number"},
  42,
  ["nested"],
  null,
  {"rule": ""}
]`

// want is what every loader reads from entries: rule, reason, error.
var want = [][3]string{
	{"MCP403", "notes is the digest body", ""},
	{"MCP4*", "spaces trimmed", ""},
	{"MCP201", "", ""},
	{"MCP301", "", ""},
	{"", "typo", `unexpected key "rul" (want rule and reason)`},
	{"", "no rule", "entry names no rule"},
	{"", "a number", `unexpected key "rule" (want rule and reason)`},
	{"", "", "entries must be {rule, reason} objects"},
	{"", "", "entries must be {rule, reason} objects"},
	{"", "", "entries must be {rule, reason} objects"},
	{"", "", "entry names no rule"},
}

// TestLoadersAgree reads the same entries through the three loaders that
// have suppressions (a tool manifest in JSON and in YAML, an MCP client
// configuration, an OpenAPI document): each reads the same rules, reasons
// and errors. Before the loaders shared suppress.Parse, an OpenAPI entry
// that was a number said "not float64", and the tool manifest read
// rule: 101 in YAML as the rule "101".
func TestLoadersAgree(t *testing.T) {
	got := map[string][][3]string{}

	cat, err := toolmanifest.Load("tools.json", []byte(`{"x-apiaudit-ignore": `+entries+`, "tools": []}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, ig := range cat.Ignores {
		got["manifest (JSON)"] = append(got["manifest (JSON)"], [3]string{ig.Rule, ig.Reason, ig.Err})
	}

	yamlCat, err := toolmanifest.Load("tools.yaml", []byte("x-apiaudit-ignore:\n"+yamlList+"tools: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ig := range yamlCat.Ignores {
		got["manifest (YAML)"] = append(got["manifest (YAML)"], [3]string{ig.Rule, ig.Reason, ig.Err})
	}

	cfg, err := mcpconfig.Parse(".vscode/mcp.json", []byte(`{"x-apiaudit-ignore": `+entries+`, "servers": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, ig := range cfg.Ignores {
		got["client config"] = append(got["client config"], [3]string{ig.Rule, ig.Reason, ig.Err})
	}

	dir := t.TempDir()
	spec := filepath.Join(dir, "api.json")
	doc := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-apiaudit-ignore": ` + entries + `}`
	if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := openapi.Load(context.Background(), spec, "3.0", openapi.Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, ig := range d.Ignores() {
		got["OpenAPI"] = append(got["OpenAPI"], [3]string{ig.Rule, ig.Reason, ig.Err})
	}

	for _, loader := range []string{"manifest (JSON)", "manifest (YAML)", "client config", "OpenAPI"} {
		g := got[loader]
		if len(g) != len(want) {
			t.Errorf("%s: %d entries, want %d: %q", loader, len(g), len(want), g)
			continue
		}
		for i := range want {
			if g[i] != want[i] {
				t.Errorf("%s: entry %d = %q, want %q", loader, i, g[i], want[i])
			}
		}
	}
}

// yamlList is entries in YAML; rule: 101 is quoted nowhere, so that YAML
// reads a number where JSON does.
var yamlList = strings.Join([]string{
	`  - {rule: MCP403, reason: notes is the digest body}`,
	`  - {rule: " MCP4* ", reason: "  spaces trimmed  "}`,
	`  - MCP201`,
	`  - {rule: MCP301}`,
	`  - {rul: MCP301, reason: typo}`,
	`  - {reason: no rule}`,
	`  - {rule: 101, reason: a number}`,
	`  - 42`,
	`  - [nested]`,
	`  - null`,
	`  - {rule: ""}`,
}, "\n") + "\n"

// node is a minimal tree for the unit test.
type node struct {
	kind  suppress.Kind
	text  string
	keys  []string
	items []*node
}

func (n *node) Kind() suppress.Kind                  { return n.kind }
func (n *node) Text() string                         { return n.text }
func (n *node) Len() int                             { return len(n.items) }
func (n *node) Item(i int) suppress.Node             { return n.items[i] }
func (n *node) Member(i int) (string, suppress.Node) { return n.keys[i], n.items[i] }

func str(s string) *node { return &node{kind: suppress.String, text: s} }

// TestParseAlone: one entry not in a list has Index -1; in a list, its
// place.
func TestParseAlone(t *testing.T) {
	one := &node{kind: suppress.Object, keys: []string{"rule", "reason"}, items: []*node{str("OAS101"), str("public")}}
	got := suppress.Parse(one)
	if len(got) != 1 || got[0].Index != -1 || got[0].Rule != "OAS101" || got[0].Reason != "public" || got[0].Node != one {
		t.Fatalf("Parse(entry) = %+v", got)
	}
	list := &node{kind: suppress.Array, items: []*node{str("OAS1*"), one}}
	got = suppress.Parse(list)
	if len(got) != 2 || got[0].Index != 0 || got[1].Index != 1 || got[1].Node != one || got[0].Err != "" {
		t.Fatalf("Parse(list) = %+v", got)
	}
	if got := suppress.Parse(nil); got != nil {
		t.Fatalf("Parse(nil) = %+v", got)
	}
}
