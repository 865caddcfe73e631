package oas201

import (
	"runtime"
	"strconv"
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

// TestParameters checks the parameters option: query and cookie strings are
// reported, as notes; path and header strings still are not.
func TestParameters(t *testing.T) {
	defer func(o Options) { options = o }(options)
	options.Parameters = true
	ruletest.Run(t, Rule, "testdata/options/params.yaml")
	findings, _ := ruletest.Findings(t, Rule, "testdata/options/params.yaml")
	for _, f := range findings {
		if f.Severity != lint.SeverityNote {
			t.Errorf("%s: severity %v, want note", f.Message, f.Severity)
		}
	}
}

// TestGrades checks the grading of body strings: free text is a warning;
// identifiers, limits stated in prose and generated copies are notes.
func TestGrades(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/tickets request body .description": lint.SeverityWarning,
		"post /v1/tickets request body .customer_id": lint.SeverityNote,
		"post /v1/tickets request body .comment":     lint.SeverityNote,
		"put /v1/tickets/{id} request body":          lint.SeverityNote,
	}, "testdata/grades.yaml")
}

// TestExposure checks the criterion of docs/precision.md: free text is a
// warning only where anyone may send it (an operation that needs no
// credentials, in a document that declares authentication); what only
// authenticated callers send, or what a document without authentication
// takes, is a note that says why.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"post /v1/notes request body .comment":    lint.SeverityNote,
		"post /v1/feedback request body .message": lint.SeverityWarning,
	}, "testdata/exposure.yaml", "testdata/undeclared.yaml", "testdata/unwritten.yaml", "testdata/rootoff.yaml")
}

// TestHostileDeepNestingWork checks that the rule's work grows linearly
// with the depth of a nested request schema whose strings are all
// bounded: doubling the depth may not quadruple the bytes it allocates
// (it did when every string's path was split into words, for OAS505's
// claim, before its bound was checked). Work is counted, not timed.
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
			t.Fatalf("depth %d: %d findings on bounded strings", depth, n)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := work(200), work(800)
	t.Logf("depth 200: %d bytes, 800: %d", small, large)
	if large > 6*small+64<<10 { // slack for what the runtime allocates meanwhile
		t.Errorf("4 times the depth took %.1f times the bytes (%d, %d): the work is not linear", float64(large)/float64(small), small, large)
	}
}

// deepRequestSchema is a document whose one operation, open to anyone,
// takes a request body nested depth objects deep, each with a bounded
// description.
func deepRequestSchema(depth int) *openapi3.T {
	str := func() *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, MaxLength: openapi3.Ptr(uint64(200))}}
	}
	s := str()
	for i := range depth {
		s = &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"},
			Properties: openapi3.Schemas{"p" + strconv.Itoa(i): s, "description": str()}}}
	}
	op := &openapi3.Operation{Security: &openapi3.SecurityRequirements{}, Responses: openapi3.NewResponses(),
		RequestBody: &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Content: openapi3.Content{"application/json": {Schema: s}}}}}
	paths := openapi3.NewPaths()
	paths.Set("/a", &openapi3.PathItem{Post: op})
	return &openapi3.T{OpenAPI: "3.0.3", Paths: paths, Security: openapi3.SecurityRequirements{{"k": {}}},
		Components: &openapi3.Components{SecuritySchemes: openapi3.SecuritySchemes{"k": {Value: &openapi3.SecurityScheme{Type: "apiKey", In: "header", Name: "X"}}}}}
}
