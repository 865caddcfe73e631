package toolmanifest

import (
	"errors"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// at finds the 1-based line and column of the n-th (0-based) occurrence
// of needle in text, in characters, as the loader reports them.
func at(t *testing.T, text, needle string, n int) (int, int) {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(text[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q not found %d times", needle, n+1)
		}
		off += 1 + j
	}
	line := 1 + strings.Count(text[:off], "\n")
	col := len([]rune(text[strings.LastIndex(text[:off], "\n")+1:off])) + 1
	return line, col
}

const pretty = `{
  "jsonrpc": "2.0",
  "id": 1,
  "result": {
    "tools": [
      {
        "name": "get_weather",
        "title": "Weather",
        "description": "Current weather for a city — «ünïcode» first",
        "inputSchema": {
          "type": "object",
          "properties": {
            "city": {"type": "string", "description": "City name", "maxLength": 80},
            "notes": {"type": "string"}
          },
          "required": ["city"]
        },
        "annotations": {"readOnlyHint": true, "openWorldHint": false}
      },
      {"name": "delete_file", "description": "Delete a file", "inputSchema": {"type": "object"}}
    ]
  }
}`

func TestPositionsPrettyAndMinified(t *testing.T) {
	minified := strings.Join(strings.Fields(pretty), " ")
	minified = strings.NewReplacer(": ", ":", ", ", ",", "{ ", "{", " }", "}", "[ ", "[", " ]", "]").Replace(minified)
	for name, text := range map[string]string{"pretty": pretty, "minified": minified} {
		t.Run(name, func(t *testing.T) {
			if !Sniff([]byte(text)) {
				t.Fatal("not recognised as a manifest")
			}
			cat, err := Load("m.json", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if len(cat.Tools) != 2 {
				t.Fatalf("got %d tools, want 2", len(cat.Tools))
			}
			w := cat.Tools[0]
			check := func(what string, p toolcat.Pos, needle string, n int, ptr string) {
				t.Helper()
				line, col := at(t, text, needle, n)
				if p.Line != line || p.Column != col || p.Pointer != ptr || p.File != "m.json" {
					t.Errorf("%s at %s:%d:%d %s, want %d:%d %s", what, p.File, p.Line, p.Column, p.Pointer, line, col, ptr)
				}
			}
			check("name", w.Name.At, `"get_weather"`, 0, "/result/tools/0/name")
			check("description", w.Description.At, `"Current weather`, 0, "/result/tools/0/description")
			check("tool", w.At, `{`, 2, "/result/tools/0")
			ps := w.Params()
			if len(ps) != 2 || ps[0].Path != "city" || ps[1].Path != "notes" {
				t.Fatalf("params %+v", ps)
			}
			check("param city", ps[0].At, `"city"`, 0, "/result/tools/0/inputSchema/properties/city")
			check("param city description", ps[0].Description().At, `"City name"`, 0, "/result/tools/0/inputSchema/properties/city/description")
			check("readOnlyHint", w.Annotations.ReadOnly.At, `true`, 0, "/result/tools/0/annotations/readOnlyHint")
			if w.Annotations.ReadOnly.State != toolcat.True || w.Annotations.OpenWorld.State != toolcat.False || w.Annotations.Destructive.State != toolcat.Unset {
				t.Errorf("hints %+v", w.Annotations)
			}
			if ml := ps[0].Schema.MaxLength; ml == nil || *ml != 80 {
				t.Errorf("maxLength %v", ml)
			}
			if !ps[0].Required || ps[1].Required {
				t.Errorf("required: city %v notes %v", ps[0].Required, ps[1].Required)
			}
			check("second tool name", cat.Tools[1].Name.At, `"delete_file"`, 0, "/result/tools/1/name")
			if cat.Tools[1].Annotations != nil {
				t.Error("second tool has annotations")
			}
		})
	}
}

func TestCanonicalIgnoresLayout(t *testing.T) {
	yml := "tools:\n  - name: get_weather\n    inputSchema:\n      required: [city]\n      type: object\n      properties:\n        city: {maxLength: 80, type: string}\n"
	js := `{"tools":[{"name":"get_weather","inputSchema":{"type":"object","properties":{"city":{"type":"string","maxLength":80.0}},"required":["city"]}}]}`
	a, err := Load("a.yaml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("b.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	if x, y := a.Tools[0].InputSchema.Canonical, b.Tools[0].InputSchema.Canonical; x != y {
		t.Errorf("canonical differs:\n%s\n%s", x, y)
	}
	if a.Tools[0].Name.At.Line != 2 || a.Tools[0].Name.At.Column != 11 {
		t.Errorf("yaml name at %+v", a.Tools[0].Name.At)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{`{"tools":[{"name":"a","inputSchema":{"type":"object"}}]}`, true},
		{`{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}`, true},
		{"tools:\n  - name: a\n    inputSchema: {type: object}\n", true},
		{`{"tools":[]}`, false},                               // nothing says MCP
		{`{"tools":["eslint","prettier"]}`, false},            // a config listing tools
		{`{"tools":[{"name":"hammer","weight":3}]}`, false},   // no input schema
		{`{"openapi":"3.1.0","tools":[{"name":"a"}]}`, false}, // an OpenAPI document
		{`{"mcpServers":{"x":{"command":"npx"}}}`, false},     // an MCP client config
		{"", false},
		{`{"tools":[{"name":"a","inputSchema":{`, true}, // broken: Load says why
	} {
		if got := Sniff([]byte(tc.text)); got != tc.want {
			t.Errorf("Sniff(%s) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{"tools":[{"name":"a","inputSchema":{`, "m.json:1:"},
		{`{"tools":{"name":"a"}}`, "m.json:1:10: tools is not an array"},
		{`{"tools":[1]}`, "m.json:1:11: tool 0 is not an object"},
		{`{"result":{}}`, "m.json: not a tool manifest"},
		{strings.Repeat("[", 20000), "m.json"},
		{"tools: &a [*a]\n", "m.json"},
	} {
		_, err := Load("m.json", []byte(tc.text))
		var p *lint.Problem
		if !errors.As(err, &p) {
			t.Errorf("Load(%.40s) = %v, want a problem", tc.text, err)
			continue
		}
		if msg := p.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("Load(%.40s): %q, want one line starting %q", tc.text, msg, tc.want)
		}
	}
}

func TestTooManyTools(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"tools":[`)
	for i := range MaxTools + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"name":"t","inputSchema":{}}`)
	}
	b.WriteString(`]}`)
	_, err := Load("m.json", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("got %v", err)
	}
}
