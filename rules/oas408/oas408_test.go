package oas408

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestStripCode(t *testing.T) {
	for in, want := range map[string]string{
		"a `<b>` c":                 "a       c",
		"a ``x ` y`` c":             "a           c",
		"unclosed `<script>":        "unclosed `<script>",
		"```\n<script>\n```\nafter": "   \n        \n   \nafter",
		"~~~js\nx\n":                "     \n \n",
	} {
		if got := stripCode(in); got != want {
			t.Errorf("stripCode(%q) = %q, want %q", in, got, want)
		}
	}
}
