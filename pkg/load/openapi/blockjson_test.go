package openapi

import (
	"encoding/json"

	"context"
	"fmt"
	"go.yaml.in/yaml/v4"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/internal/corpus"
)

// TestBlockSameDocument loads JSON documents as they are and through the
// block rewrite, and checks that the two models are the same, value for
// value, and that every origin kin-openapi recorded maps back to the
// position it has when the JSON is read directly.
func TestBlockSameDocument(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, f := range corpus.Files(t, "small", "medium") {
		if strings.HasSuffix(f, ".json") {
			files = append(files, f)
		}
	}
	sample := corpus.Files(t, "apisguru-sample")
	for i, f := range sample {
		if strings.HasSuffix(f, ".json") && i%5 == 0 {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Skip("no JSON documents")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			version, ok := Sniff(data)
			if !ok {
				t.Skip("not a document")
			}
			want, err := dumpLoad(f, version, false)
			if err != nil {
				t.Skip(err)
			}
			got, err := dumpLoad(f, version, true)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("differs at entry %d:\nrewritten: %s\ndirect:    %s", i, gl[i], wl[i])
					}
				}
				t.Fatalf("%d entries rewritten, %d direct", len(gl), len(wl))
			}
		})
	}
}

func dumpLoad(f, version string, rewrite bool) (string, error) {
	old := rewriteJSON
	rewriteJSON = rewrite
	defer func() { rewriteJSON = old }()
	d, err := Load(context.Background(), f, version, Options{Root: filepath.Dir(f)})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	dump(&b, d, reflect.ValueOf(d.T), "", map[uintptr]bool{})
	return b.String(), nil
}

var (
	originPtr   = reflect.TypeFor[*openapi3.Origin]()
	locationPtr = reflect.TypeFor[openapi3.Location]()
)

// dump writes every value under v, one per line, with origins mapped back
// to the file as written. Pointers are followed once.
func dump(b *strings.Builder, d *Document, v reflect.Value, path string, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type() == originPtr {
			o := v.Interface().(*openapi3.Origin)
			loc := func(name string, l openapi3.Location) {
				line, col := d.orig(l.File, l.Line, l.Column)
				fmt.Fprintf(b, "%s/%s %s:%d:%d\n", path, name, d.rel(l.File), line, col)
			}
			if o.Key != nil {
				loc("key", *o.Key)
			}
			for _, f := range o.Fields {
				loc("field:"+f.Name, f)
			}
			for _, k := range slices.Sorted(mapKeys(o.Sequences)) {
				for i, l := range o.Sequences[k] {
					loc(fmt.Sprintf("seq:%s/%d", k, i), l)
				}
			}
			return
		}
		if seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		dump(b, d, v.Elem(), path, seen)
	case reflect.Interface:
		if !v.IsNil() {
			dump(b, d, v.Elem(), path, seen)
		}
	case reflect.Struct:
		if v.Type() == locationPtr {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				dump(b, d, v.Field(i), path+"/"+v.Type().Field(i).Name, seen)
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			dump(b, d, v.MapIndex(k), path+"/"+fmt.Sprint(k), seen)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			dump(b, d, v.Index(i), fmt.Sprintf("%s/%d", path, i), seen)
		}
	default:
		fmt.Fprintf(b, "%s=%v\n", path, v)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestToBlockValues checks that the rewrite reads back, through go-yaml, as
// the same values encoding/json reads from the original, for the strings
// and numbers YAML treats specially.
func TestToBlockValues(t *testing.T) {
	doc := `{"a": "plain", "q": "say \"hi\" \\ now", "nl": "two\nlines\r\n", "tab": "\t", "ctl": "\u0001\u001f\u007f",
	"nel": "x\u0085y", "ls": "\u2028\u2029", "bom": "\ufeff", "emoji": "\ud83d\ude00 é 中",
	"yamlish": ["- a", "b: c", "#x", "&y", "*z", "!t", "%p", "@", "'", "null", "true", "~", "", " lead", "trail "],
	"n": [0, -1, 1.5, 2e10, -3E-2, 123456789012345678901234567890], "b": [true, false, null],
	"empty": {}, "none": [], "nested": [[{"k": [1, {}]}], []], "key: colon": 1, "": 2}`
	// A raw U+0085 is a line break to go-yaml, so such documents are left
	// as they are; written as an escape it is an ordinary character.
	if _, _, ok := toBlock([]byte("{\"a\": \"x\u0085y\"}")); ok {
		t.Fatal("a document with a raw U+0085 was rewritten")
	}
	out, _, ok := toBlock([]byte(doc))
	if !ok {
		t.Fatal("not rewritten")
	}
	var want, got any
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// go-yaml reads integers as int and JSON as float64: compare as JSON.
	wj, _ := json.Marshal(want)
	gj, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(wj) != string(gj) {
		t.Errorf("rewritten document reads back differently:\n got %s\nwant %s\n%s", gj, wj, out)
	}
}

func TestToBlockRefuses(t *testing.T) {
	for name, doc := range map[string]string{
		"too deep":      strings.Repeat(`{"a":`, blockMaxDepth+2) + "1" + strings.Repeat("}", blockMaxDepth+2),
		"long key":      `{"` + strings.Repeat("k", blockMaxKeyLen+1) + `": 1}`,
		"invalid":       `{"a": }`,
		"trailing":      `{"a": 1} x`,
		"raw newline":   "{\"a\": \"x\ny\"}",
		"bad literal":   `{"a": tru}`,
		"not an object": `[1]`,
		"invalid utf-8": "{\"a\": \"\xff\"}",
	} {
		if _, _, ok := toBlock([]byte(doc)); ok {
			t.Errorf("%s: rewritten", name)
		}
	}
}

func manyKeys(n int) string {
	var parts []string
	for i := range n {
		parts = append(parts, fmt.Sprintf(`"k%d": %d`, i, i))
	}
	return strings.Join(parts, ", ")
}

// TestToBlockPositions checks the line map on a small document written
// over several lines with multi-byte characters before the keys.
func TestToBlockPositions(t *testing.T) {
	doc := "{\"é\": 1,\n  \"list\": [\n    {\"k\": \"v\"}, 2],\n \"o\": {\"x\": []}}"
	out, lines, ok := toBlock([]byte(doc))
	if !ok {
		t.Fatal("not rewritten")
	}
	var n yaml.Node
	if err := yaml.Unmarshal(out, &n); err != nil {
		t.Fatal(err)
	}
	root := n.Content[0]
	pos := func(n *yaml.Node) string {
		l, c := lines.orig(n.Line, n.Column)
		return fmt.Sprintf("%d:%d", l, c)
	}
	list := root.Content[3]
	cases := map[string]*yaml.Node{
		"1:2":  root.Content[0],            // "é"
		"1:7":  root.Content[1],            // 1
		"2:3":  root.Content[2],            // "list"
		"2:11": list,                       // [
		"3:5":  list.Content[0],            // {
		"3:6":  list.Content[0].Content[0], // "k"
		"3:11": list.Content[0].Content[1], // "v"
		"3:17": list.Content[1],            // 2
		"4:2":  root.Content[4],            // "o"
		"4:13": root.Content[5].Content[1], // []
	}
	for want, node := range cases {
		if got := pos(node); got != want {
			t.Errorf("node %q at %s, want %s", node.Value, got, want)
		}
	}
}
