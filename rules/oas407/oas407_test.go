package oas407

import (
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

// TestHiddenComment checks that a comment without model-directed phrases is
// a warning, not an error.
func TestHiddenComment(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad.yaml")
	n := 0
	for _, f := range findings {
		if want := lint.SeverityDefault; f.Severity != want && f.Severity != lint.SeverityWarning {
			t.Errorf("%s: severity %v", f.Message, f.Severity)
		}
		if f.Severity == lint.SeverityWarning {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings, want 1 (the hidden comment)", n)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"a\u200bb":      `"a\u{200B}b"`,
		"rtl\u202eevil": `"rtl\u{202E}evil"`,
		"line\nbreak":   `"line break"`,
		`say "hi"`:      `"say \"hi\""`,
		"bell\x07":      `"bell\u{7}"`,
		"\U000E0041tag": `"\u{E0041}tag"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestZeroWidth(t *testing.T) {
	for s, want := range map[string]int{
		"plain":            0,
		"a\u200bb\u200b":   2,
		"\ufeffstart":      0,
		"mid\ufeffdle":     1,
		"می\u200cخواهم":    0, // Persian needs the non-joiner
		"👨\u200d👩\u200d👧":  0, // an emoji family
		"ab\u200dcd":       1, // a joiner between ASCII letters hides something
		"word\u2060joiner": 1,
	} {
		if _, _, n := zeroWidth(s); n != want {
			t.Errorf("zeroWidth(%q) = %d, want %d", s, n, want)
		}
	}
}

func TestTagText(t *testing.T) {
	flag := "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F" // England
	if got := tagText("fans of " + flag); got != "" {
		t.Errorf("flag sequence decoded as %q", got)
	}
	if got := tagText("x\U000E0068\U000E0069"); got != "hi" {
		t.Errorf("tagText = %q, want hi", got)
	}
}

// TestMultiFile checks that text in another file is reported once, where it
// is written.
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, Rule, "testdata/multi/api.yaml")
}
