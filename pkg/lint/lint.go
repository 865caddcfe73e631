// Package lint is apiaudit's vocabulary: rules, their documentation,
// severities, findings and the result that reporters read. It does no I/O.
package lint

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Severity ranks a finding. The zero value means "use the rule's default".
type Severity int

const (
	SeverityDefault Severity = iota
	SeverityError
	SeverityWarning
	SeverityNote
)

var severityNames = [...]string{"default", "error", "warning", "note"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning" or "note" ("info" is accepted as an
// alias of note, as gosec and vacuum users write it).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return SeverityError, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "note", "info":
		return SeverityNote, nil
	}
	return SeverityDefault, fmt.Errorf("unknown severity %q (want error, warning or note)", s)
}

// AtLeast reports whether s is as severe as threshold or more.
func (s Severity) AtLeast(threshold Severity) bool {
	return s != SeverityDefault && s <= threshold
}

// Location is where a finding is written.
type Location struct {
	File               string // slash-separated, relative to the scan root
	Line, Column       int    // 1-based; 0 = unknown
	EndLine, EndColumn int    // 0 = unknown
	Pointer            string // RFC 6901 pointer of the element in File; "" for Go
}

func (l Location) String() string {
	switch {
	case l.Line == 0:
		return l.File
	case l.Column == 0:
		return fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column)
}

// Finding is one problem reported by a rule.
type Finding struct {
	RuleID      string
	Severity    Severity // never SeverityDefault once the engine has run
	Message     string   // lowercase, names the offending element, no trailing period
	Fix         string   // one-line hint; the rule's Doc.Fix when empty
	Location    Location
	Fingerprint string // stable identity, see Fingerprint
	// Suppression is set on the findings of Result.Suppressed: what hides
	// them. It is nil for every finding that is reported.
	Suppression *Suppression
	// Flow is the path data took to reach the finding, source first; the
	// finding's own Location is the last step and is not repeated. Taint
	// rules set it; reports print it (SARIF as a codeFlow).
	Flow []Step
	// Related are other places the finding concerns, each with what it is
	// ("reads private data: read_file"): the three tools of a toxic flow.
	// SARIF prints them as relatedLocations, text as indented lines.
	Related []Step
	// Definite marks a contradiction in a document, which no cap on the
	// rule lowers (see Doc.NoteOnly). Not part of any report.
	Definite bool
}

// Step is one place on a Flow: where the data is, and what happens there
// ("request body decoded here", "passed to runTool").
type Step struct {
	Location Location
	Message  string
}

// Suppression kinds, named as SARIF names them.
const (
	SuppressedInSource = "inSource" // an x-apiaudit-ignore entry in the document
	SuppressedExternal = "external" // an entry of a baseline file
)

// Suppression is why a finding is hidden.
type Suppression struct {
	Kind     string   // SuppressedInSource or SuppressedExternal
	Reason   string   // the ignore entry's reason, or the baseline entry's (a default when it has none)
	Location Location // where the suppression is written: the ignore entry, or the baseline file
}

// Fingerprint is a finding's identity across unrelated edits: the rule, the
// file and, for spec findings, the JSON pointer of the element. Lines are left
// out on purpose so that inserting text above a finding keeps its identity.
// Go findings, which have no pointer, use the message instead.
func Fingerprint(ruleID string, loc Location, message string) string {
	anchor := loc.Pointer
	if anchor == "" {
		anchor = "msg:" + message
	}
	sum := sha256.Sum256([]byte(ruleID + "\x00" + loc.File + "\x00" + anchor))
	return hex.EncodeToString(sum[:8])
}

// GoFingerprint is the identity of a Go finding: the rule, the file, the
// enclosing function ("" at package level, "Type.Method" for methods) and the
// message. Lines are left out so that edits elsewhere in the file keep it.
func GoFingerprint(ruleID, file, function, message string) string {
	sum := sha256.Sum256([]byte(ruleID + "\x00" + file + "\x00func:" + function + "\x00" + message))
	return hex.EncodeToString(sum[:8])
}

// Compare orders findings by file, line, column, rule and message, which is the
// order every reporter prints them in.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Location.File, b.Location.File),
		cmp.Compare(a.Location.Line, b.Location.Line),
		cmp.Compare(a.Location.Column, b.Location.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Location.Pointer, b.Location.Pointer),
	)
}

// Problem is something that kept apiaudit from scanning an input, or a rule
// from running: a file that does not parse, a $ref that cannot be followed.
// Problems are not findings; any problem makes the exit code 2.
type Problem struct {
	File         string // relative to the scan root, slash-separated
	Line, Column int    // 0 = unknown
	Message      string
}

func (p Problem) Error() string {
	if p.File == "" {
		return p.Message
	}
	return Location{File: p.File, Line: p.Line, Column: p.Column}.String() + ": " + p.Message
}

// FileKind is the kind of input a scanned file is.
type FileKind int

const (
	FileUnknown      FileKind = iota
	FileOpenAPI               // an OpenAPI document's root file
	FileGo                    // a Go source file of a module
	FileToolManifest          // an MCP tool manifest (a tools/list result)
	FileClientConfig          // an MCP client configuration (mcp.json and the like)
)

// Result is what a scan produced and what reporters read.
type Result struct {
	Rules []*Rule  // every rule that ran, sorted by ID
	Files []string // inputs that were scanned, relative to the scan root
	// Kinds says what each of Files is, so that reports tell which rules
	// apply to a file (JUnit lists the rules that passed on it). A file
	// missing from it (a file an OpenAPI document $refs, a report read
	// back from JSON) is of a kind the reporter guesses.
	Kinds map[string]FileKind
	// Documents and Modules are how many OpenAPI documents and Go modules
	// the scan looked at (those that could not be loaded are problems too);
	// Files above lists the files read, Go source files included.
	Documents, Modules int
	// Catalogs is how many tool manifests the scan looked at.
	Catalogs int
	// ClientConfigs is how many MCP client configuration files (mcp.json
	// and the like) the scan read.
	ClientConfigs int
	Findings      []Finding
	Problems      []Problem // inputs that could not be scanned: exit code 2
	Notices       []Problem // files skipped for a reason worth telling; no effect on the exit code

	// Suppressed are findings hidden by x-apiaudit-ignore or a baseline,
	// each with its Suppression set. Reporters print what is here; the
	// command line empties it unless --include-suppressed is given.
	Suppressed []Finding
	// Baselined is how many findings a baseline hid (whether or not they
	// are kept in Suppressed).
	Baselined int
	// Baseline is set by a shard of a sharded scan that has a baseline.
	Baseline *BaselineUse
}

// BaselineUse is what one shard of a sharded scan (scan --shard) records of
// its baseline in its report, so that apiaudit merge can tell the stale
// entries once for the whole scan (see baseline.ShardUse). Unsharded
// reports never carry it.
type BaselineUse struct {
	Name    string          `json:"name"`    // the baseline file, as the user named it
	Entries int             `json:"entries"` // how many entries it has
	Stale   []BaselineEntry `json:"stale"`   // this shard's stale entries, in the baseline's order
	Matched []int           `json:"matched"` // indices of the entries a finding of this shard matched
}

// BaselineEntry is one entry of a baseline, at Index in its file.
type BaselineEntry struct {
	Index       int    `json:"index"`
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// Sort puts findings and problems in their canonical order.
func (r *Result) Sort() {
	slices.SortStableFunc(r.Findings, Compare)
	slices.SortStableFunc(r.Suppressed, Compare)
	byPosition := func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	}
	slices.SortStableFunc(r.Problems, byPosition)
	slices.SortStableFunc(r.Notices, byPosition)
	slices.SortFunc(r.Rules, func(a, b *Rule) int { return cmp.Compare(a.ID, b.ID) })
	slices.Sort(r.Files)
}

// Rule finds by ID one of the rules that ran.
func (r *Result) Rule(id string) *Rule {
	for _, rule := range r.Rules {
		if rule.ID == id {
			return rule
		}
	}
	return nil
}

// Counts returns how many findings there are of each severity.
func (r *Result) Counts() map[Severity]int {
	m := map[Severity]int{}
	for _, f := range r.Findings {
		m[f.Severity]++
	}
	return m
}
