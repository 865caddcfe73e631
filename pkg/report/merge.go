package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"

	"github.com/apiaudit/apiaudit/pkg/baseline"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// MergeJSON joins the JSON reports of the shards of one scan (scan --shard
// I/N, the same flags and version for every shard) into the report the scan
// would have written unsharded: findings, suppressed findings, problems and
// notices in the engine's order, the summary recounted. names label the
// inputs in errors. Reports of different versions or rule sets are refused:
// they are not shards of one scan.
func MergeJSON(w io.Writer, inputs [][]byte, names []string) error {
	var out jsonReport
	var shards []*lint.BaselineUse
	for i, data := range inputs {
		var r jsonReport
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("merge %s: not an apiaudit JSON report: %v", names[i], err)
		}
		if r.Version != jsonVersion || r.Tool.Name != toolName {
			return fmt.Errorf("merge %s: not an apiaudit JSON report of version %d", names[i], jsonVersion)
		}
		if i == 0 {
			out = jsonReport{Version: r.Version, Tool: r.Tool, Rules: r.Rules,
				Findings: []jsonFinding{}, Problems: []jsonProblem{}, Notices: []jsonProblem{}}
		} else if r.Tool != out.Tool || !reflect.DeepEqual(r.Rules, out.Rules) {
			return fmt.Errorf("merge %s: another apiaudit version or rule set than %s: not a shard of the same scan", names[i], names[0])
		}
		out.Findings = append(out.Findings, r.Findings...)
		out.Suppressed = append(out.Suppressed, r.Suppressed...)
		out.Problems = append(out.Problems, r.Problems...)
		out.Notices = append(out.Notices, r.Notices...)
		out.Summary.Documents += r.Summary.Documents
		out.Summary.Modules += r.Summary.Modules
		out.Summary.ToolManifests += r.Summary.ToolManifests
		out.Summary.ClientConfigs += r.Summary.ClientConfigs
		out.Summary.FilesScanned += r.Summary.FilesScanned
		out.Summary.Baselined += r.Summary.Baselined
		shards = append(shards, r.Baseline)
	}
	staleOld, staleNew, err := mergeStale(shards, names)
	if err != nil {
		return err
	}
	out.Notices = slices.DeleteFunc(out.Notices, func(n jsonProblem) bool {
		return slices.ContainsFunc(staleOld, func(p lint.Problem) bool { return n.Line == 0 && n.File == p.File && n.Message == p.Message })
	})
	if staleNew != nil {
		out.Notices = append(out.Notices, jsonProblem{File: staleNew.File, Message: staleNew.Message})
	}
	// The engine's order (lint.Compare, lint.Result.Sort), and its removal
	// of a finding reported twice (a file that two documents $ref).
	byFinding := func(a, b jsonFinding) int {
		return cmp.Or(cmp.Compare(a.Location.File, b.Location.File), cmp.Compare(a.Location.Line, b.Location.Line),
			cmp.Compare(a.Location.Column, b.Location.Column), cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Location.Pointer, b.Location.Pointer))
	}
	same := func(a, b jsonFinding) bool {
		return a.RuleID == b.RuleID && a.Location == b.Location && a.Message == b.Message
	}
	byPosition := func(a, b jsonProblem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	}
	slices.SortStableFunc(out.Findings, byFinding)
	slices.SortStableFunc(out.Suppressed, byFinding)
	out.Findings = slices.CompactFunc(out.Findings, same)
	out.Suppressed = slices.CompactFunc(out.Suppressed, same)
	slices.SortStableFunc(out.Problems, byPosition)
	slices.SortStableFunc(out.Notices, byPosition)

	files := map[string]bool{}
	for _, f := range out.Findings {
		switch f.Severity {
		case "error":
			out.Summary.Error++
		case "warning":
			out.Summary.Warning++
		default:
			out.Summary.Note++
		}
		files[f.Location.File] = true
	}
	out.Summary.Files = len(files)
	return writeJSON(w, out)
}

// mergeStale works out the stale-baseline notice of the whole scan from
// what each shard recorded (nil for a shard without a baseline): old are
// the shards' own notices, to drop, and new the one notice of the merged
// report (nil when no entry is stale). An entry is stale when a shard
// found it stale (it read the entry's file and no finding matched) and no
// other shard matched it.
func mergeStale(shards []*lint.BaselineUse, names []string) (old []lint.Problem, new *lint.Problem, err error) {
	var first *lint.BaselineUse
	matched := map[int]bool{}
	stale := map[int]lint.BaselineEntry{}
	for i, s := range shards {
		if s == nil {
			continue
		}
		if first == nil {
			first = s
		} else if s.Name != first.Name || s.Entries != first.Entries {
			return nil, nil, fmt.Errorf("merge %s: another baseline than the other shards': not a shard of the same scan", names[i])
		}
		if len(s.Stale) > 0 {
			old = append(old, baseline.StaleNotice(s.Name, entries(s.Stale)))
		}
		for _, m := range s.Matched {
			matched[m] = true
		}
		for _, e := range s.Stale {
			stale[e.Index] = e
		}
	}
	if first == nil {
		return nil, nil, nil
	}
	var all []lint.BaselineEntry
	for _, i := range slices.Sorted(maps.Keys(stale)) {
		if !matched[i] {
			all = append(all, stale[i])
		}
	}
	if len(all) == 0 {
		return old, nil, nil
	}
	p := baseline.StaleNotice(first.Name, entries(all))
	return old, &p, nil
}

func entries(es []lint.BaselineEntry) []baseline.Entry {
	out := make([]baseline.Entry, len(es))
	for i, e := range es {
		out[i] = baseline.Entry{Fingerprint: e.Fingerprint, RuleID: e.RuleID, File: e.File, Message: e.Message}
	}
	return out
}
