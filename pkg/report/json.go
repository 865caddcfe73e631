package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// jsonVersion is the version of the JSON format, documented in
// docs/json-format.md. It changes only when a field is removed, renamed or
// changes meaning; new fields do not change it.
const jsonVersion = 1

// The types below are the JSON format itself; their field order is the order
// of the keys in the output. Lists are never nil so that they print as [].
type (
	jsonReport struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Rules    []jsonRule    `json:"rules"`
		Findings []jsonFinding `json:"findings"`
		// Suppressed is there only when the scan keeps suppressed
		// findings (--include-suppressed); each has a suppression.
		Suppressed []jsonFinding `json:"suppressed,omitempty"`
		Problems   []jsonProblem `json:"problems"`
		Notices    []jsonProblem `json:"notices"`
		Summary    jsonSummary   `json:"summary"`
		// Baseline is there only in the report of a shard (scan --shard)
		// that has a baseline: for merge, which drops it.
		Baseline *lint.BaselineUse `json:"baseline,omitempty"`
	}
	jsonTool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonRule struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Title    string   `json:"title"`
		Severity string   `json:"severity"`
		CWE      []int    `json:"cwe"`
		OWASP    []string `json:"owasp"`
		HelpURI  string   `json:"helpUri"`
		// Grades: how context raises or lowers the severity (rule Doc).
		SeverityByContext string `json:"severityByContext,omitempty"`
	}
	jsonFinding struct {
		RuleID      string           `json:"ruleId"`
		RuleName    string           `json:"ruleName"`
		Severity    string           `json:"severity"`
		Message     string           `json:"message"`
		Fix         string           `json:"fix"`
		Location    jsonLocation     `json:"location"`
		Fingerprint string           `json:"fingerprint"`
		Suppression *jsonSuppression `json:"suppression,omitempty"`
		Flow        []jsonStep       `json:"flow,omitempty"`
		Related     []jsonStep       `json:"related,omitempty"`
	}
	jsonStep struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	jsonSuppression struct {
		Kind   string `json:"kind"` // "inSource" or "external", as in SARIF
		Reason string `json:"reason"`
		File   string `json:"file"` // where the suppression is written
		Line   int    `json:"line,omitempty"`
	}
	jsonLocation struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"endLine,omitempty"`
		EndColumn int    `json:"endColumn,omitempty"`
		Pointer   string `json:"pointer,omitempty"`
	}
	jsonProblem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	jsonSummary struct {
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Note    int `json:"note"`
		// Files is how many files have findings (not how many were
		// scanned: that is FilesScanned).
		Files int `json:"files"`
		// What the scan looked at: OpenAPI documents, Go modules, and the
		// files read (documents and Go source files).
		Documents int `json:"documents"`
		Modules   int `json:"modules"`
		// ToolManifests is how many MCP tool manifests were scanned; left
		// out when none were.
		ToolManifests int `json:"toolManifests,omitempty"`
		// ClientConfigs is how many MCP client configurations were
		// read; left out when none were.
		ClientConfigs int `json:"clientConfigs,omitempty"`
		FilesScanned  int `json:"filesScanned"`
		// Baselined is how many findings a baseline hid; left out when
		// no baseline was used or it hid nothing.
		Baselined int `json:"baselined,omitempty"`
	}
)

type jsonReporter struct {
	opts Options
}

func (j *jsonReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)
	out := jsonReport{
		Version:  jsonVersion,
		Tool:     jsonTool{Name: toolName, Version: j.opts.ToolVersion},
		Rules:    make([]jsonRule, 0, len(r.Rules)),
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Problems: make([]jsonProblem, 0, len(r.Problems)),
		Notices:  make([]jsonProblem, 0, len(r.Notices)),
	}
	for _, rule := range r.Rules {
		out.Rules = append(out.Rules, jsonRule{
			ID:       rule.ID,
			Name:     rule.Name,
			Title:    rule.Doc.Title,
			Severity: rule.Severity().String(),
			CWE:      append([]int{}, rule.Doc.CWE...),
			OWASP:    append([]string{}, rule.Doc.OWASP...),
			HelpURI:  rule.HelpURI(),

			SeverityByContext: rule.Doc.SeverityText(),
		})
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, toJSONFinding(f, rules[f.RuleID]))
	}
	for _, f := range r.Suppressed {
		out.Suppressed = append(out.Suppressed, toJSONFinding(f, rules[f.RuleID]))
	}
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, jsonProblem{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message})
	}
	for _, p := range r.Notices {
		out.Notices = append(out.Notices, jsonProblem{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message})
	}
	t := count(r, rules)
	out.Summary = jsonSummary{Error: t.errors, Warning: t.warnings, Note: t.notes, Files: t.files, Baselined: r.Baselined,
		Documents: r.Documents, Modules: r.Modules, ToolManifests: r.Catalogs, ClientConfigs: r.ClientConfigs, FilesScanned: len(r.Files)}
	out.Baseline = r.Baseline

	return writeJSON(w, out)
}

func toJSONFinding(f lint.Finding, rule *lint.Rule) jsonFinding {
	jf := jsonFinding{
		RuleID:   f.RuleID,
		Severity: severityOf(f, rule).String(),
		Message:  f.Message,
		Fix:      fixOf(f, rule),
		Location: jsonLocation{
			File:      f.Location.File,
			Line:      f.Location.Line,
			Column:    f.Location.Column,
			EndLine:   f.Location.EndLine,
			EndColumn: f.Location.EndColumn,
			Pointer:   f.Location.Pointer,
		},
		Fingerprint: fingerprintOf(f),
	}
	if rule != nil {
		jf.RuleName = rule.Name
	}
	for _, st := range f.Flow {
		jf.Flow = append(jf.Flow, jsonStep{File: st.Location.File, Line: st.Location.Line, Column: st.Location.Column, Message: st.Message})
	}
	for _, st := range f.Related {
		jf.Related = append(jf.Related, jsonStep{File: st.Location.File, Line: st.Location.Line, Column: st.Location.Column, Message: st.Message})
	}
	if s := f.Suppression; s != nil {
		jf.Suppression = &jsonSuppression{Kind: s.Kind, Reason: s.Reason, File: s.Location.File, Line: s.Location.Line}
	}
	return jf
}

// writeJSON writes v indented by two spaces with a trailing newline. HTML
// characters are left alone: messages quote OpenAPI text such as "<script>",
// which should read the same in the output. Characters that encoding/json
// writes raw but that act on a terminal or change how a line reads (DEL,
// the C1 controls, zero-width and bidirectional format characters) are
// written as \u escapes, so that a JSON or SARIF report printed in a log
// or opened in an editor shows them for what they are; decoded, the
// strings are unchanged.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeInvisible(b.Bytes()))
	return err
}

// escapeInvisible rewrites, in encoded JSON, every rune that hidden
// reports as \u escapes (UTF-16 surrogate pairs above U+FFFF). Such runes
// can only be inside strings: JSON's own syntax is ASCII.
func escapeInvisible(js []byte) []byte {
	if bytes.IndexFunc(js, hidden) < 0 {
		return js
	}
	out := make([]byte, 0, len(js)+64)
	for len(js) > 0 {
		r, size := utf8.DecodeRune(js)
		if !hidden(r) {
			out = append(out, js[:size]...)
		} else if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
			out = fmt.Appendf(out, "\\u%04x\\u%04x", r1, r2)
		} else {
			out = fmt.Appendf(out, "\\u%04x", r)
		}
		js = js[size:]
	}
	return out
}

// hidden reports whether a rune is one that JSON and SARIF reports escape.
func hidden(r rune) bool {
	return (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}
