// Package oas205 defines rule OAS205: a file upload with no size limit.
package oas205

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are OAS205's settings.
type Options struct {
	// SizeExtensions are the extensions that document an upload's size
	// limit, in bytes, when written on the file's schema, the media type,
	// the request body or the operation. Spelling is not significant:
	// x-max-size also matches x-maxSize. Default: x-max-size,
	// x-max-file-size, x-max-upload-size, x-max-body-size,
	// x-max-content-length.
	SizeExtensions []string `yaml:"size-extensions"`
}

var options = Options{
	SizeExtensions: []string{"x-max-size", "x-max-file-size", "x-max-upload-size", "x-max-body-size", "x-max-content-length"},
}

var Rule = &lint.Rule{
	ID:   "OAS205",
	Name: "unbounded-upload",
	Doc: lint.Doc{
		Title: "File upload has no size limit",
		Summary: "A request takes a file — a binary body (application/octet-stream, image/*, application/pdf…), " +
			"a format: binary or contentMediaType part of a multipart form, a Swagger 2.0 type: file " +
			"parameter — and declares no size limit.",
		Why: `Uploads are the largest thing a client sends, and the easiest to make
larger: a 4 GB video where a 2 MB avatar was expected, a zip bomb, a PDF of
ten thousand pages that is then rendered, scanned, thumbnailed or sent to a
model for OCR. Without a declared limit the server learns the size only by
reading the whole stream, and every step behind it (virus scan, conversion,
storage, embedding) pays for it (OWASP API4:2023).

Agents upload what they are handed — a user's folder, a generated
document, the output of another tool — and have no idea of a sensible size
unless the API states one. A stated limit lets them check before they
start a slow transfer that will fail.

A file is bounded by maxLength on its binary string (bytes), by one of the
size extensions (see the size-extensions option; e.g. x-max-size: 10485760)
on the file's schema, the media type, the request body or the operation, or
by a Content-Length header parameter with a maximum. Base64 strings in JSON
(format: byte) are strings, which OAS201 checks; downloads (responses) are
not reported.`,
		Fix: "declare the largest accepted size: maxLength on the binary string, or an x-max-size extension",
		Bad: `paths:
  /v1/files:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}`,
		Good: `paths:
  /v1/files:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary, maxLength: 10485760}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		NoteOnly:  "none of its 22 findings judged on real projects was worth acting on; rules.severity sets another level",
		Precision: "medium",
		Grades: `- **warning**: an upload without a size limit that anyone may send, because it is in an operation whose own requirement is [] or that has an empty {} alternative, in a document that declares authentication.
- **note**, with the reason in the message: the same upload where only authenticated callers send it (they are accountable and under the service's own limits, which documents rarely repeat), or in a document that declares no authentication at all or writes no requirement for the operation, or only a top-level security: [] or authentication optional throughout (every requirement the document writes offers an empty {} beside real schemes, as E2B's envd; judged noise, 0 of 5 at warning across OAS202, OAS203 and OAS205) (who may send it is unknown).`,
		CWE:   []int{400, 770},
		OWASP: []string{"API4:2023", "LLM10:2025"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

func run(pass *lint.SpecPass) error {
	exts := openapi.NameKeys(options.SizeExtensions)
	sized := func(ext map[string]any) bool {
		for k := range ext {
			if exts[openapi.NameKey(k)] {
				return true
			}
		}
		return false
	}
	// Where schemas are defined is looked up only once a file is found:
	// most documents take none.
	var defs map[*openapi3.Schema]*openapi.Schema
	def := func(s *openapi3.Schema) *openapi.Schema {
		if defs == nil {
			defs = map[*openapi3.Schema]*openapi.Schema{}
			for _, d := range openapi.Schemas(pass.Doc) {
				defs[d.S] = d
			}
		}
		return defs[s]
	}
	reported := map[string]bool{}
	finder := &fileFinder{seen: map[*openapi3.Schema]bool{}}
	for _, op := range openapi.Operations(pass.Doc) {
		rb := op.Op.RequestBody
		if rb == nil || rb.Value == nil || sized(op.Op.Extensions) || sized(rb.Value.Extensions) || contentLength(op) {
			continue
		}
		// Only an upload anyone can send is a warning (see Severity).
		sev, note := lint.SeverityWarning, ""
		if why := openapi.OperationExposure(pass.Doc, op); why != "" {
			sev, note = lint.SeverityNote, " (a note: "+why+")"
		}
		base := openapi.Join(op.Pointer, "requestBody")
		if rb.Ref != "" {
			if _, frag, ok := strings.Cut(rb.Ref, "#"); ok && strings.HasPrefix(frag, "/") {
				base = frag
			}
		}
		for _, mt := range slices.Sorted(maps.Keys(rb.Value.Content)) {
			media := rb.Value.Content[mt]
			if media == nil || sized(media.Extensions) {
				continue
			}
			var schema *openapi3.Schema
			if media.Schema != nil {
				schema = media.Schema.Value
			}
			if raw(mt) && (schema == nil || untyped(schema) || file(schema)) {
				if schema != nil && (schema.MaxLength != nil || sized(schema.Extensions)) {
					continue
				}
				ptr, origin, field := openapi.Join(base, "content", mt), media.Origin, ""
				if s := def(schema); schema != nil && s != nil {
					ptr, origin, field = s.Pointer, s.Origin(), "type"
				}
				if !reported[ptr] {
					reported[ptr] = true
					pass.ReportSeverityf(sev, ptr, origin, field, "%s %s takes an upload (%s) without a size limit%s", op.Method, op.Path, mt, note)
				}
				continue
			}
			for _, part := range finder.files(schema) {
				if part.MaxLength != nil || sized(part.Extensions) {
					continue
				}
				s := def(part)
				if s == nil || reported[s.Pointer] {
					continue
				}
				reported[s.Pointer] = true
				name := openapi.Describe(s.Pointer)
				if !strings.HasPrefix(s.Pointer, op.Pointer+"/") {
					name += " (" + op.Method + " " + op.Path + ")"
				}
				pass.ReportSeverityf(sev, s.Pointer, s.Origin(), "type", "%s is a file upload without a size limit%s", name, note)
			}
		}
	}
	return nil
}

// raw reports whether a media type makes the whole body the file: anything
// but structured data (JSON, XML, forms) and plain text.
func raw(mt string) bool {
	mt = strings.ToLower(strings.TrimSpace(strings.Split(mt, ";")[0]))
	switch {
	case strings.HasPrefix(mt, "multipart/"), mt == "application/x-www-form-urlencoded",
		strings.HasSuffix(mt, "/json"), strings.HasSuffix(mt, "+json"), strings.Contains(mt, "json"),
		strings.HasSuffix(mt, "/xml"), strings.HasSuffix(mt, "+xml"), mt == "text/plain":
		return false
	}
	return true
}

// untyped reports whether a schema says nothing about the value: {}.
func untyped(s *openapi3.Schema) bool {
	return s.Type.IsEmpty() && len(s.Properties) == 0 && s.Items == nil && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0
}

// file reports whether a schema is file content: a binary string, or a 3.1
// string with a media type.
func file(s *openapi3.Schema) bool {
	return (s.Type.IsEmpty() || s.Type.Includes("string")) && (s.Format == "binary" || s.ContentMediaType != "")
}

// fileFinder lists the file parts of structured bodies: properties (at any
// depth, through arrays and allOf/oneOf/anyOf) that are file content. It
// visits each schema once per run: a part already found, from an operation
// whose body has no size limit, is reported there.
type fileFinder struct{ seen map[*openapi3.Schema]bool }

func (f *fileFinder) files(s *openapi3.Schema) []*openapi3.Schema {
	var out []*openapi3.Schema
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || f.seen[s] || openapi.ReadOnly(s) {
			return
		}
		f.seen[s] = true
		if file(s) {
			out = append(out, s)
			return
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if ref := s.Properties[name]; ref != nil {
				walk(ref.Value)
			}
		}
		if s.Items != nil {
			walk(s.Items.Value)
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, ref := range list {
				if ref != nil {
					walk(ref.Value)
				}
			}
		}
	}
	walk(s)
	return out
}

// contentLength reports whether an operation takes a Content-Length header
// parameter with a maximum.
func contentLength(op openapi.Operation) bool {
	for _, ref := range slices.Concat(op.Item.Parameters, op.Op.Parameters) {
		if ref == nil || ref.Value == nil || ref.Value.In != "header" || !strings.EqualFold(ref.Value.Name, "Content-Length") {
			continue
		}
		if s := ref.Value.Schema; s != nil && s.Value != nil && openapi.Holds(s.Value, openapi.HasMaximum) {
			return true
		}
	}
	return false
}
