package oas101_test

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/rules/oas101"
)

func TestRule(t *testing.T) {
	if err := oas101.Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, oas101.Rule)
}

// TestSeverity checks the grading: writes and admin paths are errors, reads
// warnings, and explicit opt-outs of login and probe endpoints notes.
func TestSeverity(t *testing.T) {
	want := map[string]lint.Severity{
		"post /payments":              lint.SeverityWarning, // its own security: [] on a write
		"post /payments/{id}/refunds": lint.SeverityNote,    // {} beside a scheme: optional on purpose
		"options /exchange-rates":     lint.SeverityNote,
		"get /exchange-rates":         lint.SeverityNote, // {} beside a scheme on a read
		"get /internal/ledger":        lint.SeverityDefault,
		"post /oauth/token":           lint.SeverityNote,
		"post /v1/chat/completions":   lint.SeverityDefault, // a model call opened on purpose
	}
	findings, _ := ruletest.Findings(t, oas101.Rule, "testdata/bad.yaml")
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d", len(findings), len(want))
	}
	for _, f := range findings {
		op, _, _ := strings.Cut(f.Message, " can be called")
		if sev, ok := want[op]; !ok || f.Severity != sev {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
		}
	}
}

// TestDocumentGrades checks the document-level finding: an error when the
// document defines schemes and applies none to its writes, a warning when
// the token endpoints of its own OAuth flows are not counted as writes, and
// a note when it defines no scheme (one operation or many) or every
// operation is an OAuth endpoint.
func TestDocumentGrades(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/unused-schemes.yaml":  lint.SeverityDefault,
		"testdata/no-schemes.yaml":      lint.SeverityNote,
		"testdata/one-operation.yaml":   lint.SeverityNote,
		"testdata/oauth-endpoints.yaml": lint.SeverityNote,
		"testdata/oauth-and-api.yaml":   lint.SeverityDefault,
		// Every operation keyed in its path: a note; a write with no key
		// and no requirement beside them keeps the error.
		"testdata/path-key.yaml":       lint.SeverityNote,
		"testdata/path-key-mixed.yaml": lint.SeverityDefault,
	} {
		findings, _ := ruletest.Findings(t, oas101.Rule, file)
		if len(findings) != 1 || findings[0].Severity != want {
			t.Errorf("%s: %v, want one finding of severity %v", file, findings, want)
		}
	}
}

// TestContextNotes checks the notes of issue 11: Azure Resource Manager
// fragments that leave out azure_auth, an explicit security: [] in a
// document that defines no scheme, and a misspelt pre-authentication step
// (forget-password) are notes; a document with a server other than ARM's is
// not a fragment of it.
func TestContextNotes(t *testing.T) {
	for file, want := range map[string]lint.Severity{
		"testdata/arm-fragment.yaml":    lint.SeverityNote,
		"testdata/arm-one.yaml":         lint.SeverityNote,
		"testdata/explicit-optout.yaml": lint.SeverityNote,
		"testdata/not-arm.yaml":         lint.SeverityDefault,
	} {
		findings, _ := ruletest.Findings(t, oas101.Rule, file)
		if len(findings) == 0 {
			t.Errorf("%s: no finding", file)
		}
		for _, f := range findings {
			if f.Severity != want {
				t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, want)
			}
		}
	}
}

// TestReadsAndRootOptOut checks the grading of issue 11's OAS101 warnings:
// a top-level security: [] beside declared schemes, and reads left open in
// a document that secures other operations, are notes; a write left open
// stays an error, and an empty {} alternative on a read is a note too.
func TestReadsAndRootOptOut(t *testing.T) {
	want := map[string]lint.Severity{
		"delete /connections/{connection_id}": lint.SeverityNote,
		"get /connections/{connection_id}":    lint.SeverityNote,
		"post /variables":                     lint.SeverityWarning, // its own security: [] on a write
		"get /videos":                         lint.SeverityNote,
		"get /schedules":                      lint.SeverityNote,
		"post /videos/{id}/views":             lint.SeverityNote, // a beacon
		"get /videos/{id}/qr":                 lint.SeverityNote,
	}
	got := 0
	for _, file := range []string{"testdata/root-optout.yaml", "testdata/public-reads.yaml"} {
		findings, _ := ruletest.Findings(t, oas101.Rule, file)
		for _, f := range findings {
			op, _, _ := strings.Cut(f.Message, " can be called")
			got++
			if sev, ok := want[op]; !ok || f.Severity != sev {
				t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
			}
		}
	}
	if got != len(want) {
		t.Errorf("got %d findings, want %d", got, len(want))
	}
}

// TestOptionalAtTop checks that an empty {} alternative in the top-level
// requirements, beside a real scheme, makes the operations it covers notes
// (the document describes a mode without authentication), while a write
// whose own security offers {} stays an error.
func TestOptionalAtTop(t *testing.T) {
	want := map[string]lint.Severity{
		"post /workflows":        lint.SeverityNote,
		"delete /workflows/{id}": lint.SeverityDefault,
	}
	checkSeverities(t, "testdata/optional-top.yaml", want)
}

// checkSeverities checks that file gives one finding per operation in
// want, at the severity want gives it.
func checkSeverities(t *testing.T, file string, want map[string]lint.Severity) {
	t.Helper()
	findings, _ := ruletest.Findings(t, oas101.Rule, file)
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(findings), len(want), findings)
	}
	for _, f := range findings {
		op, _, _ := strings.Cut(f.Message, " can be called")
		if sev, ok := want[op]; !ok || f.Severity != sev {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
		}
	}
}

// TestInternal checks that an open operation marked x-internal, on itself,
// its path item or a tag, is graded one level lower, and that an unmarked
// write beside it keeps its error.
func TestInternal(t *testing.T) {
	want := map[string]lint.Severity{
		"delete /drain":      lint.SeverityWarning, // error, lowered
		"delete /checkpoint": lint.SeverityNote,    // warning (declares 401), lowered
		"delete /resume":     lint.SeverityWarning, // marked through its tag
		"post /admin/jobs":   lint.SeverityDefault, // not marked: error
	}
	checkSeverities(t, "testdata/internal.yaml", want)
}

// TestOptionalThroughout checks that an operation's own {} alternative is a
// note when every requirement the document writes offers one (optional
// authentication by design, as a top-level [token, {}]), and on a write
// where the document requires the token strictly elsewhere (credentials
// optional on purpose there), while a delete keeps its error.
func TestOptionalThroughout(t *testing.T) {
	checkSeverities(t, "testdata/optional-throughout.yaml", map[string]lint.Severity{
		"get /health": lint.SeverityNote,
		"post /init":  lint.SeverityNote,
		"post /files": lint.SeverityNote,
	})
	checkSeverities(t, "testdata/optional-one.yaml", map[string]lint.Severity{
		"post /files":        lint.SeverityNote,
		"delete /files/{id}": lint.SeverityDefault,
	})
}

// TestPathKey checks that an operation keyed in its path is a note, and
// so is one addressed by a link's token (an activation link): whoever
// holds the URL may call it, by design.
func TestPathKey(t *testing.T) {
	findings, _ := ruletest.Findings(t, oas101.Rule, "testdata/path-key-ops.yaml")
	want := map[string]lint.Severity{
		"post /legacy/{accessToken}/orders":           lint.SeverityNote,
		"post /activate/{activation_token}":           lint.SeverityNote,
		"post /webhooks/{webhook_id}/{webhook_token}": lint.SeverityNote,
		"delete /webhooks/{webhook_id}":               lint.SeverityDefault,
	}
	if len(findings) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(findings), len(want), findings)
	}
	for _, f := range findings {
		op := strings.Join(strings.Fields(f.Message)[:2], " ")
		if sev, ok := want[op]; !ok || f.Severity != sev {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
		}
	}
}
