package go201

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
}
