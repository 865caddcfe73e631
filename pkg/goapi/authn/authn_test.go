package authn

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts checks the kind found for each function: through helpers of
// the same package declared after their callers (several rounds), through
// another package's facts, and not for code that registers routes.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
}

// TestChoices checks the Choice facts of constructors that return an
// interface value: each concrete type with the condition it is returned
// under, early returns negated.
func TestChoices(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "choice")
}
