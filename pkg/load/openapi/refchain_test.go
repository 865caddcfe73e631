package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestRefOwners checks the pointers and values the text scan reads for
// $refs written in the ways YAML and JSON allow, and that it gives up on
// text it does not follow rather than miss a $ref.
func TestRefOwners(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // owner + " -> " + target; nil with ok false
		ok   bool
	}{
		{"a:\n  b:\n    $ref: '#/x'\n  c: {$ref: \"#/y\", description: d}\n", []string{"/a/b -> #/x", "/a/c -> #/y"}, true},
		{"allOf:\n- $ref: '#/a'\n- type: object\n  properties:\n    p: {$ref: '#/b'}\n- {$ref: '#/c'}\nnext:\n  $ref: '#/d' # comment\n",
			[]string{"/allOf/0 -> #/a", "/allOf/1/properties/p -> #/b", "/allOf/2 -> #/c", "/next -> #/d"}, true},
		{"d: |\n  $ref: '#/not'\ne: \"multi\n  $ref: '#/not' \"\nf:\n  \"$ref\": \"#/f\"\n  '$ref': '#/g'\n", []string{"/f -> #/f", "/f -> #/g"}, true},
		{`{"a": {"b": [{"$ref": "#/x"}, {"c": {"\u0024ref": "#/y"}}]}}`, []string{"/a/b/0 -> #/x", "/a/b/1/c -> #/y"}, true},
		{"a:\n  b: {x: [1, 2],\n     c: {\n       $ref: '#/z'}}\n  'k''s': {$ref: a.yaml#/p}\n", []string{"/a/b/c -> #/z", "/a/k's -> a.yaml#/p"}, true},
		{"---\na:\n    - - $ref: '#/x'\n---\nb: {$ref: '#/second'}\n", []string{"/a/0/0 -> #/x"}, true},
		{"a: &anchor {$ref: '#/x'}\nb: *anchor\n", nil, false},
		{"a: !!map {$ref: '#/x'}\nb: !custom {$ref: '#/y'}\n", nil, false},
		{"a: {$ref: >-\n  '#/x'}\n", nil, false},
		{"properties:\n  $ref: !!map\n    type: string\n  p:\n    $ref:\n      type: object\n", nil, true},
		{"? a\n: {$ref: '#/x'}\n", nil, false},
		{"a:\n  $ref:\n    '#/x'\n", nil, false},
		{"a:\n  $ref: \"#/x\n    y\"\nb:\n  $ref: \"#/lo\\\n    ng\"\nc:\n  $ref: >-\n    #/folded\n    block\nd: {$ref: '#/fl\n  ow'}\n",
			[]string{"/a -> #/x y", "/b -> #/long", "/c -> #/folded block", "/d -> #/fl ow"}, true},
		{"a:\n  $ref: \"#/x\n\n    y\"\n", nil, false},
		{"a: {\"b\n c\": {$ref: '#/x'}}\n", nil, false},
	} {
		got, ok := refOwners([]byte(c.text))
		if ok != c.ok {
			t.Errorf("%q: ok = %v; want %v", c.text, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		var s []string
		for _, r := range got {
			s = append(s, r.owner+" -> "+r.target)
		}
		if !slices.Equal(s, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.text, s, c.want)
		}
	}
}

// TestRefOwnersAgreeOnCorpus checks, on every description of the shared
// corpus, that the text scan reads the same $refs at the same owners as a
// parse of the text does, and that none of them is parsed for the chain
// check: their chains are short.
func TestRefOwnersAgreeOnCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/corpus/openapi/*/*")
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	var mostRefs, longest, unsure int
	for _, f := range files {
		if !HasExtension(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = Decode(data)
		if strings.HasSuffix(f, ".json") {
			if b, _, ok := toBlock(data); ok {
				data = b
			}
		}
		if needsChainParse(data) {
			t.Errorf("%s: parsed for the chain check", f)
		}
		got, ok := refOwners(data)
		if !ok {
			unsure++
			t.Logf("%s: not followed by the text scan", f)
			continue
		}
		mostRefs = max(mostRefs, len(got))
		next := textLinks(got)
		for _, h := range chainHops(next) {
			longest = max(longest, h)
		}
		if len(data) > 8<<20 || testing.Short() {
			continue // Graph: the parse below takes a gigabyte
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			continue
		}
		var want []string
		for _, r := range collectRefs(&doc) {
			if !r.mapping {
				want = append(want, Pointer(r.path...)+" -> "+r.value.Value)
			}
		}
		var have []string
		for _, r := range got {
			have = append(have, r.owner+" -> "+r.target)
		}
		slices.Sort(want)
		slices.Sort(have)
		if !slices.Equal(want, have) {
			for i := range min(len(want), len(have)) {
				if want[i] != have[i] {
					t.Errorf("%s: %d $refs read from the text, %d parsed; first difference %q, parsed %q", f, len(have), len(want), have[i], want[i])
					break
				}
			}
			if len(want) != len(have) {
				t.Errorf("%s: %d $refs read from the text, %d parsed", f, len(have), len(want))
			}
		}
	}
	t.Logf("%d files: at most %d $refs in one file, the longest chain %d links (cut at %d), %d not followed", len(files), mostRefs, longest, maxRefChain, unsure)
}

func textLinks(refs []textRef) []int {
	owners := map[string]int{}
	for i, r := range refs {
		owners[r.owner] = i
	}
	next := make([]int, len(refs))
	for i, r := range refs {
		next[i] = -1
		if j, ok := owners[localTarget(r.target)]; ok && strings.HasPrefix(r.target, "#") {
			next[i] = j
		}
	}
	return next
}

// TestPaddedRefChainCut checks that chains the text scan finds are cut
// however far apart their links are written: a $ref beside a long
// description (kin-openapi follows it all the same), links separated by
// other schemas, and a chain written in JSON.
func TestPaddedRefChainCut(t *testing.T) {
	const n = 200
	pad := strings.Repeat("padding ", 40)
	head := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
	var sib, apart strings.Builder
	sib.WriteString(head)
	apart.WriteString(head)
	js := []string{}
	for i := range n {
		next := "'#/components/schemas/S" + strconv.Itoa(i+1) + "'"
		sib.WriteString("    S" + strconv.Itoa(i) + ":\n      description: " + pad + "\n      $ref: " + next + "\n")
		apart.WriteString("    S" + strconv.Itoa(i) + ": {$ref: " + next + "}\n    P" + strconv.Itoa(i) + ":\n      description: " + pad + "\n")
		js = append(js, `"S`+strconv.Itoa(i)+`": {"description": "`+pad+`", "$ref": "#/components/schemas/S`+strconv.Itoa(i+1)+`"}`)
	}
	tail := "    S" + strconv.Itoa(n) + ": {type: string}\n"
	sib.WriteString(tail)
	apart.WriteString(tail)
	js = append(js, `"S`+strconv.Itoa(n)+`": {"type": "string"}`)
	doc := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {` + strings.Join(js, ",\n") + "}}}\n"
	for name, text := range map[string]string{"sibling.yaml": sib.String(), "apart.yaml": apart.String(), "chain.json": doc} {
		if !needsChainParse([]byte(text)) && !strings.HasSuffix(name, ".json") {
			t.Errorf("%s: the text scan finds no chain", name)
		}
		d := loadText(t, name, []byte(text), "3.0")
		reps := Repairs(d.T)
		if len(reps) != n/maxRefChain {
			t.Errorf("%s: %d repairs; want %d", name, len(reps), n/maxRefChain)
			continue
		}
		for _, r := range reps {
			if !strings.Contains(r.Message, "starts a chain of") || r.Location.Line == 0 {
				t.Errorf("%s: repair %+v", name, r)
			}
		}
	}
	// A chain as long as the bound is left alone, without a parse.
	var b strings.Builder
	b.WriteString(head)
	for i := range maxRefChain {
		b.WriteString("    S" + strconv.Itoa(i) + ":\n      description: " + pad + "\n      $ref: '#/components/schemas/S" + strconv.Itoa(i+1) + "'\n")
	}
	b.WriteString("    S" + strconv.Itoa(maxRefChain) + ": {type: string}\n")
	if needsChainParse([]byte(b.String())) {
		t.Error("a chain of maxRefChain links is parsed")
	}
	if reps := Repairs(loadText(t, "bound.yaml", []byte(b.String()), "3.0").T); len(reps) != 0 {
		t.Errorf("a chain of maxRefChain links is cut: %+v", reps)
	}
}

// TestRefChainThroughFiles checks that a chain whose links alternate
// between two files (which no file's own cut can break: kin-openapi has
// read the first file when the second is read) is refused with a problem
// naming the $ref that starts it, and that a short one loads.
func TestRefChainThroughFiles(t *testing.T) {
	for _, n := range []int{maxRefChain / 2, 200} {
		dir := t.TempDir()
		var a, b strings.Builder
		a.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n")
		for i := range n {
			a.WriteString("    S" + strconv.Itoa(i) + ": {$ref: 'b.yaml#/T" + strconv.Itoa(i) + "'}\n")
			b.WriteString("T" + strconv.Itoa(i) + ":\n  description: d\n  $ref: 'a.yaml#/components/schemas/S" + strconv.Itoa(i+1) + "'\n")
		}
		a.WriteString("    S" + strconv.Itoa(n) + ": {type: string}\n")
		if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(a.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(t.Context(), filepath.Join(dir, "a.yaml"), "3.0", Options{Root: dir})
		if n < maxRefChain {
			if err != nil {
				t.Errorf("a chain of %d links through files: %v", 2*n, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "a.yaml is not loaded: $ref b.yaml#/T0 at a.yaml:6 starts a chain of 400 $refs") {
			t.Errorf("a chain of %d links through files: %v", 2*n, err)
		}
	}
}
