package openapi

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// loadText writes doc as name in a fresh directory and loads it.
func loadText(t *testing.T, name string, data []byte, version string) *Document {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if v, ok := Sniff(data); !ok || v != version {
		t.Fatalf("Sniff = %q, %v; want %q", v, ok, version)
	}
	d, err := Load(context.Background(), path, version, Options{Root: dir})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

func TestUTF16Documents(t *testing.T) {
	doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /admin:\n    post:\n      responses:\n        '200': {description: ok}\n"
	for name, bigEndian := range map[string]bool{"le.yaml": false, "be.yaml": true} {
		data := []byte{0xFF, 0xFE}
		if bigEndian {
			data = []byte{0xFE, 0xFF}
		}
		for _, u := range utf16.Encode([]rune(doc)) {
			if bigEndian {
				data = append(data, byte(u>>8), byte(u))
			} else {
				data = append(data, byte(u), byte(u>>8))
			}
		}
		d := loadText(t, name, data, "3.0")
		ops := Operations(d.T)
		if len(ops) != 1 {
			t.Fatalf("%s: %d operations, want 1", name, len(ops))
		}
		if loc := d.Locate(ops[0].Pointer, ops[0].Op.Origin, ""); loc.Line != 5 || loc.Column != 5 {
			t.Errorf("%s: post located at %d:%d; want 5:5", name, loc.Line, loc.Column)
		}
	}
}

func TestBOMDocument(t *testing.T) {
	doc := "\ufeffopenapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /admin:\n    post:\n      responses:\n        '200': {description: ok}\n"
	d := loadText(t, "bom.yaml", []byte(doc), "3.0")
	if len(Operations(d.T)) != 1 {
		t.Fatal("the operation was lost")
	}
}

func TestYAMLStreamReported(t *testing.T) {
	doc := "---\nopenapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n---\nopenapi: 3.0.3\ninfo: {title: hidden, version: '1'}\npaths: {}\n"
	d := loadText(t, "stream.yaml", []byte(doc), "3.0")
	reps := Repairs(d.T)
	if len(reps) != 1 || reps[0].Location.Line != 5 || !strings.Contains(reps[0].Message, "more than one YAML document") {
		t.Fatalf("repairs = %+v; want one at line 5 about the second document", reps)
	}
	// A leading marker alone is not a second document.
	d = loadText(t, "one.yaml", []byte("# c\n---\nopenapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"), "3.0")
	if reps := Repairs(d.T); len(reps) != 0 {
		t.Fatalf("repairs = %+v; want none", reps)
	}
}

// TestJSONDuplicateKeys checks that a key written twice in a JSON object is
// reported where it is written, that the last value is the one analysed
// (as encoding/json and JavaScript read it), and that positions after the
// duplicate stay right.
func TestJSONDuplicateKeys(t *testing.T) {
	doc := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1", "title": "u"},
 "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}},
 "paths": {"/b": {"post": {"responses": {"200": {"description": "ok"}}}}},
 "components": {}}
`
	d := loadText(t, "dup.json", []byte(doc), "3.0")
	if d.T.Info.Title != "u" || d.T.Paths.Find("/a") != nil || d.T.Paths.Find("/b") == nil {
		t.Fatalf("title %q, /a %v, /b %v; want the last values", d.T.Info.Title, d.T.Paths.Find("/a") != nil, d.T.Paths.Find("/b") != nil)
	}
	reps := Repairs(d.T)
	if len(reps) != 2 {
		t.Fatalf("repairs = %+v; want 2", reps)
	}
	title, paths := reps[0], reps[1]
	if title.Location.Line != 1 || title.Location.Column != 61 || title.Location.Pointer != "/info/title" || !strings.Contains(title.Message, `"title" is written twice`) {
		t.Errorf("title duplicate = %+v", title)
	}
	if paths.Location.Line != 3 || paths.Location.Column != 2 || !strings.Contains(paths.Message, "also at line 2, column 2") {
		t.Errorf("paths duplicate = %+v", paths)
	}
	ops := Operations(d.T)
	if len(ops) != 1 {
		t.Fatalf("%d operations", len(ops))
	}
	if loc := d.Locate(ops[0].Pointer, ops[0].Op.Origin, ""); loc.Line != 3 || loc.Column != 19 {
		t.Errorf("post /b located at %d:%d; want 3:19", loc.Line, loc.Column)
	}
}

// TestTypeErrorMessage checks the message of a valid JSON document whose
// error cannot be repaired: it is the YAML decoder's, at the position in
// the JSON, not the JSON decoder's complaint about the block rewrite.
func TestTypeErrorMessage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "api.json")
	doc := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "maxLength": "15"}}}}}}}}}`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(context.Background(), path, "3.0", Options{Root: dir})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	reps := Repairs(d.T)
	want := strings.Index(doc, `"15"`) + 1
	if len(reps) != 1 || reps[0].Location.Line != 1 || reps[0].Location.Column != want || strings.Contains(reps[0].Message, "json error") {
		t.Fatalf("repairs = %+v; want one at 1:%d", reps, want)
	}
}

// TestRefTargetCapped checks that a $ref target over the hard cap is
// refused from its size, before it is read, even when --max-file-size is
// raised past it: a sparse 2 GB file costs no disk and would otherwise be
// read whole.
func TestRefTargetCapped(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil {
		f.Close()
		t.Skipf("sparse file: %v", err)
	}
	f.Close()
	spec := filepath.Join(dir, "api.yaml")
	doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'big.yaml#/S'}\n"
	if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(context.Background(), spec, "3.0", Options{Root: dir, MaxFileSize: 4 << 30})
	if err == nil || !strings.Contains(err.Error(), "over the 256MB limit") {
		t.Fatalf("err = %v; want the hard limit", err)
	}
}

// TestRefChainCut checks that a long chain of local $refs is cut every
// maxRefChain links, each cut reported, and that the document loads. The
// cost this bounds is checked by the numbers in docs/security.md, not
// here: no timed assertions.
func TestRefChainCut(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/S0'}\ncomponents:\n  schemas:\n")
	for i := range n {
		b.WriteString("    S" + strconv.Itoa(i) + ": {$ref: '#/components/schemas/S" + strconv.Itoa(i+1) + "'}\n")
	}
	b.WriteString("    S" + strconv.Itoa(n) + ": {type: string}\n")
	d := loadText(t, "chain.yaml", []byte(b.String()), "3.0")
	reps := Repairs(d.T)
	if want := n / maxRefChain; len(reps) != want {
		t.Fatalf("%d repairs; want %d", len(reps), want)
	}
	// Si is n-i links from the end; the first cut, from the top of the
	// file, is the first Si whose distance is a multiple of maxRefChain.
	first := n % maxRefChain
	if r := reps[0]; r.Location.Line != 14+first || !strings.Contains(r.Message, "chain of") {
		t.Fatalf("first cut %+v; want line %d", r, 14+first)
	}
}

// TestMappingKeys checks the key counts the pre-scan finds, block and flow
// style, against what the text holds.
func TestMappingKeys(t *testing.T) {
	for _, c := range []struct {
		text  string
		pairs int64 // sum of the squares of the mappings' key counts
	}{
		{"a: 1\nb: 2\nc:\n  d: 1\n  e: [1, 2, {f: 1, g: 'x, y'}]\n", 9 + 4 + 4},
		{"- a: 1\n  b: 2\n- c: 3\n", 4 + 1},
		{"d: |\n  k: not a key\n  j: nor this\ne: 2 # f: 3\n", 4},
		{`{"a": {"b": 1, "c": "}, {"}, "d": [], "e": {}}`, 9 + 4},
		{"a:\n  b: {x: 1,\n     y: 2}\n  '/p/{id}:': 1\n", 1 + 4 + 4},
		{"# k: 1\n\"q: x\": 1\nr: 'it''s: x'\n", 4},
	} {
		if got := mappingKeys([]byte(c.text)); got.pairs != c.pairs {
			t.Errorf("%q: %d key pairs; want %d", c.text, got.pairs, c.pairs)
		}
	}
}

// TestManyKeysRefused checks that a mapping too large for the YAML
// parser's duplicate-key check (which compares every pair of keys: 100 000
// keys took 41 s) is refused with a problem naming the file and the line
// where the mapping's keys start, in YAML, JSON and a $ref'd file, and that a file just
// under the bound loads. The sizes show the bound without taking long.
func TestManyKeysRefused(t *testing.T) {
	const n = maxKeysOneMapping + 1
	head := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	var yml, js strings.Builder
	yml.WriteString(head + "x-big:\n")
	js.WriteString(`{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},` + "\n" + `"x-big": {`)
	for i := range n {
		yml.WriteString("  k" + strconv.Itoa(i) + ": 1\n")
		if i > 0 {
			js.WriteString(", ")
		}
		js.WriteString(`"k` + strconv.Itoa(i) + `": 1`)
	}
	js.WriteString("}}\n")
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("big.yaml", yml.String())
	write("big.json", js.String())
	write("ref.yaml", head+"components:\n  schemas:\n    S: {$ref: 'big.yaml#/x-big'}\n")
	for _, c := range []struct{ file, want string }{
		{"big.yaml", "big.yaml:5: big.yaml is not loaded: its mappings hold too many keys (the largest, at line 5, has 20001;"},
		{"big.json", "big.json:2: big.json is not loaded: its mappings hold too many keys (the largest, at line 2, has 20001;"},
		{"ref.yaml", "ref.yaml:6:9: big.yaml is not loaded: its mappings hold too many keys (the largest, at line 5, has 20001;"},
	} {
		_, err := Load(context.Background(), filepath.Join(dir, c.file), "3.0", Options{Root: dir})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: err = %v; want %q...", c.file, err, c.want)
		}
	}
	// 2 000 keys in each of 99 mappings measure under the bound (loading
	// them would take as long as the bound allows).
	var under strings.Builder
	under.WriteString(head)
	for m := range 99 {
		under.WriteString("x-m" + strconv.Itoa(m) + ":\n")
		for i := range 2000 {
			under.WriteString("  k" + strconv.Itoa(i) + ": 1\n")
		}
	}
	if c := mappingKeys([]byte(under.String())); c.pairs > maxKeyPairs {
		t.Fatalf("under the bound measures %d", c.pairs)
	}
}

// TestCorpusUnderKeyBound checks that the real descriptions of the shared
// corpus, Microsoft Graph included, are far under the key and depth bounds.
func TestCorpusUnderKeyBound(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/corpus/openapi/*/*")
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	var most int64
	for _, f := range files {
		if !HasExtension(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := mappingKeys(Decode(data))
		if c.depth > 40 {
			t.Errorf("%s: nests %d levels deep (line %d)", f, c.depth, c.depthLine)
		}
		if c.pairs > maxKeyPairs/4 {
			t.Errorf("%s: %d key pairs (largest mapping %d keys, line %d), within 4 times of the bound", f, c.pairs, c.largest, c.largestLine)
		}
		most = max(most, c.pairs)
	}
	t.Logf("%d files, at most %d key pairs (bound %d)", len(files), most, maxKeyPairs)
}

// TestDeepNestingRefused checks that a schema nested deeper than maxDepth
// levels (the rules' walks cost memory quadratic in the depth: 4 900
// levels took 715 MB) is refused with a problem naming the file and the
// line of the deepest element, in YAML and JSON, and that a schema
// nested as deep as the limit allows loads.
func TestDeepNestingRefused(t *testing.T) {
	head := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
	yml := func(levels int) string {
		var b strings.Builder
		b.WriteString(head + "    S:\n")
		ind := "      "
		for range levels {
			b.WriteString(ind + "properties:\n" + ind + "  p:\n")
			ind += "    "
		}
		b.WriteString(ind + "type: string\n")
		return b.String()
	}
	json := func(levels int) string {
		return `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"S":` +
			strings.Repeat(`{"properties": {"p":`, levels) + `{"type": "string"}` + strings.Repeat("}}", levels) + "}}}\n"
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		want       string // "" when it loads
	}{
		{"deep.yaml", yml(maxDepth / 2), "deep.yaml:" + strconv.Itoa(7+maxDepth) + ": deep.yaml is not loaded: it nests more than 500 levels deep"},
		{"ok.yaml", yml(maxDepth/2 - 3), ""},
		{"deep.json", json(maxDepth / 2), "deep.json:1: deep.json is not loaded: it nests more than 500 levels deep"},
		{"ok.json", json(maxDepth/2 - 2), ""},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(context.Background(), p, "3.0", Options{Root: dir})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: err = %v; want %q...", c.name, err, c.want)
		}
	}
}
