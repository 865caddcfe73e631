package engine

import "github.com/apiaudit/apiaudit/pkg/lint"

// SuppressionRule reports suppressions that do not do what their author
// meant. The engine makes its findings; it has no check function.
var SuppressionRule = &lint.Rule{
	ID:     "OAS501",
	Name:   "ineffective-suppression",
	Engine: true,
	Doc: lint.Doc{
		Title:   "Suppression is malformed, unexplained or unused",
		Summary: "An x-apiaudit-ignore entry (OpenAPI) or //apiaudit:ignore comment (Go) names an unknown rule, gives no reason, is malformed, or matches no finding.",
		Why: `A suppression is a claim that a finding does not apply, and a reviewer
can only check that claim when it says why. Suppressions also outlive the
problems they hid: once an operation gains authentication, an ignore left on
it would silently hide the next regression of the same kind. apiaudit
therefore ignores suppressions without a reason, and reports entries that
match nothing so they can be removed.`,
		Fix: "give each suppression a known rule id and a reason, and delete suppressions that match nothing",
		Bad: `paths:
  /health:
    get:
      x-apiaudit-ignore:
        - rule: OAS101          # no reason: not honoured
      responses:
        "200": {description: ok}`,
		Good: `paths:
  /health:
    get:
      x-apiaudit-ignore:
        - rule: OAS101
          reason: liveness probe for the load balancer, returns no data
      responses:
        "200": {description: ok}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "very-high",
		CWE:       []int{1164},
		OWASP:     []string{"API9:2023"},
		Since:     "v0.1.0",
	},
}
