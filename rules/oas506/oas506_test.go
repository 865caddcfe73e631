package oas506

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestScan(t *testing.T) {
	for s, want := range map[string]string{
		"sk-proj-WYFryKA4rYpXH4SlYQBw9FjgbZP2yicNjUm2PWkbnLbhU4IZUDP69gMF":            "an OpenAI API key",
		"key=AKIAEBJPVBXWJTXKZETV&x=1":                                                "an AWS access key id",
		"Bearer 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":                             "a GitHub token",
		"sk_live_pJPUM4c4rHVGm9SYWiGpUzhU":                                            "a Stripe secret key",
		"AKIAIOSFODNN7EXAMPLE":                                                        "",
		"sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":                         "",
		"sk_test_1234567890abcdefghijklmn":                                            "",
		"sk-proj-abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd":                        "",
		"pk_live_51HqLyjWDarjtT1zdp7dcXYZa":                                           "",
		"a task-ask-for-review-before-merge-into-main-branch-now":                     "",
		"https://hooks.slack.com/services/T0123ABCD/B0456EFGH/Zk3Lq9WmRt7Vx2Pn5Hc8Jd": "a Slack webhook URL",
	} {
		got := ""
		if m := scan(s); len(m) > 0 {
			got = m[0].kind
			if strings.Contains(m[0].redacted, s[len(s)-6:]) {
				t.Errorf("scan(%q): message shows the end of the secret: %s", s, m[0].redacted)
			}
		}
		if got != want {
			t.Errorf("scan(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSeverity checks the grading: live keys are errors, JWTs warnings and
// Stripe test-mode keys notes.
func TestSeverity(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	for _, f := range findings {
		want := lint.SeverityError
		switch {
		case strings.Contains(f.Message, "JSON Web Token"):
			want = lint.SeverityWarning
		case strings.Contains(f.Message, "test mode"):
			want = lint.SeverityNote
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, want)
		}
	}
}
