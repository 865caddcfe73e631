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

// TestFuncValues checks authentication through function values taken
// from tables (a slice of structs, a literal in a map, another package's
// map of unexported checks), and silence for values received as
// parameters and for tables whose functions check nothing.
func TestFuncValues(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "fv")
}
