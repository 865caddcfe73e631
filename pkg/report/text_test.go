package report

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/fatih/color"
)

const esc = "\x1b["

func TestTextColor(t *testing.T) {
	// The global switch must not matter either way: Options.Color decides.
	saved := color.NoColor
	t.Cleanup(func() { color.NoColor = saved })

	for _, global := range []bool{true, false} {
		color.NoColor = global

		plain := string(render(t, "text", Options{Color: false}, sampleResult()))
		if strings.Contains(plain, esc) {
			t.Errorf("NoColor=%v: Color=false output has escape codes:\n%q", global, plain)
		}

		colored := string(render(t, "text", Options{Color: true}, sampleResult()))
		for _, want := range []string{
			esc + "31merror" + esc + "0m",   // red
			esc + "33mwarning" + esc + "0m", // yellow
			esc + "36mnote" + esc + "0m",    // cyan
			esc + "1mOAS101" + esc + "22m",  // bold rule id
			esc + "2mfix: ",                 // faint hint
		} {
			if !strings.Contains(colored, want) {
				t.Errorf("NoColor=%v: Color=true output lacks %q:\n%q", global, want, colored)
			}
		}
	}
}

func TestTextLayout(t *testing.T) {
	out := string(render(t, "text", Options{}, sampleResult()))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")

	for _, want := range []string{
		"api/payments.yaml",
		"  api/payments.yaml:12:5: error OAS101 (operation-without-auth) post /payments can be called without authentication",
		"      fix: add a security requirement to the operation or to the document", // the rule's fix
		"  api/payments.yaml:31:11: warning OAS201 (unbounded-string) property note of schema Payment has no maxLength",
		"      fix: set maxLength: 140 on Payment.note", // the finding's own fix
		"api/users.yaml",
		"  api/users.yaml: note OAS101 (operation-without-auth) document declares no security scheme",
		"problem: api/broken.yaml:3:7: cannot parse the document: mapping values are not allowed in this context",
	} {
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("no line %q in:\n%s", want, out)
		}
	}
	if got, want := lines[len(lines)-1], "1 error, 1 warning, 1 note in 2 files (2 rules), 1 problem; scanned 3 OpenAPI documents, 0 Go modules, 3 files"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestTextSummary(t *testing.T) {
	loc := func(file string) lint.Location { return lint.Location{File: file, Line: 1, Column: 1} }
	r := &lint.Result{
		Rules: []*lint.Rule{ruleAuth, ruleBounds},
		Findings: []lint.Finding{
			{RuleID: "OAS101", Severity: lint.SeverityError, Message: "a", Location: loc("a.yaml")},
			{RuleID: "OAS101", Severity: lint.SeverityError, Message: "b", Location: loc("a.yaml")},
			{RuleID: "OAS101", Severity: lint.SeverityError, Message: "c", Location: loc("b.yaml")},
			{RuleID: "OAS201", Severity: lint.SeverityWarning, Message: "d", Location: loc("b.yaml")},
			{RuleID: "OAS201", Message: "e", Location: loc("b.yaml")}, // the rule's default: warning
			{RuleID: "OAS201", Severity: lint.SeverityNote, Message: "f", Location: loc("b.yaml")},
		},
	}
	cases := []struct {
		r    *lint.Result
		want string
	}{
		{r, "3 errors, 2 warnings, 1 note in 2 files (2 rules); scanned 0 OpenAPI documents, 0 Go modules, 0 files"},
		{&lint.Result{Findings: r.Findings[:1]}, "1 error in 1 file (1 rule); scanned 0 OpenAPI documents, 0 Go modules, 0 files"},
		{&lint.Result{Documents: 1, Files: []string{"a.yaml"}}, "no findings; scanned 1 OpenAPI document, 0 Go modules, 1 file"},
		{&lint.Result{Modules: 2, Files: []string{"a.go", "b.go"}}, "no findings; scanned 0 OpenAPI documents, 2 Go modules, 2 files"},
		{&lint.Result{Problems: []lint.Problem{{Message: "x"}, {Message: "y"}}}, "no findings, 2 problems; scanned 0 OpenAPI documents, 0 Go modules, 0 files"},
	}
	for _, c := range cases {
		out := string(render(t, "text", Options{}, c.r))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if got := lines[len(lines)-1]; got != c.want {
			t.Errorf("summary = %q, want %q\n%s", got, c.want, out)
		}
	}
	if got := string(render(t, "text", Options{}, &lint.Result{})); got != "no findings; scanned 0 OpenAPI documents, 0 Go modules, 0 files\n" {
		t.Errorf("empty result printed %q", got)
	}
}

func TestTextProblemWithoutFile(t *testing.T) {
	r := &lint.Result{Problems: []lint.Problem{{Message: "rule OAS999 failed"}}}
	out := string(render(t, "text", Options{}, r))
	if !strings.HasPrefix(out, "problem: rule OAS999 failed\n") {
		t.Errorf("got %q", out)
	}
}

// TestTextEscapesHostileText checks that text taken from a scanned file
// cannot drive the terminal or hide itself: escape sequences, bidi and
// zero-width characters, NUL and invalid UTF-8 are printed as escapes.
func TestTextEscapesHostileText(t *testing.T) {
	hostile := "get /x\x1b[2J\x1b]0;pwned\x07 \u202egnp.exe\u200b\x00\xff done"
	r := &lint.Result{
		Findings: []lint.Finding{{RuleID: "OAS101", Severity: lint.SeverityError, Message: hostile,
			Location: lint.Location{File: "a\x1b[31m.yaml", Line: 1, Column: 1}}},
		Problems: []lint.Problem{{File: "b.yaml", Message: "bad \x1b[1mbyte"}},
	}
	out := string(render(t, "text", Options{}, r))
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u200b", "\x00", "\xff"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%q", bad, out)
		}
	}
	for _, want := range []string{`\u{1b}[2J`, `\u{202e}gnp.exe`, `\xff done`, `a\u{1b}[31m.yaml`, `bad \u{1b}[1mbyte`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks the escape %q:\n%s", want, out)
		}
	}
}
