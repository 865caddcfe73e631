package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/inventory"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Doc is a rule's documentation, the single source for `apiaudit explain`,
// docs/rules/<ID>.md and the rule entries of SARIF output.
type Doc struct {
	Title     string   // short phrase, capitalised, no trailing period (SARIF shortDescription)
	Summary   string   // one or two sentences: what the rule looks for (SARIF fullDescription)
	Why       string   // markdown: why it matters
	Fix       string   // one line: how to fix a finding (printed under each finding)
	Bad       string   // an example that triggers the rule
	Good      string   // the same example, fixed
	Lang      string   // language of Bad and Good for markdown fences ("yaml", "go")
	Severity  Severity // default severity
	Precision string   // "very-high", "high", "medium" or "low" (SARIF properties.precision)
	CWE       []int    // CWE ids, most specific first
	OWASP     []string // e.g. "API2:2023", "LLM06:2025"
	Since     string   // release that added the rule
	// Grades says how context raises or lowers the severity of a finding
	// from the default (markdown, one short paragraph or a list); each
	// finding graded so says why in its message. Empty when every finding
	// has the default severity.
	Grades string
	// Optional rules are off unless the configuration enables them: audit
	// checks that are noisy by nature (every user-turn prompt flow, tools
	// without annotations, calls without a token cap).
	Optional bool
	// NoteOnly, when set, caps the rule's findings at note whatever its
	// checks grade them, and is the reason each lowered message gives. A
	// rule whose judged findings on real projects hold no true positive
	// among ten or more reports notes (docs/precision.md, "Severity
	// follows the judged record"); its checks keep their grades, so that
	// raising it again is one line. A contradiction in a document
	// (Finding.Definite) keeps its grade. Severity stays the grade the
	// checks give by default; Rule.Severity is what the rule reports.
	NoteOnly string
}

// Rule is one check. It is a package-level value defined in rules/<id>/.
type Rule struct {
	ID   string // "OAS101", "GO201": family prefix + 3 digits, never reused
	Name string // kebab-case, e.g. "operation-without-auth"
	Doc  Doc
	// Spec checks one OpenAPI document. A returned error means the rule could
	// not run; findings are reported through the pass.
	Spec func(*SpecPass) error
	// Analyzer checks Go packages; its Name is the rule's ID. It reports
	// through analysis.Pass.Report, and pkg/load/gosrc turns diagnostics
	// into findings.
	Analyzer *analysis.Analyzer
	// Catalog checks one tool catalog (pkg/toolcat): the tools of an MCP
	// tool manifest, of a Go MCP server or of an OpenAPI document. A
	// returned error means the rule could not run.
	Catalog func(*CatalogPass) error
	// Client checks one MCP client configuration file (mcp.json and the
	// like): the servers an agent host starts or connects to.
	Client func(*ClientPass) error
	// Options, when set, points at the rule's settings: a struct with yaml
	// tags, holding its defaults, that the configuration file decodes into
	// (keys are the rule's name). Rules read it each time they run. Only
	// rules whose users will reasonably disagree (thresholds, word lists,
	// allowed scopes) have options.
	Options any
	// Exclusive marks a Spec rule that changes the document while it runs
	// (and puts it back before it returns): the engine runs it before the
	// others, alone, instead of side by side with them.
	Exclusive bool
	// Drift checks the join of OpenAPI documents and the Go code that
	// serves them (pkg/inventory): it runs once per scan, after both are
	// loaded, and only when the scan holds a document and a Go module.
	Drift func(*DriftPass) error
	// Module, for a Go rule, grades the rule's findings with what the
	// packages of a whole module say together, which one package's
	// analysis cannot see (a handler in one package, the routes that
	// serve it in another). It runs in apiaudit scan only, once per
	// module, after the analysis.
	Module *ModuleStep
	// Engine marks a rule whose findings the engine itself makes (invalid
	// documents, suppressions that match nothing); it has no Spec.
	Engine bool
}

// HelpURI is where a rule's page lives in the repository.
func (r *Rule) HelpURI() string {
	return "https://github.com/apiaudit/apiaudit/blob/main/docs/rules/" + r.ID + ".md"
}

// Tags are the SARIF/JSON tags of a rule: "security", its CWE and OWASP ids.
func (r *Rule) Tags() []string {
	tags := []string{"security"}
	for _, c := range r.Doc.CWE {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", c))
	}
	for _, o := range r.Doc.OWASP {
		tags = append(tags, "external/owasp/"+strings.ToLower(o))
	}
	return tags
}

// Severity is the default severity of the rule's findings as reports give
// it: note for a rule capped at note (Doc.NoteOnly), else Doc.Severity.
func (r *Rule) Severity() Severity { return r.Doc.Default() }

// Default is the default severity of the findings as reports give it: note
// for a rule capped at note (NoteOnly), else Severity.
func (d Doc) Default() Severity {
	if d.NoteOnly != "" {
		return SeverityNote
	}
	return d.Severity
}

// SeverityText is how context grades the findings, as the rule's page,
// explain and the reports say it: Grades, preceded by the cap of a
// note-only rule.
func (d Doc) SeverityText() string {
	if d.NoteOnly == "" {
		return d.Grades
	}
	cap := "Every finding is a note, whatever its checks grade it (a contradiction in a document keeps its grade): " +
		d.NoteOnly + "."
	if d.Grades == "" {
		return cap + " Without the cap its findings would be " + d.Severity.String() + "s."
	}
	return cap + " The checks grade as follows (" + d.Severity.String() + " by default), and the cap lowers every grade above note:\n\n" + d.Grades
}

// SecuritySeverity is the CVSS-like score GitHub code scanning uses to rank
// alerts, derived from the default severity.
func (r *Rule) SecuritySeverity() string {
	switch r.Severity() {
	case SeverityError:
		return "8.0"
	case SeverityWarning:
		return "5.0"
	}
	return "2.0"
}

var (
	idPattern   = regexp.MustCompile(`^(OAS|GO|MCP)[1-5]\d\d$`)
	namePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Validate checks that a rule is well formed: used by the registry test.
func (r *Rule) Validate() error {
	var errs []string
	if !idPattern.MatchString(r.ID) {
		errs = append(errs, "id does not match "+idPattern.String())
	}
	if !namePattern.MatchString(r.Name) {
		errs = append(errs, "name is not kebab-case")
	}
	d := r.Doc
	if d.Title == "" || strings.HasSuffix(d.Title, ".") {
		errs = append(errs, "title is empty or ends with a period")
	}
	for field, v := range map[string]string{"Summary": d.Summary, "Why": d.Why, "Fix": d.Fix, "Bad": d.Bad, "Good": d.Good, "Since": d.Since, "Lang": d.Lang} {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, field+" is empty")
		}
	}
	if d.Severity == SeverityDefault {
		errs = append(errs, "no default severity")
	}

	switch d.Precision {
	case "very-high", "high", "medium", "low":
	default:
		errs = append(errs, "precision must be very-high, high, medium or low")
	}
	if len(d.CWE) == 0 || len(d.OWASP) == 0 {
		errs = append(errs, "needs CWE and OWASP mappings")
	}
	kinds := 0
	for _, set := range []bool{r.Spec != nil, r.Analyzer != nil, r.Catalog != nil, r.Client != nil, r.Drift != nil, r.Engine} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		errs = append(errs, "needs exactly one of Spec, Analyzer, Catalog, Client, Drift or the Engine mark")
	}
	if r.Analyzer != nil && r.Analyzer.Name != r.ID {
		errs = append(errs, "analyzer name "+r.Analyzer.Name+" differs from the id")
	}
	if len(errs) > 0 {
		return fmt.Errorf("rule %s: %s", r.ID, strings.Join(errs, "; "))
	}
	return nil
}

// SpecPass is what an OpenAPI rule sees: one document, converted to the
// OpenAPI 3 model when it was written as Swagger 2.0.
type SpecPass struct {
	Rule    *Rule
	Doc     *openapi3.T
	File    string // the root file, relative to the scan root
	Version string // as written: "2.0", "3.0" or "3.1"

	// Locate turns a JSON pointer (in the OpenAPI 3 model) and the element's
	// origin into a position in the file where the element is written. field
	// names a key of the element to point at ("" = the element itself).
	Locate func(ptr string, origin *openapi3.Origin, field string) Location
	// Report records a finding. Severity may be left as SeverityDefault.
	Report func(Finding)
}

// Reportf reports a finding at the element addressed by ptr.
func (p *SpecPass) Reportf(ptr string, origin *openapi3.Origin, field string, format string, args ...any) {
	p.ReportSeverityf(SeverityDefault, ptr, origin, field, format, args...)
}

// ReportSeverityf is Reportf with a severity that differs from the rule's
// default, for rules whose findings are graded (a write operation without
// auth is worse than a read).
func (p *SpecPass) ReportSeverityf(sev Severity, ptr string, origin *openapi3.Origin, field string, format string, args ...any) {
	p.Report(Finding{
		RuleID:   p.Rule.ID,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Location: p.Locate(ptr, origin, field),
	})
}

// ReportDefinitef reports a contradiction in the document (a minimum above
// its maximum: no value is valid), which keeps its severity on a rule that
// reports notes only.
func (p *SpecPass) ReportDefinitef(sev Severity, ptr string, origin *openapi3.Origin, field string, format string, args ...any) {
	p.Report(Finding{
		RuleID:   p.Rule.ID,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Location: p.Locate(ptr, origin, field),
		Definite: true,
	})
}

// Capped is f as the rule's NoteOnly cap leaves it: a finding graded above
// note is a note whose message says why, unless it is Definite. The
// fingerprint, when f has one, is not touched: lowering a finding does
// not make it another.
func Capped(r *Rule, f Finding) Finding {
	if r.Doc.NoteOnly == "" || f.Definite || f.Severity == SeverityNote || f.Severity == SeverityDefault {
		return f
	}
	f.Severity = SeverityNote
	// The check's own grade no longer holds: keep its reason, drop its
	// level.
	for _, lead := range []string{" (an error, not a warning: ", " (a warning, not an error: ", " (an error: ", " (a warning: "} {
		f.Message = strings.Replace(f.Message, lead, " (", 1)
	}
	f.Message += " (a note: " + r.Doc.NoteOnly + ")"
	return f
}

// CatalogPass is what a catalog rule sees: the tools of one source.
type CatalogPass struct {
	Rule    *Rule
	Catalog *toolcat.Catalog
	// Lock is the tool lock file the scan was given (--tools-lock), nil
	// when there is none: the drift rule compares the catalog with it.
	Lock *toolcat.Lock
	// Report records a finding. Severity may be left as SeverityDefault.
	Report func(Finding)
}

// DriftPass is what a drift rule sees: the inventory of the scan, where
// documents are paired with the Go modules that serve them.
type DriftPass struct {
	Rule      *Rule
	Inventory *inventory.Inventory
	// Report records a finding. Severity may be left as SeverityDefault.
	Report func(Finding)
}

// At turns a position of the tool model into a finding's location.
func At(p toolcat.Pos) Location {
	return Location{File: p.File, Line: p.Line, Column: p.Column, Pointer: p.Pointer}
}

// Reportf reports a finding at a position of the catalog.
func (p *CatalogPass) Reportf(at toolcat.Pos, format string, args ...any) {
	p.ReportSeverityf(SeverityDefault, at, format, args...)
}

// ReportSeverityf is Reportf with a severity other than the rule's default.
func (p *CatalogPass) ReportSeverityf(sev Severity, at toolcat.Pos, format string, args ...any) {
	p.Report(Finding{RuleID: p.Rule.ID, Severity: sev, Message: fmt.Sprintf(format, args...), Location: At(at)})
}

// ClientPass is what an MCP client configuration rule sees: one file.
type ClientPass struct {
	Rule   *Rule
	Config *mcpclient.Config
	// Tools are the tool catalogs of the configuration's servers where
	// they are known (a tool manifest saved beside the file, see
	// toolmanifest.Beside), by server name; servers without one are absent.
	Tools map[string]*toolcat.Catalog
	// Report records a finding. Severity may be left as SeverityDefault.
	Report func(Finding)
}

// At is the location of a value of the configuration.
func (p *ClientPass) At(v mcpclient.Value) Location {
	return Location{File: p.Config.File, Line: v.Pos.Line, Column: v.Pos.Column, Pointer: v.Pointer}
}

// Reportf reports a finding at a value of the configuration, with the
// rule's default severity when sev is SeverityDefault.
func (p *ClientPass) Reportf(sev Severity, v mcpclient.Value, format string, args ...any) {
	p.Report(Finding{RuleID: p.Rule.ID, Severity: sev, Message: fmt.Sprintf(format, args...), Location: p.At(v)})
}

// InventoryAt is the location of an inventory position.
func InventoryAt(p inventory.Pos) Location {
	return Location{File: p.File, Line: p.Line, Column: p.Column, Pointer: p.Pointer}
}

// Reportf reports a finding at p, with the rule's default severity.
func (p *DriftPass) Reportf(at inventory.Pos, format string, args ...any) {
	p.Report(Finding{RuleID: p.Rule.ID, Message: fmt.Sprintf(format, args...), Location: InventoryAt(at)})
}

// ModuleStep is a Go rule's step over a whole module (Rule.Module).
type ModuleStep struct {
	// Collect runs on every package beside the rule and reports nothing;
	// Apply gets its results, one per package.
	Collect *analysis.Analyzer
	// Apply returns the rule's findings (those reported and those an
	// ignore suppressed) regraded; root is the absolute scan root that
	// the findings' files are relative to.
	Apply func(findings []Finding, collected []any, root string) []Finding
}
