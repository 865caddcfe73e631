package oas402

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

// TestHostileDeepNestingWork checks that the rule's work grows linearly
// with the depth of a nested request schema that it has nothing to say
// about: four times the depth may not take more than six times the bytes.
// Work is counted, not timed.
func TestHostileDeepNestingWork(t *testing.T) {
	work := func(depth int) uint64 {
		doc := deepRequestSchema(depth)
		openapi.Schemas(doc) // shared walks, done once for every rule
		openapi.NewInputs(doc)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		n := 0
		pass := &lint.SpecPass{Rule: Rule, Doc: doc, Report: func(lint.Finding) { n++ },
			Locate: func(string, *openapi3.Origin, string) lint.Location { return lint.Location{} }}
		if err := Rule.Spec(pass); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if n != 0 {
			t.Fatalf("depth %d: %d findings on typed schemas", depth, n)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := work(200), work(800)
	t.Logf("depth 200: %d bytes, 800: %d", small, large)
	if large > 6*small+64<<10 { // slack for what the runtime allocates meanwhile
		t.Errorf("4 times the depth took %.1f times the bytes (%d, %d): the work is not linear", float64(large)/float64(small), small, large)
	}
}

// deepRequestSchema is a document whose one operation takes a request
// body nested depth objects deep, every schema typed.
func deepRequestSchema(depth int) *openapi3.T {
	s := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}}
	for i := range depth {
		s = &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"},
			Properties: openapi3.Schemas{"p" + strconv.Itoa(i): s, "n": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}}}}}}
	}
	op := &openapi3.Operation{Responses: openapi3.NewResponses(),
		RequestBody: &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Content: openapi3.Content{"application/json": {Schema: s}}}}}
	paths := openapi3.NewPaths()
	paths.Set("/a", &openapi3.PathItem{Post: op})
	return &openapi3.T{OpenAPI: "3.0.3", Paths: paths}
}

// TestExposure checks the bounds criterion: an untyped field that anyone may
// send is a warning, one that only authenticated callers send a note.
func TestExposure(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/exposure.yaml")
	want := map[string]lint.Severity{".rating": lint.SeverityDefault, ".note": lint.SeverityNote}
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(findings), len(want), findings)
	}
	for _, f := range findings {
		for field, sev := range want {
			if strings.Contains(f.Message, field+" has no type") && f.Severity != sev {
				t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
			}
		}
	}
}
