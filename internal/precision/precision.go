// Package precision measures how many of apiaudit's findings a maintainer
// would act on. It reads the scans of a list of pinned public projects and of
// the shared corpus (apiaudit's JSON output), draws a seeded sample of
// findings per rule and severity, and joins the sample with judgments made by
// hand and kept in the repository. The numbers it prints are the share of
// judged findings that are true positives, per rule, per severity and per
// kind of input. See docs/precision.md.
//
// Nothing here touches the network or runs apiaudit: the command in
// cmd/precision does the scanning, and this package only reads files.
package precision

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Project is one line of the projects file: a public repository pinned by
// commit, and the directory under its checkout to scan.
type Project struct {
	Name       string // short, unique; also the checkout's folder name and the scan's file name
	Set        string // one of Sets
	Repository string // https URL
	Commit     string // 40 hex digits
	Subdir     string // "." for the whole checkout
}

// Sets are the values a project's Set may take: "tuning" (named in issue 11,
// used to tune rules), "acceptance" (kept aside) and "fresh" (a sample drawn
// late and hand-judged once, for the final acceptance measurement; nobody
// tunes on it).
var Sets = []string{"tuning", "acceptance", "fresh"}

// ReadProjects parses a projects file: tab-separated name, set, repository,
// commit and subdirectory, one project a line; blank lines and lines starting
// with # are skipped, and so is a header line starting with "name".
func ReadProjects(path string) ([]Project, error) {
	rows, err := readTSV(path, 5)
	if err != nil {
		return nil, err
	}
	var out []Project
	seen := map[string]bool{}
	for _, r := range rows {
		p := Project{Name: r.f[0], Set: r.f[1], Repository: r.f[2], Commit: r.f[3], Subdir: r.f[4]}
		switch {
		case p.Name == "" || strings.ContainsAny(p.Name, `/\ `) || p.Name == Corpus:
			return nil, fmt.Errorf("%s:%d: bad project name %q", path, r.line, p.Name)
		case seen[p.Name]:
			return nil, fmt.Errorf("%s:%d: project %s listed twice", path, r.line, p.Name)
		case !slices.Contains(Sets, p.Set):
			return nil, fmt.Errorf("%s:%d: set %q is not one of %s", path, r.line, p.Set, strings.Join(Sets, ", "))
		case len(p.Commit) != 40 || strings.Trim(p.Commit, "0123456789abcdef") != "":
			return nil, fmt.Errorf("%s:%d: commit %q is not 40 hex digits", path, r.line, p.Commit)
		case p.Subdir == "" || strings.HasPrefix(p.Subdir, "/") || strings.Contains(p.Subdir, ".."):
			return nil, fmt.Errorf("%s:%d: subdirectory %q must be relative and inside the checkout", path, r.line, p.Subdir)
		}
		seen[p.Name] = true
		out = append(out, p)
	}
	return out, nil
}

// Verdicts a judgment may give.
const (
	TP    = "TP"    // true, and a maintainer would act on it
	Noise = "NOISE" // true, but nobody would act on it (at this severity)
	FP    = "FP"    // false: the code or spec does not do what the finding says
)

// Judgment is one line of the judgments file.
type Judgment struct {
	Fingerprint string
	Rule        string
	Location    Location
	Verdict     string
	Reason      string
	Line        int // line in the judgments file, for messages
}

// ReadJudgments parses a judgments file: tab-separated fingerprint, rule,
// location (source:file:line), verdict (TP, FP or NOISE) and a one-line
// reason. A fingerprint judged twice in the same source is an error.
func ReadJudgments(path string) ([]Judgment, error) {
	rows, err := readTSV(path, 5)
	if err != nil {
		return nil, err
	}
	var out []Judgment
	seen := map[key]int{}
	for _, r := range rows {
		loc, err := ParseLocation(r.f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, r.line, err)
		}
		j := Judgment{Fingerprint: r.f[0], Rule: r.f[1], Location: loc, Verdict: r.f[3], Reason: r.f[4], Line: r.line}
		switch {
		case len(j.Fingerprint) != 16 || strings.Trim(j.Fingerprint, "0123456789abcdef") != "":
			return nil, fmt.Errorf("%s:%d: fingerprint %q is not 16 hex digits", path, r.line, j.Fingerprint)
		case j.Rule == "":
			return nil, fmt.Errorf("%s:%d: no rule", path, r.line)
		case j.Verdict != TP && j.Verdict != Noise && j.Verdict != FP:
			return nil, fmt.Errorf("%s:%d: verdict %q is not TP, FP or NOISE", path, r.line, j.Verdict)
		case strings.TrimSpace(j.Reason) == "":
			return nil, fmt.Errorf("%s:%d: a judgment needs a reason", path, r.line)
		}
		k := key{loc.Source, j.Fingerprint}
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("%s:%d: fingerprint %s of %s already judged on line %d", path, r.line, j.Fingerprint, loc.Source, prev)
		}
		seen[k] = r.line
		out = append(out, j)
	}
	return out, nil
}

// Location names a finding across sources: the project (or "corpus"), the
// file relative to the scanned directory, and the line.
type Location struct {
	Source string
	File   string
	Line   int
}

func (l Location) String() string { return fmt.Sprintf("%s:%s:%d", l.Source, l.File, l.Line) }

// ParseLocation reads "source:file:line".
func ParseLocation(s string) (Location, error) {
	src, rest, ok := strings.Cut(s, ":")
	i := strings.LastIndex(rest, ":")
	if !ok || src == "" || i <= 0 {
		return Location{}, fmt.Errorf("location %q is not source:file:line", s)
	}
	line, err := strconv.Atoi(rest[i+1:])
	if err != nil || line < 0 {
		return Location{}, fmt.Errorf("location %q: line %q is not a number", s, rest[i+1:])
	}
	return Location{Source: src, File: rest[:i], Line: line}, nil
}

// Corpus is the source name of the shared OpenAPI corpus.
const Corpus = "corpus"

// Finding is what the harness keeps of a finding in apiaudit's JSON output.
type Finding struct {
	Source      string
	Rule        string
	Severity    string // "error", "warning" or "note"
	Message     string
	File        string
	Line        int
	Pointer     string // JSON Pointer of an OpenAPI finding; "" for Go
	Fingerprint string
}

// Location is where the finding is, as judgments name it.
func (f Finding) Location() Location { return Location{f.Source, f.File, f.Line} }

// Scan is one source's scan: its findings and how many problems it had.
type Scan struct {
	Source   string
	Findings []Finding
	Problems int
}

// ReadScan parses apiaudit's JSON report (docs/json-format.md) for source.
func ReadScan(source string, r io.Reader) (*Scan, error) {
	var doc struct {
		Version  int `json:"version"`
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Location struct {
				File    string `json:"file"`
				Line    int    `json:"line"`
				Pointer string `json:"pointer"`
			} `json:"location"`
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
		Problems []json.RawMessage `json:"problems"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("read scan of %s: %w", source, err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("read scan of %s: JSON report version %d, want 1", source, doc.Version)
	}
	s := &Scan{Source: source, Problems: len(doc.Problems)}
	for _, f := range doc.Findings {
		s.Findings = append(s.Findings, Finding{
			Source: source, Rule: f.RuleID, Severity: f.Severity, Message: f.Message,
			File: f.Location.File, Line: f.Location.Line, Pointer: f.Location.Pointer, Fingerprint: f.Fingerprint,
		})
	}
	return s, nil
}

// ReadScanFile is ReadScan on a file.
func ReadScanFile(source, path string) (*Scan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadScan(source, f)
}

type row struct {
	line int
	f    []string
}

// readTSV reads the non-comment lines of a tab-separated file with exactly n
// fields each (the last may hold tabs of its own: it gets the rest).
func readTSV(path string, n int) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, "\t", n)
		if len(rows) == 0 && (fields[0] == "name" || fields[0] == "fingerprint") {
			continue // header
		}
		if len(fields) != n {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want %d", path, ln, len(fields), n)
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		rows = append(rows, row{ln, fields})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}
