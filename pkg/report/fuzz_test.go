package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// FuzzReporters feeds arbitrary text, as a hostile document could place it
// in messages, file names and pointers, to every reporter. JSON and SARIF
// must stay valid (SARIF against the 2.1.0 schema), and text must carry no
// control or invisible format characters besides newlines, and JSON and
// SARIF none of DEL, C1 controls and format characters raw. JUnit must parse
// as XML, markdown must carry no raw HTML or links from the document and
// keep its tables whole, and github must stay one workflow command per line
// (checkFormat in formats_test.go). HTML must carry no element, script or
// address from the document, and keep its CSP (checkHTML in html_test.go).
func FuzzReporters(f *testing.F) {
	for _, seed := range []string{
		"post /payments can be called without authentication",
		"quote \" backslash \\ newline \n tab \t",
		"<script>alert(1)</script> & `code` ```fence```",
		"\x1b[31mred\x1b[0m \u202eevil\u200b \x00 \xff\xfe",
		"schema \"Pet\".name",
		"a|b @octocat #1 [x](javascript:1) &amp; ]]> \\| \r\n::error::x %0A",
		"see https://evil.example/login and WWW.evil.example, ftp://x",
		"\x1b]52;c;ZXZpbA==\x07 \x1b[2J \u0085\u009b2J \u202e\u2066\u200f \x7f \U000e0041",
		"x\n::error file=a.go,line=1::pwned\n::add-mask::x",
		"",
	} {
		f.Add(seed, "api/open api.yaml", "/paths/~1pets/get", 3)
	}
	schema := sarifSchema(f)
	f.Fuzz(func(t *testing.T, text, file, pointer string, line int) {
		r := sampleResult()
		r.Findings = append(r.Findings, lint.Finding{
			RuleID: ruleAuth.ID, Severity: lint.SeverityError, Message: text, Fix: text,
			Location: lint.Location{File: file, Line: line, Column: line, Pointer: pointer},
		})
		r.Problems = append(r.Problems, lint.Problem{File: file, Line: line, Message: text})
		r.Sort()
		for _, format := range Formats {
			rep, err := New(format, Options{ToolVersion: "1.0.0"})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := rep.Report(&out, r); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "text":
				for _, c := range out.String() {
					if c != '\n' && (c == utf8.RuneError || unicode.IsControl(c) || unicode.Is(unicode.Cf, c)) {
						t.Fatalf("text output carries %U:\n%q", c, out.String())
					}
				}
			case "json":
				if !json.Valid(out.Bytes()) {
					t.Fatalf("invalid JSON:\n%s", out.String())
				}
				if i := bytes.IndexFunc(out.Bytes(), hidden); i >= 0 {
					t.Fatalf("JSON carries a raw %U", []rune(string(out.Bytes()[i:]))[0])
				}
			case "sarif":
				doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
				if err != nil {
					t.Fatalf("SARIF is not JSON: %v", err)
				}
				if err := schema.Validate(doc); err != nil {
					t.Fatalf("SARIF breaks the schema: %v\n%s", err, firstLines(out.String()))
				}
				if i := bytes.IndexFunc(out.Bytes(), hidden); i >= 0 {
					t.Fatalf("SARIF carries a raw %U", []rune(string(out.Bytes()[i:]))[0])
				}
			case "html":
				if err := checkHTML(out.Bytes()); err != nil {
					t.Fatalf("html: %v\n%s", err, firstLines(out.String()))
				}
			case "markdown", "github", "junit":
				if err := checkFormat(format, out.Bytes()); err != nil {
					t.Fatalf("%s: %v\n%s", format, err, firstLines(out.String()))
				}
			default:
				t.Fatalf("format %s has no check: add one", format)
			}
		}
	})
}

func firstLines(s string) string {
	lines := strings.SplitN(s, "\n", 40)
	return strings.Join(lines[:min(len(lines), 39)], "\n")
}
