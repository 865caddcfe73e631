package go501

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a")
}

func TestPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"":                         true,
		"test":                     true,
		"your-api-key":             true,
		"OPENAI_API_KEY":           true,
		"${OPENAI_API_KEY}":        true,
		"<api key>":                true,
		"xxxxxxxxxxxxxxxxxxxxxxxx": true,
		"Zq9v3Lr8Tn2Wk5Hy7Bd4Mf6P": false,
	} {
		if got := placeholder(s); got != want {
			t.Errorf("placeholder(%q) = %v, want %v", s, got, want)
		}
	}
}
