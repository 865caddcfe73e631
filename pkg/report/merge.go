package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
)

// MergeJSON joins the JSON reports of the shards of one scan (scan --shard
// I/N, the same flags and version for every shard) into the report the scan
// would have written unsharded: findings, suppressed findings, problems and
// notices in the engine's order, the summary recounted. names label the
// inputs in errors. Reports of different versions or rule sets are refused:
// they are not shards of one scan.
func MergeJSON(w io.Writer, inputs [][]byte, names []string) error {
	var out jsonReport
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
