package openapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func load(t *testing.T, path string, opts Options) *Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := Sniff(data)
	if !ok {
		t.Fatalf("%s: not sniffed as OpenAPI", path)
	}
	if opts.Root == "" {
		opts.Root = "testdata"
	}
	d, err := Load(context.Background(), path, v, opts)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return d
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, data, version string
	}{
		{"yaml 3.0", "openapi: 3.0.3\ninfo: {}\n", "3.0"},
		{"yaml 3.1 quoted", "# comment\n\"openapi\": '3.1.0'\n", "3.1"},
		{"yaml 2.0", "info: {}\nswagger: \"2.0\" # old\n", "2.0"},
		{"json 3.0", `{"openapi": "3.0.0", "info": {}}`, "3.0"},
		{"json swagger last", `{"definitions": {"a": {}}, "swagger": "2.0"}`, "2.0"},
		{"json nested key only", `{"properties": {"openapi": {"type": "string"}}}`, ""},
		{"yaml nested key only", "kind: Pod\nspec:\n  openapi: 3.0.0\n", ""},
		{"broken json naming swagger", `{"swagger": "2.0", "paths": {`, "2.0"},
		{"openapi 4 is not ours", "openapi: 4.0.0\n", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := Sniff([]byte(tc.data))
			if v != tc.version || ok != (tc.version != "") {
				t.Errorf("Sniff = %q, %v; want %q", v, ok, tc.version)
			}
		})
	}
}

func TestPointer(t *testing.T) {
	p := Pointer("paths", "/pets/{id}", "get", "a~b")
	if want := "/paths/~1pets~1{id}/get/a~0b"; p != want {
		t.Fatalf("Pointer = %q, want %q", p, want)
	}
	if got := Split(p); strings.Join(got, "|") != "paths|/pets/{id}|get|a~b" {
		t.Fatalf("Split = %q", got)
	}
}

// TestSwagger2Positions proves that findings on a Swagger 2.0 document,
// whose elements are checked in the OpenAPI 3 model, point at the line
// written in the original file, in YAML and in JSON.
func TestSwagger2Positions(t *testing.T) {
	cases := []struct {
		ptr, field     string
		yaml, json     [2]int // line, column
		wantWrittenPtr string
	}{
		{"/paths/~1pets/post", "", [2]int{16, 5}, [2]int{24, 7}, "/paths/~1pets/post"},
		// parameters[1] in the 3 model is dry_run: the body parameter before
		// it became the request body.
		{"/paths/~1pets/post/parameters/1", "", [2]int{23, 11}, [2]int{36, 11}, "/paths/~1pets/post/parameters/2"},
		{"/paths/~1pets/post/parameters/0", "", [2]int{22, 11}, [2]int{33, 11}, "/paths/~1pets/post/parameters/1"},
		{"/components/parameters/token", "in", [2]int{12, 5}, [2]int{18, 7}, "/parameters/token"},
		{"/paths/~1pets/post/requestBody", "", [2]int{18, 11}, [2]int{26, 11}, "/paths/~1pets/post/parameters/0"},
		{"/paths/~1pets/post/requestBody/content/application~1json/schema", "", [2]int{20, 11}, [2]int{29, 13}, "/paths/~1pets/post/parameters/0/schema"},
		{"/paths/~1pets/post/responses/200/content/application~1json/schema", "", [2]int{29, 11}, [2]int{45, 13}, "/paths/~1pets/post/responses/200/schema"},
		{"/components/schemas/Pet/properties/name", "", [2]int{35, 7}, [2]int{57, 9}, "/definitions/Pet/properties/name"},
		{"/components/securitySchemes/key", "in", [2]int{7, 5}, [2]int{11, 7}, "/securityDefinitions/key"},
		{"/servers/0", "", [2]int{3, 1}, [2]int{7, 3}, "/host"},
		// An element the converted model has and the file lacks is placed at
		// its nearest written ancestor.
		{"/paths/~1pets/post/responses/200/content/application~1json/schema/properties/ghost", "", [2]int{29, 11}, [2]int{45, 13}, "/paths/~1pets/post/responses/200/schema/properties/ghost"},
	}
	for _, file := range []string{"v20.yaml", "v20.json"} {
		d := load(t, filepath.Join("testdata", file), Options{})
		if d.Version != "2.0" || d.T.Paths.Value("/pets").Post == nil {
			t.Fatalf("%s: not converted (version %q)", file, d.Version)
		}
		for _, tc := range cases {
			want := tc.yaml
			if strings.HasSuffix(file, ".json") {
				want = tc.json
			}
			loc := d.Locate(tc.ptr, nil, tc.field)
			if loc.File != file || loc.Line != want[0] || loc.Column != want[1] || loc.Pointer != tc.wantWrittenPtr {
				t.Errorf("%s: Locate(%s, %q) = %s %s; want %s:%d:%d %s", file, tc.ptr, tc.field,
					loc, loc.Pointer, file, want[0], want[1], tc.wantWrittenPtr)
			}
		}
	}
}

// TestMultiFile checks that elements written in referenced files are located
// in those files, and that a schema reached through several $refs is listed
// once, at its definition.
func TestMultiFile(t *testing.T) {
	d := load(t, filepath.Join("testdata", "multi", "api.yaml"), Options{})
	if d.File != "multi/api.yaml" {
		t.Errorf("File = %q", d.File)
	}
	ops := Operations(d.T)
	if len(ops) != 2 || ops[0].Method != "post" || ops[1].Path != "/pets/{id}" {
		t.Fatalf("Operations = %+v", ops)
	}
	if loc := d.Locate(ops[0].Pointer, ops[0].Op.Origin, ""); loc.File != "multi/paths.yaml" || loc.Line != 7 || loc.Column != 3 {
		t.Errorf("post /pets located at %s, want multi/paths.yaml:7:3", loc)
	}
	params := Parameters(d.T)
	if len(params) != 1 || params[0].Pointer != "/id" {
		t.Fatalf("Parameters = %+v", params)
	}
	if loc := d.Locate(params[0].Pointer, params[0].Origin, "in"); loc.File != "multi/paths.yaml" || loc.Line != 3 {
		t.Errorf("parameter id located at %s, want multi/paths.yaml:3", loc)
	}

	var pets []*Schema
	for _, s := range Schemas(d.T) {
		if s.Pointer == "/Pet" {
			pets = append(pets, s)
		}
	}
	if len(pets) != 1 {
		t.Fatalf("Pet listed %d times, want once", len(pets))
	}
	pet := pets[0]
	if pet.Uses != Request|Response {
		t.Errorf("Pet uses = %b, want request and response", pet.Uses)
	}
	if loc := d.Locate(pet.Pointer, pet.Origin(), ""); loc.File != "multi/schemas.yaml" || loc.Line != 1 {
		t.Errorf("Pet located at %s, want multi/schemas.yaml:1", loc)
	}
	var items int
	for _, s := range Schemas(d.T) {
		if s.Pointer == "/Pet/properties/tags/items" {
			items++
			if loc := d.Locate(s.Pointer, s.Origin(), ""); loc.File != "multi/schemas.yaml" || loc.Line != 8 {
				t.Errorf("tags items located at %s, want multi/schemas.yaml:8", loc)
			}
		}
	}
	if items != 1 {
		t.Errorf("tags items listed %d times, want once", items)
	}
	// The root security has no origin of its own: it is found in the file.
	if loc := d.Locate("/security", nil, ""); loc.File != "multi/api.yaml" || loc.Line != 3 {
		t.Errorf("/security located at %s, want multi/api.yaml:3", loc)
	}
}

func TestRemoteRefs(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprintln(w, "Thing: {type: string, maxLength: 10}")
	}))
	defer srv.Close()
	dir := t.TempDir()
	spec := filepath.Join(dir, "api.yaml")
	doc := "openapi: 3.0.3\ninfo: {title: R, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '" + srv.URL + "/things.yaml#/Thing'\n"
	if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(context.Background(), spec, "3.0", Options{Root: dir})
	var p *lint.Problem
	if !errors.As(err, &p) || !strings.Contains(p.Message, "--allow-remote-refs") || p.File != "api.yaml" {
		t.Fatalf("Load without --allow-remote-refs: %v; want a problem naming the flag", err)
	}
	if hits.Load() != 0 {
		t.Fatalf("the server was contacted %d times without --allow-remote-refs", hits.Load())
	}
	if _, err := Load(context.Background(), spec, "3.0", Options{Root: dir, AllowRemoteRefs: true}); err != nil {
		t.Fatalf("Load with AllowRemoteRefs: %v", err)
	}
	if hits.Load() == 0 {
		t.Fatal("AllowRemoteRefs did not fetch the $ref")
	}
}

func TestRefLeavingRoot(t *testing.T) {
	root := filepath.Join("testdata", "escape", "root")
	_, err := Load(context.Background(), filepath.Join(root, "api.yaml"), "3.0", Options{Root: root})
	if err == nil || !strings.Contains(err.Error(), "leaves the scan root") || !strings.Contains(err.Error(), "api.yaml") {
		t.Fatalf("err = %v; want a refusal naming the file", err)
	}
	// With the parent as root the same document loads.
	if _, err := Load(context.Background(), filepath.Join(root, "api.yaml"), "3.0", Options{Root: filepath.Join("testdata", "escape")}); err != nil {
		t.Fatalf("inside the root: %v", err)
	}
}

func TestParseErrorHasLine(t *testing.T) {
	_, err := Load(context.Background(), filepath.Join("testdata", "broken.yaml"), "3.0", Options{Root: "testdata"})
	var p *lint.Problem
	if !errors.As(err, &p) {
		t.Fatalf("err = %v, want *lint.Problem", err)
	}
	if p.File != "broken.yaml" || p.Line != 5 || strings.Contains(p.Error(), "\n") {
		t.Fatalf("problem = %q; want one line at broken.yaml:5", p.Error())
	}
}

func TestIgnores(t *testing.T) {
	d := load(t, filepath.Join("testdata", "ignores.yaml"), Options{})
	igs := d.Ignores()
	if len(igs) != 4 {
		t.Fatalf("got %d ignores, want 4: %+v", len(igs), igs)
	}
	root, op, bare, typo := igs[0], igs[1], igs[2], igs[3]
	if root.Scope != "" || root.Rule != "OAS5*" || root.Reason == "" || root.At.Line != 3 {
		t.Errorf("root ignore = %+v", root)
	}
	if op.Scope != "/paths/~1health/get" || op.Rule != "OAS101" || op.At.Line != 9 {
		t.Errorf("operation ignore = %+v", op)
	}
	if bare.Rule != "OAS102" || bare.Reason != "" || bare.Err != "" {
		t.Errorf("bare ignore = %+v", bare)
	}
	if typo.Err == "" {
		t.Errorf("an entry with an unknown key should be malformed: %+v", typo)
	}
	in := lint.Finding{Location: lint.Location{Pointer: "/paths/~1health/get/responses"}}
	out := lint.Finding{Location: lint.Location{Pointer: "/paths/~1healthz/get"}}
	if !op.Covers(in) || op.Covers(out) || !root.Covers(out) {
		t.Error("Covers does not follow the element's pointer prefix")
	}
}

// TestMissingRefHasPosition checks that a $ref to a file that is not there
// is a finding at the $ref, its line and, in JSON written on one line, its
// column, and that the rest of the document is still loaded.
func TestMissingRefHasPosition(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "api.json")
	doc := `{"openapi":"3.0.3","info":{"title":"R","version":"1"},"paths":{"/x":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"models/missing.yml"}}}}}}}}}`
	if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(context.Background(), spec, "3.0", Options{Root: dir})
	if err != nil {
		t.Fatalf("Load: %v; want the document loaded", err)
	}
	if d.T.Paths.Find("/x") == nil {
		t.Fatal("the path /x was lost")
	}
	reps := Repairs(d.T)
	want := strings.Index(doc, `"$ref"`) + 1 // 1-based, at the key
	if len(reps) != 1 {
		t.Fatalf("repairs = %+v; want one", reps)
	}
	r := reps[0]
	if r.Location.File != "api.json" || r.Location.Line != 1 || r.Location.Column != want || !strings.Contains(r.Message, "models/missing.yml, which does not exist") {
		t.Fatalf("repair = %q at %+v; want api.json:1:%d naming models/missing.yml", r.Message, r.Location, want)
	}
}

// TestMissingRefUnderLinkedRoot: a $ref to a file that does not exist,
// under a scan root reached through a symbolic link, fails as it does
// under the real root, not as a path that leaves the root.
func TestMissingRefUnderLinkedRoot(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	doc := "openapi: 3.0.3\ninfo: {title: R, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: 'models/missing.yaml#/Thing'\n"
	if err := os.WriteFile(filepath.Join(real, "api.yaml"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, viaReal := Load(context.Background(), filepath.Join(real, "api.yaml"), "3.0", Options{Root: real})
	_, viaLink := Load(context.Background(), filepath.Join(link, "api.yaml"), "3.0", Options{Root: link})
	if viaLink != nil && strings.Contains(viaLink.Error(), "leaves the scan root") {
		t.Fatalf("through the link: %v; want what the real root gives: %v", viaLink, viaReal)
	}
	if (viaReal == nil) != (viaLink == nil) {
		t.Fatalf("real root: %v; linked root: %v", viaReal, viaLink)
	}
}

// TestBadDataRepairedInside: a path item that kin-openapi cannot decode
// because of a schema keyword of the wrong shape deep inside (items
// written as a list) loads with its operation, and the repair is at that
// keyword, not at the path item's $ref.
func TestBadDataRepairedInside(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "api.yaml")
	doc := `openapi: 3.1.0
info: {title: R, version: "1"}
paths:
  /rpc:
    $ref: '#/components/pathItems/rpc'
components:
  pathItems:
    rpc:
      post:
        requestBody:
          content:
            application/json:
              schema:
                type: array
                items:
                  - {type: string}
                  - {type: integer}
        responses:
          "200": {description: ok}
`
	if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(context.Background(), spec, "3.1", Options{Root: dir})
	if err != nil {
		t.Fatalf("Load: %v; want the document loaded", err)
	}
	if p := d.T.Paths.Find("/rpc"); p == nil || p.Post == nil {
		t.Fatal("the operation post /rpc was lost")
	}
	reps := Repairs(d.T)
	if len(reps) != 1 || reps[0].Location.Line != 16 || !strings.Contains(reps[0].Message, "items must be a schema (a mapping), found a list") {
		t.Fatalf("repairs = %+v; want one, at the items list on line 16", reps)
	}
}

// TestV2SchemaValueRepaired: a Swagger 2.0 document with values where a
// schema belongs (items written as a list, a property given as a string,
// a string among allOf's schemas), which kin-openapi refuses without
// saying where, loads with its operations; each value is a repair at its
// own place, and an example that holds the same shapes is left alone.
func TestV2SchemaValueRepaired(t *testing.T) {
	doc := `{
 "swagger": "2.0",
 "info": {"title": "R", "version": "1"},
 "paths": {"/msgs": {"get": {"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/msg"}}}}}},
 "definitions": {
  "msg": {
   "type": "object",
   "properties": {
    "latest": {"type": "array", "items": [{"type": "string"}, {"type": "null"}]},
    "note": "free text",
    "sample": {"type": "object", "example": {"items": ["a", "b"]}}
   }
  },
  "both": {"allOf": [{"$ref": "#/definitions/msg"}, "extra"]}
 }
}`
	d := loadText(t, "api.json", []byte(doc), "2.0")
	if p := d.T.Paths.Find("/msgs"); p == nil || p.Get == nil {
		t.Fatal("the operation get /msgs was lost")
	}
	var got []string
	for _, r := range Repairs(d.T) {
		got = append(got, fmt.Sprintf("%d %s %s", r.Location.Line, r.Location.Pointer, r.Message))
	}
	slices.Sort(got)
	want := []string{
		`10 /definitions/msg/properties/note note of schema msg must be a schema (a mapping), found "free text" (a string): the value is ignored`,
		`14 /definitions/both/allOf/1 item 1 of allOf of schema both must be a schema (a mapping), found "extra" (a string): the item is ignored`,
		`9 /definitions/msg/properties/latest/items items of schema msg property latest must be a schema (a mapping), found a list (a draft-4 tuple; OpenAPI 3.1 writes it as prefixItems, and 3.0 has no tuples): the value is ignored`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("repairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBadDataInReferencedSchema: a $ref from a schema to a top-level key
// of another file whose schema kin-openapi cannot decode (items written as
// a list below an allOf) loads with its operation; the repair is at that
// items, in the other file.
func TestBadDataInReferencedSchema(t *testing.T) {
	dir := t.TempDir()
	api := `openapi: 3.1.0
info: {title: R, version: "1"}
paths:
  /rpc:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: bodies.yaml#/getBlock
      responses:
        "200": {description: ok}
`
	bodies := `common:
  type: object
getBlock:
  allOf:
    - $ref: '#/common'
    - type: object
      properties:
        params:
          type: array
          maxItems: 1
          items:
            - {type: string}
`
	d := loadFiles(t, dir, "3.1", map[string]string{"api.yaml": api, "bodies.yaml": bodies})
	if p := d.T.Paths.Find("/rpc"); p == nil || p.Post == nil {
		t.Fatal("the operation post /rpc was lost")
	}
	reps := Repairs(d.T)
	if len(reps) != 1 || reps[0].Location.File != "bodies.yaml" || reps[0].Location.Line != 12 || !strings.Contains(reps[0].Message, "must be a schema (a mapping), found a list") {
		t.Fatalf("repairs = %+v; want one, at the items list of bodies.yaml line 12", reps)
	}
}

// TestExampleRefToSchema: media-type examples that refer to schemas (an
// Example Object belongs there) are repaired in one sweep, however many,
// and the operations load; a schema's own examples list is not read as
// Example Objects.
func TestExampleRefToSchema(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.1.0\ninfo: {title: R, version: \"1\"}\npaths:\n")
	for i := range 12 {
		fmt.Fprintf(&b, "  /p%d:\n    get:\n      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/page'}\n              examples:\n                full: {$ref: '#/components/schemas/page_example'}\n", i)
	}
	b.WriteString("components:\n  schemas:\n    page:\n      type: object\n      examples:\n        - {next: abc}\n    page_example:\n      value: {next: abc}\n")
	d := loadText(t, "api.yaml", []byte(b.String()), "3.1")
	if p := d.T.Paths.Find("/p11"); p == nil || p.Get == nil {
		t.Fatal("the operation get /p11 was lost")
	}
	reps := Repairs(d.T)
	if len(reps) != 12 {
		t.Fatalf("repairs = %d (%+v); want 12, one for each example", len(reps), reps)
	}
	for _, r := range reps {
		if !strings.Contains(r.Message, "$ref #/components/schemas/page_example leads to a schema where an example belongs: the element is ignored") {
			t.Fatalf("repair = %q", r.Message)
		}
	}
}

// TestFragmentKeyNamedLikeAField: a file of fragments whose top-level keys
// are named like a document's fields (webhooks, tags), which kin-openapi
// would take for the fields, loads: both path items are there, and nothing
// is reported, because nothing in the document is wrong.
func TestFragmentKeyNamedLikeAField(t *testing.T) {
	dir := t.TempDir()
	api := `openapi: 3.0.3
info: {title: R, version: "1"}
paths:
  /webhooks:
    $ref: "paths/hooks.yaml#/webhooks"
  /tags/{id}:
    $ref: 'paths/hooks.yaml#/tags/one'
`
	hooks := `webhooks:
  get:
    responses:
      "200": {description: the webhooks}
tags:
  one:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: a tag}
`
	d := loadFiles(t, dir, "3.0", map[string]string{"api.yaml": api, "paths/hooks.yaml": hooks})
	for _, p := range []string{"/webhooks", "/tags/{id}"} {
		if item := d.T.Paths.Find(p); item == nil || item.Get == nil {
			t.Fatalf("the operation get %s was lost", p)
		}
	}
	if reps := Repairs(d.T); len(reps) != 0 {
		t.Fatalf("repairs = %+v; want none", reps)
	}
}

// loadFiles writes files (by path under dir) and loads dir/api.yaml, which
// must load.
func loadFiles(t *testing.T, dir, version string, files map[string]string) *Document {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Load(context.Background(), filepath.Join(dir, "api.yaml"), version, Options{Root: dir})
	if err != nil {
		t.Fatalf("Load: %v; want the document loaded", err)
	}
	return d
}
