package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/owenrumney/go-sarif/v2/sarif"
)

// SARIF constants. The schema URI is the OASIS one, which is also the "id" of
// the schema document: go-sarif's default points at a branch of a GitHub
// repository instead.
const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the base of every artifact URI. originalUriBaseIds is left
	// out on purpose: it would hold the absolute scan root, which leaks
	// machine paths and changes between machines. GitHub code scanning
	// resolves %SRCROOT%-relative URIs against the repository root.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names apiaudit's own partial fingerprint, versioned so
	// that a change to lint.Fingerprint can move to "apiaudit/v2" rather than
	// silently reopening every alert.
	fingerprintKey = "apiaudit/v1"
	// automationID is the run's category ("apiaudit") with an empty run id.
	automationID = "apiaudit/"
	// baselinedKey is the run property that counts the findings a baseline
	// hid.
	baselinedKey = "apiaudit/baselined"
	// shardBaselineKey is the run property of a shard's report (scan
	// --shard) that says what it knows of its baseline, for merge.
	shardBaselineKey = "apiaudit/shardBaseline"
)

// sarifReporter writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// viewers.
//
// A result's message.text is the finding's message. The rule's generic fix
// is in the rule's help, which viewers show next to the result, so it is not
// repeated; a fix hint written for this finding alone (Finding.Fix) would be
// lost otherwise and is appended as ". Fix: <hint>", keeping the text on one
// line.
type sarifReporter struct {
	opts Options
}

func (s *sarifReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)
	index := make(map[string]int, len(r.Rules))

	driver := sarif.NewDriver(toolName).WithInformationURI(toolURI)
	if v := s.opts.ToolVersion; v != "" {
		// Numeric, without the tag's leading v: the SARIF validator's
		// SARIF2005 asks that version be comparable.
		v = strings.TrimPrefix(v, "v")
		driver.WithVersion(v)
		if semverPattern.MatchString(v) {
			driver.SemanticVersion = &v
		}
	}
	for i, rule := range r.Rules {
		index[rule.ID] = i
		// Append directly: driver.AddRule would drop a second rule with the
		// same ID and shift every later ruleIndex.
		driver.Rules = append(driver.Rules, sarifRule(rule))
	}

	run := sarif.NewRun(*sarif.NewTool(driver))
	run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(automationID))

	// Not run.AddResult: it sets ruleIndex itself, to 2^64-1 for a rule it
	// cannot find.
	for _, f := range r.Findings {
		run.Results = append(run.Results, resultOf(f, rules[f.RuleID], index))
	}
	// Suppressed findings are here only when the scan keeps them
	// (--include-suppressed): GitHub code scanning would show them as open
	// alerts.
	for _, f := range r.Suppressed {
		run.Results = append(run.Results, resultOf(f, rules[f.RuleID], index))
	}
	// What the scan looked at, so that a run that read nothing cannot
	// pass for a clean one.
	run.Properties = sarif.Properties{"documentsScanned": r.Documents, "modulesScanned": r.Modules, "filesScanned": len(r.Files)}
	if r.Catalogs > 0 {
		run.Properties["toolManifestsScanned"] = r.Catalogs
	}
	if r.ClientConfigs > 0 {
		run.Properties["clientConfigsScanned"] = r.ClientConfigs
	}
	if r.Baselined > 0 {
		run.Properties[baselinedKey] = r.Baselined
	}
	if r.Baseline != nil {
		run.Properties[shardBaselineKey] = r.Baseline
	}

	inv := run.AddInvocation(len(r.Problems) == 0)
	for _, p := range r.Problems {
		inv.AddTToolExecutionNotification(notification("error", p))
	}
	for _, p := range r.Notices {
		inv.AddTToolExecutionNotification(notification("warning", p))
	}

	doc, err := sarif.New(sarif.Version210, false)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	doc.Schema = sarifSchemaURI
	doc.AddRun(run)
	return writeJSON(w, doc)
}

// resultOf is one finding as a SARIF result, with a suppressions entry
// when it is suppressed.
func resultOf(f lint.Finding, rule *lint.Rule, index map[string]int) *sarif.Result {
	text := f.Message
	if f.Fix != "" {
		text += ". Fix: " + f.Fix
	}
	res := sarif.NewRuleResult(f.RuleID).
		WithLevel(sarifLevel(severityOf(f, rule))).
		WithMessage(sarif.NewTextMessage(text)).
		WithLocations([]*sarif.Location{sarifLocation(f.Location)}).
		WithPartialFingerPrints(map[string]any{fingerprintKey: fingerprintOf(f)})
	// A finding of a rule that did not run has no entry to point at;
	// its ruleId alone still identifies it.
	if i, ok := index[f.RuleID]; ok {
		res.WithRuleIndex(i)
	}
	if len(f.Flow) > 0 {
		res.WithCodeFlows([]*sarif.CodeFlow{codeFlow(f)})
	}
	if len(f.Related) > 0 {
		var rel []*sarif.Location
		for i, st := range f.Related {
			rel = append(rel, sarifLocation(st.Location).WithId(i+1).WithMessage(sarif.NewTextMessage(st.Message)))
		}
		res.WithRelatedLocations(rel)
	}
	if s := f.Suppression; s != nil {
		// go-sarif writes every field of a suppression, null when unset,
		// which the schema refuses: all of them are set.
		pl := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(s.Location.File))
		if s.Location.Line > 0 {
			pl.WithRegion(sarif.NewRegion().WithStartLine(s.Location.Line).WithStartColumn(max(s.Location.Column, 1)))
		}
		res.WithSuppression([]*sarif.Suppression{sarif.NewSuppression(s.Kind).
			WithStatus("accepted").
			WithJustifcation(s.Reason).
			WithLocation(sarif.NewLocationWithPhysicalLocation(pl)).
			WithGuid(suppressionGUID(fingerprintOf(f), s))})
	}
	return res
}

// codeFlow is a finding's Flow as one thread flow: each step, then the
// finding's own location, where the data arrives.
func codeFlow(f lint.Finding) *sarif.CodeFlow {
	var locs []*sarif.ThreadFlowLocation
	add := func(l lint.Location, msg string) {
		loc := sarifLocation(l).WithMessage(sarif.NewTextMessage(msg))
		locs = append(locs, sarif.NewThreadFlowLocation().WithLocation(loc))
	}
	for _, st := range f.Flow {
		add(st.Location, st.Message)
	}
	add(f.Location, f.Message)
	return sarif.NewCodeFlow().WithThreadFlows([]*sarif.ThreadFlow{sarif.NewThreadFlow().WithLocations(locs)})
}

// suppressionGUID is a stable name-based (version 5 layout) GUID for a
// suppression, so that the same scan prints the same bytes.
func suppressionGUID(fingerprint string, s *lint.Suppression) string {
	h := sha256.Sum256([]byte(s.Kind + "\x00" + s.Location.File + "\x00" + fingerprint))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// notification turns a problem or notice into a tool execution notification,
// located in its file when it has one.
func notification(level string, p lint.Problem) *sarif.Notification {
	n := sarif.NewNotification().WithLevel(level).WithTextMessage(p.Message)
	if p.File != "" {
		pl := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(p.File))
		if p.Line > 0 {
			region := sarif.NewRegion().WithStartLine(p.Line)
			if p.Column > 0 {
				region.WithStartColumn(p.Column)
			}
			pl.WithRegion(region)
		}
		n.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(pl)})
	}
	return n
}

// sarifRule is a rule's entry in tool.driver.rules, built from its Doc like
// `apiaudit explain` and docs/rules/<ID>.md are.
func sarifRule(rule *lint.Rule) *sarif.ReportingDescriptor {
	d := rule.Doc
	props := sarif.Properties{
		"tags":              rule.Tags(),
		"security-severity": rule.SecuritySeverity(),
	}
	if d.Precision != "" {
		props["precision"] = d.Precision
	}
	desc := sarif.NewRule(rule.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(d.Title)).
		WithHelpURI(rule.HelpURI()).
		WithHelp(sarif.NewMultiformatMessageString(helpText(d)).WithMarkdown(rule.Markdown())).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(d.Default()))).
		WithProperties(props)
	if rule.Name != "" {
		desc.WithName(rule.Name)
	}
	if d.Summary != "" {
		desc.WithFullDescription(sarif.NewMultiformatMessageString(d.Summary))
	}
	return desc
}

// helpText is the plain-text help: why, fix, and the examples indented.
func helpText(d lint.Doc) string {
	var parts []string
	if why := strings.TrimSpace(d.Why); why != "" {
		parts = append(parts, why)
	}
	if d.Fix != "" {
		parts = append(parts, "Fix: "+d.Fix)
	}
	for _, ex := range []struct{ label, code string }{{"Bad:", d.Bad}, {"Good:", d.Good}} {
		if code := trimBlankLines(ex.code); code != "" {
			parts = append(parts, ex.label+"\n"+indent(code, "    "))
		}
	}
	return strings.Join(parts, "\n\n")
}

// trimBlankLines drops leading and trailing blank lines but keeps the
// indentation of the first line, which matters in YAML.
func trimBlankLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, " \t\r\n"), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityNote:
		return "note"
	}
	return "warning"
}

// sarifLocation is a finding's one location. GitHub requires a region that
// starts at line 1 or later, so an unknown line or column becomes 1; the end
// is given only when it is known and does not come before the start. The JSON
// pointer becomes a logical location: it identifies the element whatever line
// it moves to. Its kind is left out because a pointer may name an object, an
// array or a scalar, and the reporter cannot tell which.
func sarifLocation(l lint.Location) *sarif.Location {
	startLine, startCol := max(l.Line, 1), max(l.Column, 1)
	region := sarif.NewRegion().WithStartLine(startLine).WithStartColumn(startCol)
	endLine := startLine
	if l.Line > 0 && l.EndLine >= startLine {
		endLine = l.EndLine
		region.WithEndLine(endLine)
	}
	if l.Line > 0 && l.EndColumn > 0 && (endLine > startLine || l.EndColumn >= startCol) {
		region.WithEndColumn(l.EndColumn)
	}
	loc := sarif.NewLocationWithPhysicalLocation(
		sarif.NewPhysicalLocation().WithArtifactLocation(artifact(l.File)).WithRegion(region))
	if l.Pointer != "" {
		loc.AddLogicalLocations(sarif.NewLogicalLocation().WithFullyQualifiedName(l.Pointer))
	}
	return loc
}

func artifact(file string) *sarif.ArtifactLocation {
	return sarif.NewSimpleArtifactLocation(fileURI(file)).WithUriBaseId(srcRoot)
}

// fileURI turns a slash-separated relative path into a relative URI
// reference: each segment is percent-encoded ("my api.yaml" becomes
// "my%20api.yaml"), and so is ":", which would otherwise read as a scheme
// ("c:x.yaml"). Leading slashes are kept to one: "//x" would read as a
// host.
func fileURI(file string) string {
	for strings.HasPrefix(file, "//") {
		file = file[1:]
	}
	segs := strings.Split(file, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// semverPattern is the Semantic Versioning 2.0.0 grammar (semver.org), for
// tool.driver.semanticVersion. Versions such as "dev" are not semantic and
// leave the field out.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?` +
	`(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$`)
