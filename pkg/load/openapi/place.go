package openapi

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// DesignContract returns the directory that makes a document a design
// contract, or "": a file under specs/<feature>/contracts/, where spec-kit
// (github/spec-kit) keeps the interface a feature was planned with. The
// contract is a draft the implementation started from, often never updated
// after; the document the API serves and clients read lives elsewhere, and
// what the draft lacks is not what a maintainer fixes.
func DesignContract(file string) string {
	parts := strings.Split(file, "/")
	for i := 0; i+3 < len(parts); i++ {
		if parts[i] == "specs" && parts[i+1] != "" && parts[i+2] == "contracts" {
			return strings.Join(parts[i:i+3], "/") + "/"
		}
	}
	return ""
}

// GradeByPlace grades the findings of a document by where it lives: in a
// design contract (see DesignContract) errors and warnings are notes whose
// message says why. sample, when not "", is the reason the document is a
// sample rather than a description an API serves, as the scan tells it
// from the document's directory below the path it was started on ("an
// example (examples/)"); its errors and warnings are notes too. Findings
// already at note keep their own reason.
func GradeByPlace(file, sample string, findings []lint.Finding) {
	why := ""
	if dir := DesignContract(file); dir != "" {
		why = dir + " holds a spec-kit design contract, the draft a feature was planned with, not the description the API serves"
	} else if sample != "" {
		why = "the document is " + sample + ", a sample rather than the description an API serves"
	}
	if why == "" {
		return
	}
	for i := range findings {
		f := &findings[i]
		if f.Severity == lint.SeverityError || f.Severity == lint.SeverityWarning {
			was := "a warning"
			if f.Severity == lint.SeverityError {
				was = "an error"
			}
			f.Message += " (a note, not " + was + ": " + why + ")"
			f.Severity = lint.SeverityNote
		}
	}
}
