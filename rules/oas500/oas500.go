// Package oas500 defines rule OAS500: a document that breaks the OpenAPI
// specification.
package oas500

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS500",
	Name: "invalid-openapi",
	Doc: lint.Doc{
		Title:   "Document is not valid OpenAPI",
		Summary: "The document parses, but breaks a requirement of the OpenAPI specification it declares.",
		Why: `Gateways, code generators and agent frameworks read an API description
literally. When it breaks the specification, each of them repairs it in its
own way or skips the broken part: a security requirement, a parameter
constraint or a schema can silently fall away between the document you
reviewed and the behaviour you ship. The other rules also read the document
as the specification defines it, so their findings are only as good as the
document is valid.`,
		Fix: "correct the element so that it follows the OpenAPI version the document declares",
		Bad: `openapi: 3.0.3
info: {title: Bookings, version: "1"}
paths:
  /bookings/{id}:
    get:
      parameters:
        - name: id
          in: path          # path parameters must be required: true
          schema: {type: string, format: uuid}
      responses:
        "200": {description: the booking}`,
		Good: `openapi: 3.0.3
info: {title: Bookings, version: "1"}
paths:
  /bookings/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string, format: uuid}
      responses:
        "200": {description: the booking}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		Grades: `- **warning** for every break of the specification (a default or example of the wrong type or format, a reference that leads nowhere, an operation with no response, a parameter with no location, a pattern no dialect reads, a keyword written another way such as ` + "`max_items`" + ` for ` + "`maxItems`" + `, whose constraint every tool drops), with schema patterns read as ECMA-262 with the u flag or, failing that, without it (Annex B: ` + "`[\\w-\\.]`" + ` is valid).
- **note** for a security requirement naming an undefined scheme (rule OAS102 reports it at error), an externalDocs object with no url (a link for readers), a response with no description (prose for readers: judged noise, 0 of 88), a discriminator mapping entry that leads nowhere (a hint: validators choose among the alternatives without it), operations that share an operationId (a generator's per-group names, as Fern's list and get, or one operation served at an alias path, as Stripe's bank_accounts: judged noise, 0 of 2), and a pattern with a character class of another dialect, such as Java's ` + "`\\p{Graph}`" + ` (AWS copies its service validators' classes; judged noise), a server variable that the server's url never names and that offers no choice (one enum value or none: it substitutes nothing; judged noise, 0 of 2 at warning; one whose enum offers a choice the url then fixes, as Alchemy's mainnet or devnet network, and a name the url uses that no variable defines stay warnings), an empty ` + "`info.version`" + `, ` + "`info.title`" + ` or ` + "`info.license.name`" + ` (generators write ` + "`version: ''`" + `; the specification and its JSON Schema ask only for a string, which an empty one is), and a key an object or schema does not define that is no ` + "`x-`" + ` extension (a framework's leftovers, such as FastAPI's ` + "`embed`" + ` in a parameter's schema or ` + "`optional`" + ` beside a property: tools ignore it; judged noise, 0 of 40 at warning). Also notes: ` + "`required: false`" + ` where a list of names belongs (leaving it out means the same; judged noise, 0 of 6 at warning), and, for a Parameter Object written under ` + "`components/schemas`" + ` that a parameter refers to and nothing uses as a schema, the findings inside it (its ` + "`name`" + `, ` + "`in`" + ` and ` + "`schema`" + ` keys, its boolean ` + "`required`" + `) and the path parameter its operation then fails to declare: one mistake, reported at warning where the parameter refers to it (judged noise, 0 of 34 at warning). Also notes: the same $ref to the wrong kind of component written again in one file (a schema where a parameter or an example belongs, at each operation that uses it): one mistake, reported at warning where it is first written, counting the others. Not reported: ` + "`components.pathItems`" + ` in an OpenAPI 3.1 document, a field 3.1 defines (the validator's 3.0 model does not know it; 160 false notes on Alchemy's documents). When kin-openapi cannot decode a component a ` + "`$ref`" + ` leads to and says only which, the loader looks inside it for a schema keyword of the wrong shape (` + "`items`" + ` written as a list, the draft-4 tuple) and repairs that, so the finding is where the mistake is and the rest of the component loads; a Swagger 2.0 document whose decoder names neither the place nor the field (a list, a string, a number or a boolean where a schema belongs: ` + "`items`" + ` as a list, a property given as text) has every such value repaired the same way. A key written another way than the keyword it means (` + "`max_items`" + `), a sentence written as a key, and ` + "`schema`" + `, ` + "`in`" + ` or ` + "`content`" + ` where they do not belong (a Parameter written inside a schema) stay warnings: what the author meant is lost (judged true positives on hand-written documents).`,
		CWE:   []int{1068},
		OWASP: []string{"API9:2023"},
		Since: "v0.1.0",
	},
	Spec: run,
	// openapi.Validate points references at stand-ins while it runs.
	Exclusive: true,
}

// undefinedScheme is kin-openapi's words for a requirement naming a scheme
// the document does not define, which rule OAS102 reports.
const undefinedScheme = "refers to undefined security scheme"

func run(pass *lint.SpecPass) error {
	repairs := openapi.Repairs(pass.Doc)
	dropped := droppedParams(pass, repairs)
	firstRef, refUses := sameRefs(repairs)
	// What the loader had to repair or drop to load the document at all.
	for i, r := range repairs {
		f := lint.Finding{RuleID: pass.Rule.ID, Message: r.Message, Location: r.Location}
		if first, ok := firstRef[i]; ok && first != i {
			// One $ref written wrong at many places is one mistake: it
			// is reported where it is first written.
			f.Severity = lint.SeverityNote
			f.Message += fmt.Sprintf(" (a note: the same $ref is reported at %s:%d; one fix of what it should lead to fixes every use)", repairs[first].Location.File, repairs[first].Location.Line)
			pass.Report(f)
			continue
		}
		if n := refUses[i]; n == 2 {
			f.Message += " (and 1 other use of the same $ref, reported as a note)"
		} else if n > 2 {
			f.Message += fmt.Sprintf(" (and %d other uses of the same $ref, reported as notes)", n-1)
		}
		if why := dropped.repeats(r.Location); why != "" {
			f.Severity = lint.SeverityNote
			f.Message += " (a note: " + why + ")"
			pass.Report(f)
			continue
		}
		if requiredFalse.MatchString(r.Message) {
			// required: false where a list belongs: leaving it out means
			// the same, so nothing the author meant is lost.
			f.Severity = lint.SeverityNote
			f.Message += " (a note: false is what leaving required out means, so nothing is lost; drop it)"
			pass.Report(f)
			continue
		}
		if strings.HasPrefix(r.Message, "discriminator mapping ") {
			// The mapping is a hint: a validator picks the oneOf
			// alternative without it, and the loader dropped only the
			// entry. DigitalOcean's bundled copy points every entry at
			// source files the bundle left out.
			f.Severity = lint.SeverityNote
			f.Message += " (a note: a discriminator mapping is a hint; validators choose among the alternatives without it)"
		}
		pass.Report(f)
	}
	for _, inv := range openapi.Validate(context.Background(), pass.Doc) {
		if strings.HasPrefix(pass.Doc.OpenAPI, "3.1") && strings.HasPrefix(inv.Message, "invalid components: ") && slices.Equal(inv.Unknown, []string{"pathItems"}) {
			// components.pathItems is OpenAPI 3.1's own field, which the
			// validator's 3.0 model does not know; references into it
			// resolve, and the document is valid.
			continue
		}
		if why := dropped.repeats(pass.Locate(inv.Pointer, inv.Origin, "")); why != "" {
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: %s)", inv.Message, why)
			continue
		}
		if why := dropped.declares(inv.Message); why != "" {
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: %s)", inv.Message, why)
			continue
		}
		if strings.Contains(inv.Message, undefinedScheme) {
			// One defect, one finding: OAS102 reports the requirement at
			// error, where it says which scheme was meant.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: OAS102 reports it)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "a short description of the response is required") {
			// Prose for readers, required by the specification: no
			// client, gateway or validator acts differently without it
			// (Asana's SDK variant drops it on 88 reusable responses).
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: the description is prose for readers; no client, gateway or validator acts differently without it)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "external docs: url is required") {
			// A link for readers with no address: nothing a gateway, a
			// validator or a generated client reads.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: external docs are a link for readers, which no tool acts on)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "have the same operation id") {
			// Fern and other generators scope operationIds per group
			// (list, get and create repeat), and Stripe serves one
			// operation under an alias path with its id: a break of the
			// specification that no judged vendor would change.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: repeated ids are most often a generator's per-group names or one operation served at two paths; a client generator that keys on operationId needs them unique)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "value of version must be a non-empty string") || strings.Contains(inv.Message, "value of title must be a non-empty string") {
			// version: '' from a generator: the specification and its
			// JSON Schema ask only for a string, which an empty one is.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: the specification asks only for a string, and an empty one is valid; write a real one so readers and clients can tell releases apart)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "value of license name must be a non-empty string") {
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: the specification asks only for a string, and an empty one is valid; name the license so readers know its terms)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "server has unused variable") && !choiceLost(pass.Doc, inv.Message) {
			// A variable the url template never names substitutes
			// nothing: every tool builds the same url with it or without
			// it (a leftover protocol variable beside a fixed url).
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: the url template does not name it, so it substitutes nothing and every tool builds the same url; remove it or put it in the url)", inv.Message)
			continue
		}
		if strings.Contains(inv.Message, "ECMA-262 regular expression: unknown unicode category") {
			// \p{Graph}, \p{Print}, \p{IsLetter}: a Java or POSIX class
			// copied from the service's own validator, which reads it;
			// JavaScript validators reject it.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: the class comes from another pattern dialect, such as Java's \\p{Graph}, which the service's own validator reads; JavaScript validators reject it)", inv.Message)
			continue
		}
		if kw := misspelled(inv.Unknown); kw != "" {
			// max_items for maxItems: the author meant a keyword, and the
			// constraint it carries falls away in every tool.
			pass.Reportf(inv.Pointer, inv.Origin, "", "%s (%s; tools ignore it, so what it meant is not applied: write it as the specification spells it)", inv.Message, kw)
			continue
		}
		if why := misplaced(inv.Unknown); why != "" {
			// prose written as a key, or a Parameter's schema written
			// inside a schema: the structure the author meant is broken,
			// and what it says is lost in every tool.
			pass.Reportf(inv.Pointer, inv.Origin, "", "%s (%s; tools ignore it, so what it meant is lost: move it where the specification puts it)", inv.Message, why)
			continue
		}
		if len(inv.Unknown) > 0 {
			// embed or optional inside a Parameter Object, left there by
			// the framework that exported the document (FastAPI): no
			// tool reads a key the specification does not define, so
			// nothing the document promises falls away.
			pass.ReportSeverityf(lint.SeverityNote, inv.Pointer, inv.Origin, "", "%s (a note: %s)", inv.Message, unknownWhy(inv.Unknown))
			continue
		}
		pass.Reportf(inv.Pointer, inv.Origin, "", "%s", inv.Message)
	}
	return nil
}

// requiredFalse is the loader's repair of required: false written where a
// list of property names belongs (on a property, draft-3 style, or on a
// schema).
var requiredFalse = regexp.MustCompile(`^required\b.* must be a list, found false \(a boolean\)`)

// wrongSection is the loader's repair of a $ref that leads to the wrong
// kind of component (a schema where a parameter or an example belongs).
var wrongSection = regexp.MustCompile(`^\$ref (\S+) leads to an? [\w ]+ where an? [\w ]+ belongs`)

// sameRefs groups the repairs of one wrong $ref written in one file at
// several places: firstRef maps each such repair to the first of its
// group, refUses the first to the size of the group.
func sameRefs(repairs []openapi.Repair) (firstRef, refUses map[int]int) {
	firstRef, refUses = map[int]int{}, map[int]int{}
	seen := map[string]int{}
	for i, r := range repairs {
		m := wrongSection.FindStringSubmatch(r.Message)
		if m == nil {
			continue
		}
		key := r.Location.File + "\x00" + m[0]
		first, ok := seen[key]
		if !ok {
			first = i
			seen[key] = i
		}
		firstRef[i] = first
		refUses[first]++
	}
	return firstRef, refUses
}

// paramToSchema is the loader's repair of a parameter whose $ref leads to
// a schema: the parameter is dropped, and the finding is at the reference.
var paramToSchema = regexp.MustCompile(`^\$ref (#/components/schemas/[^ ]+) leads to a schema where a parameter belongs`)

// missingPath is kin-openapi's error for an operation that does not
// declare every parameter of its path template.
var missingPath = regexp.MustCompile(`operation (\w+) (\S+) must define exactly all path parameters`)

// dropped holds the parameters the loader dropped because their $ref leads
// to a schema (a Parameter Object written under components/schemas): one
// mistake, which the finding at the reference reports. Findings inside
// that schema (its name, in and schema keys, its boolean required) and an
// operation's missing path parameter are the same mistake again.
type dropped struct {
	schemas map[string]string // file + "#" + schema pointer -> where a parameter refers to it
	paths   map[string]string // path pointer -> where one of its parameters was dropped
}

func droppedParams(pass *lint.SpecPass, repairs []openapi.Repair) dropped {
	d := dropped{schemas: map[string]string{}, paths: map[string]string{}}
	used := map[string]bool{}
	for _, s := range openapi.Schemas(pass.Doc) {
		if s.Uses != 0 {
			used[s.Pointer] = true
		}
	}
	for _, r := range repairs {
		m := paramToSchema.FindStringSubmatch(r.Message)
		if m == nil {
			continue
		}
		at := fmt.Sprintf("%s:%d", r.Location.File, r.Location.Line)
		if ptr := strings.TrimPrefix(m[1], "#"); !used[ptr] {
			// Only a schema nothing else uses as a schema: one used as
			// a property too is broken there in its own right.
			if _, ok := d.schemas[r.Location.File+"#"+ptr]; !ok {
				d.schemas[r.Location.File+"#"+ptr] = at
			}
		}
		if p := strings.Split(r.Location.Pointer, "/"); len(p) > 2 && p[1] == "paths" {
			key := "/paths/" + p[2]
			if _, ok := d.paths[key]; !ok {
				d.paths[key] = at
			}
		}
	}
	return d
}

// repeats says why a finding at loc repeats a dropped parameter's finding,
// or returns "".
func (d dropped) repeats(loc lint.Location) string {
	for k, at := range d.schemas {
		file, ptr, _ := strings.Cut(k, "#")
		if loc.File == file && (loc.Pointer == ptr || strings.HasPrefix(loc.Pointer, ptr+"/")) {
			return "the schema is a Parameter Object written under components/schemas, reported where a parameter refers to it (" + at + "); moving it to components/parameters fixes this too"
		}
	}
	return ""
}

// declares says why a missing path parameter repeats a dropped
// parameter's finding, or returns "".
func (d dropped) declares(msg string) string {
	m := missingPath.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	if at := d.paths[openapi.Pointer("paths", m[2])]; at != "" {
		return "a parameter of its path was dropped because its $ref leads to a schema (" + at + "), which most likely declares it; fixing that reference fixes this too"
	}
	return ""
}

// unknownWhy says why unknown keys of an object are a note, and how to
// fix them.
func unknownWhy(keys []string) string {
	if len(keys) == 1 {
		return fmt.Sprintf("tools ignore %q, a key the declared OpenAPI version does not define here and no x- extension; rename it to x-%s or drop it", keys[0], keys[0])
	}
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return fmt.Sprintf("tools ignore %s, keys the declared OpenAPI version does not define here and no x- extensions; rename them to x-… or drop them", strings.Join(q, ", "))
}

// keywords are fields and schema keywords of OpenAPI and JSON Schema, keyed
// by their spelling with case, "_" and "-" removed.
var keywords = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{
		"maxItems", "minItems", "maxLength", "minLength", "maxProperties", "minProperties",
		"uniqueItems", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf",
		"pattern", "enum", "const", "format", "default", "required", "nullable", "readOnly", "writeOnly",
		"additionalProperties", "patternProperties", "unevaluatedProperties", "propertyNames",
		"allOf", "oneOf", "anyOf", "not", "items", "prefixItems", "properties", "discriminator",
		"allowEmptyValue", "allowReserved", "explode", "style", "contentMediaType", "contentEncoding",
		"dependentRequired", "dependentSchemas",
	} {
		m[normalKey(k)] = k
	}
	return m
}()

func normalKey(k string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(k))
}

// misplaced says why unknown keys show a broken structure rather than a
// generator's leftover: a key holding a sentence (a description written as
// a map key), or `schema`/`in`/`content` beside other fields, which belong to
// a Parameter or a Media Type, not where they were found. It returns "" for
// anything else.
func misplaced(keys []string) string {
	for _, k := range keys {
		if strings.ContainsAny(k, " \t\n") {
			return "a key holding text looks like a description written as a map key"
		}
	}
	for _, k := range keys {
		switch k {
		case "schema", "in", "content":
			return fmt.Sprintf("%q belongs to a Parameter or a Media Type, not here: the object looks misplaced", k)
		}
	}
	return ""
}

// misspelled says which keyword the first unknown key that spells one
// differently (max_items, MaxLength) stands for, or returns "".
func misspelled(keys []string) string {
	for _, k := range keys {
		if kw, ok := keywords[normalKey(k)]; ok && kw != k {
			return fmt.Sprintf("%q looks like %s written another way", k, kw)
		}
	}
	return ""
}

// choiceLost reports whether the unused server variable a validation
// message names offers a choice: an enum of two or more values (Alchemy's
// network variable, mainnet or devnet, beside a url that fixes devnet),
// which the author meant the url to take and which is lost. A variable
// with one value or none is a leftover that changes nothing.
func choiceLost(doc *openapi3.T, msg string) bool {
	_, name, ok := strings.Cut(msg, "server has unused variable ")
	if !ok {
		return true
	}
	name = strings.TrimSpace(name)
	for _, srv := range doc.Servers {
		if srv == nil || strings.Contains(srv.URL, "{"+name+"}") {
			continue
		}
		if v := srv.Variables[name]; v != nil && len(v.Enum) > 1 {
			return true
		}
	}
	for _, op := range openapi.Operations(doc) {
		for _, list := range []*openapi3.Servers{op.Op.Servers, &op.Item.Servers} {
			if list == nil {
				continue
			}
			for _, srv := range *list {
				if srv == nil || strings.Contains(srv.URL, "{"+name+"}") {
					continue
				}
				if v := srv.Variables[name]; v != nil && len(v.Enum) > 1 {
					return true
				}
			}
		}
	}
	return false
}
