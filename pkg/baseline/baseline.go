// Package baseline hides the findings that predate a change, so that
// apiaudit can be adopted on an existing codebase and report only what is
// new: findings recorded in a baseline file (by fingerprint), and findings
// on lines that have not changed since a git revision (ChangedSince).
//
// docs/baseline.md describes the file format.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Version is the version of the file format.
const Version = 1

// dateLayout is how expires is written.
const dateLayout = "2006-01-02"

// maxFileSize bounds what Read reads.
const maxFileSize = 64 << 20

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding. Only Fingerprint decides what it hides;
// the rule, file and message are there for the people who review the file.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	File        string `json:"file"`
	Message     string `json:"message"`
	Reason      string `json:"reason,omitempty"`  // why the finding is accepted
	Expires     string `json:"expires,omitempty"` // YYYY-MM-DD: the last day the entry hides its finding
}

// Baseline is a baseline file that has been read.
type Baseline struct {
	Name    string // the file, as the user named it
	Entries []Entry
	expires []time.Time // parsed Expires; zero = never
}

// Read reads a baseline file. A missing file, one that is not JSON, an
// unknown key or a bad date is an error that names the file.
func Read(name string) (*Baseline, error) {
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("baseline %s: no such file (--write-baseline %s creates it)", name, name)
		}
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("baseline %s: larger than 64MB", name)
	}
	return Parse(data, name)
}

// Parse decodes the content of a baseline file; name is used in errors.
func Parse(data []byte, name string) (*Baseline, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("baseline %s: %s", name, fmt.Sprintf(format, args...))
	}
	var file File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, bad("line %d: not valid JSON: %v", lineAt(data, se.Offset), se)
		case errors.As(err, &te) && te.Field == "":
			return nil, bad("not a baseline file: want a JSON object, got a JSON %s", te.Value)
		case errors.As(err, &te):
			return nil, bad("line %d: %s: want %s, got a JSON %s", lineAt(data, te.Offset), te.Field, jsonKind(te.Type.Kind()), te.Value)
		case errors.Is(err, io.EOF):
			return nil, bad("the file is empty")
		}
		return nil, bad("not a baseline file: %v", err)
	}
	if dec.More() {
		return nil, bad("more than one JSON value")
	}
	if file.Version != Version {
		return nil, bad("version %d is not supported (want %d)", file.Version, Version)
	}
	b := &Baseline{Name: name, Entries: file.Findings, expires: make([]time.Time, len(file.Findings))}
	for i, e := range file.Findings {
		if e.Fingerprint == "" {
			return nil, bad("findings[%d] has no fingerprint", i)
		}
		if e.Expires != "" {
			t, err := time.Parse(dateLayout, e.Expires)
			if err != nil {
				return nil, bad("findings[%d].expires: %q is not a date such as 2026-12-31", i, e.Expires)
			}
			b.expires[i] = t
		}
	}
	return b, nil
}

// jsonKind names what a Go kind is in JSON.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Int:
		return "a number"
	}
	return k.String()
}

// lineAt is the 1-based line of a byte offset.
func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// New records findings as a baseline. Entries of previous (which may be nil)
// that record the same fingerprint keep their reason and expiry date.
func New(name string, findings []lint.Finding, previous *Baseline) *Baseline {
	kept := map[string]Entry{}
	if previous != nil {
		for _, e := range previous.Entries {
			if _, ok := kept[e.Fingerprint]; !ok {
				kept[e.Fingerprint] = e
			}
		}
	}
	b := &Baseline{Name: name}
	seen := map[string]bool{}
	for _, f := range findings {
		if seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		e := Entry{Fingerprint: f.Fingerprint, RuleID: f.RuleID, File: f.Location.File, Message: f.Message}
		if old, ok := kept[f.Fingerprint]; ok {
			e.Reason, e.Expires = old.Reason, old.Expires
		}
		b.Entries = append(b.Entries, e)
	}
	slices.SortFunc(b.Entries, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	b.expires = make([]time.Time, len(b.Entries))
	for i, e := range b.Entries {
		if t, err := time.Parse(dateLayout, e.Expires); err == nil {
			b.expires[i] = t
		}
	}
	return b
}

// Encode writes the baseline as JSON, two-space indented, one entry per
// finding, sorted by file, rule and message so that diffs stay small.
func (b *Baseline) Encode(w io.Writer) error {
	file := File{Version: Version, Findings: b.Entries}
	if file.Findings == nil {
		file.Findings = []Entry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(file); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Apply moves the findings that a live entry records from res.Findings to
// res.Suppressed (kind external) and counts them in res.Baselined. An entry
// whose expiry date is before today no longer hides anything and is
// reported as a notice, so that it gets renewed or fixed.
func (b *Baseline) Apply(res *lint.Result, today time.Time) {
	y, m, d := today.Date()
	today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	live := map[string]int{} // fingerprint -> entry index
	for i, e := range b.Entries {
		if t := b.expires[i]; !t.IsZero() && t.Before(today) {
			res.Notices = append(res.Notices, lint.Problem{File: b.Name, Message: fmt.Sprintf(
				"baseline entry %s (%s in %s: %s) expired on %s: the finding is reported again",
				e.Fingerprint, e.RuleID, e.File, e.Message, e.Expires)})
			continue
		}
		if _, ok := live[e.Fingerprint]; !ok {
			live[e.Fingerprint] = i
		}
	}
	kept := res.Findings[:0:0]
	for _, f := range res.Findings {
		i, ok := live[f.Fingerprint]
		if !ok {
			kept = append(kept, f)
			continue
		}
		reason := b.Entries[i].Reason
		if reason == "" {
			reason = "recorded in the baseline " + b.Name
		}
		f.Suppression = &lint.Suppression{Kind: lint.SuppressedExternal, Reason: reason, Location: lint.Location{File: b.Name}}
		res.Suppressed = append(res.Suppressed, f)
		res.Baselined++
	}
	res.Findings = kept
	res.Sort()
}

// Stale returns the entries that no longer hide anything: their file was
// scanned, they have not expired, and no finding has their fingerprint (the
// finding was fixed, or the code around it changed). findings are the
// scan's findings before any other filter (--new-from-rev) dropped some;
// scanned are the files the scan read. Entries of files that were not
// scanned (a scan of one directory with the whole repository's baseline)
// are not stale.
func (b *Baseline) Stale(findings []lint.Finding, scanned []string, today time.Time) []Entry {
	y, m, d := today.Date()
	today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	found := make(map[string]bool, len(findings))
	for _, f := range findings {
		found[f.Fingerprint] = true
	}
	read := make(map[string]bool, len(scanned))
	for _, f := range scanned {
		read[f] = true
	}
	var stale []Entry
	for i, e := range b.Entries {
		if t := b.expires[i]; !t.IsZero() && t.Before(today) {
			continue // reported as expired
		}
		if read[e.File] && !found[e.Fingerprint] {
			stale = append(stale, e)
		}
	}
	return stale
}

// StaleNotice is the notice a scan gives for stale entries: how many, and
// the first, so that the baseline gets pruned.
func (b *Baseline) StaleNotice(stale []Entry) lint.Problem {
	return StaleNotice(b.Name, stale)
}

// StaleNotice is the notice for the stale entries of the baseline name.
func StaleNotice(name string, stale []Entry) lint.Problem {
	n := fmt.Sprintf("%d baseline entries match", len(stale))
	if len(stale) == 1 {
		n = "1 baseline entry matches"
	}
	e := stale[0]
	return lint.Problem{File: name, Message: fmt.Sprintf(
		"%s no finding (fixed, or the code changed): prune with --baseline %s --write-baseline %s; the first: %s %s in %s: %s",
		n, name, name, e.Fingerprint, e.RuleID, e.File, e.Message)}
}

// ShardUse is what one shard of a sharded scan knows of the baseline, for
// apiaudit merge to tell the stale entries once for the whole scan: its
// stale entries (a shard calls an entry stale when it read the entry's
// file and found nothing) and the entries one of its findings matched.
// An entry is stale for the whole scan when some shard calls it stale and
// no shard matched it. findings, scanned and today are as for Stale.
func (b *Baseline) ShardUse(findings []lint.Finding, scanned []string, today time.Time) *lint.BaselineUse {
	use := &lint.BaselineUse{Name: b.Name, Entries: len(b.Entries), Stale: []lint.BaselineEntry{}, Matched: []int{}}
	stale := b.Stale(findings, scanned, today)
	found := make(map[string]bool, len(findings))
	for _, f := range findings {
		found[f.Fingerprint] = true
	}
	j := 0
	for i, e := range b.Entries {
		if j < len(stale) && stale[j] == e {
			use.Stale = append(use.Stale, lint.BaselineEntry{Index: i, Fingerprint: e.Fingerprint, RuleID: e.RuleID, File: e.File, Message: e.Message})
			j++
		}
		if found[e.Fingerprint] {
			use.Matched = append(use.Matched, i)
		}
	}
	return use
}

// Summary is a one-line description of a baseline write, for standard error.
func (b *Baseline) Summary() string {
	n := len(b.Entries)
	word := "findings"
	if n == 1 {
		word = "finding"
	}
	return fmt.Sprintf("wrote %d %s to the baseline %s", n, word, strings.TrimSpace(b.Name))
}
