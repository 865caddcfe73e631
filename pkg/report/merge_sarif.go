package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"slices"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// IsSARIF reports whether data, a report, is SARIF rather than apiaudit's
// JSON: SARIF starts with "$schema".
func IsSARIF(data []byte) bool {
	t := bytes.TrimSpace(data)
	return bytes.Contains(t[:min(len(t), 200)], []byte(`"$schema"`))
}

// MergeSARIF joins the SARIF reports of the shards of one scan into the
// report the scan would have written unsharded, as MergeJSON does for JSON:
// results (unsuppressed, then suppressed) and notifications (problems, then
// notices) in the engine's order, the run's counts added up. The sort keys
// are read back from SARIF: the file from the artifact URI, unescaped, then
// line, column, rule, message and JSON pointer.
func MergeSARIF(w io.Writer, inputs [][]byte, names []string) error {
	var (
		out                                  *sarif.Report
		run                                  *sarif.Run
		results, suppressed                  []*sarif.Result
		problems, notices                    []*sarif.Notification
		docs, mods, files, tools, clients, b int
		shards                               []*lint.BaselineUse
	)
	for i, data := range inputs {
		r, err := sarif.FromBytes(data)
		if err != nil {
			return fmt.Errorf("merge %s: not a SARIF report: %v", names[i], err)
		}
		if len(r.Runs) != 1 || r.Runs[0].Tool.Driver == nil || r.Runs[0].Tool.Driver.Name != toolName || len(r.Runs[0].Invocations) != 1 {
			return fmt.Errorf("merge %s: not a SARIF report of one apiaudit scan", names[i])
		}
		rn := r.Runs[0]
		if i == 0 {
			out, run = r, rn
		} else if r.Version != out.Version || r.Schema != out.Schema || !reflect.DeepEqual(rn.Tool, run.Tool) ||
			!reflect.DeepEqual(rn.AutomationDetails, run.AutomationDetails) {
			return fmt.Errorf("merge %s: another apiaudit version or rule set than %s: not a shard of the same scan", names[i], names[0])
		}
		for _, res := range rn.Results {
			if len(res.Suppressions) > 0 {
				suppressed = append(suppressed, res)
			} else {
				results = append(results, res)
			}
		}
		count := func(key string) int {
			n, _ := rn.Properties[key].(float64)
			return int(n)
		}
		docs += count("documentsScanned")
		mods += count("modulesScanned")
		files += count("filesScanned")
		tools += count("toolManifestsScanned")
		clients += count("clientConfigsScanned")
		b += count(baselinedKey)
		sb, err := decodeShardBaseline(rn.Properties[shardBaselineKey])
		if err != nil {
			return fmt.Errorf("merge %s: %v", names[i], err)
		}
		shards = append(shards, sb)
		for _, n := range rn.Invocations[0].ToolExecutionNotifications {
			if n.Level == "error" {
				problems = append(problems, n)
			} else {
				notices = append(notices, n)
			}
		}
	}
	staleOld, staleNew, err := mergeStale(shards, names)
	if err != nil {
		return err
	}
	notices = slices.DeleteFunc(notices, func(n *sarif.Notification) bool {
		k := notificationKey(n)
		return slices.ContainsFunc(staleOld, func(p lint.Problem) bool { return k.line == 0 && k.file == p.File && k.msg == p.Message })
	})
	if staleNew != nil {
		notices = append(notices, notification("warning", *staleNew))
	}

	byResult := func(a, b *sarif.Result) int {
		ka, kb := resultKey(a), resultKey(b)
		return cmp.Or(cmp.Compare(ka.file, kb.file), cmp.Compare(ka.line, kb.line), cmp.Compare(ka.col, kb.col),
			cmp.Compare(ka.rule, kb.rule), cmp.Compare(ka.msg, kb.msg), cmp.Compare(ka.ptr, kb.ptr))
	}
	same := func(a, b *sarif.Result) bool {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		return bytes.Equal(ja, jb)
	}
	slices.SortStableFunc(results, byResult)
	slices.SortStableFunc(suppressed, byResult)
	results = slices.CompactFunc(results, same)
	suppressed = slices.CompactFunc(suppressed, same)
	byPosition := func(a, b *sarif.Notification) int {
		ka, kb := notificationKey(a), notificationKey(b)
		return cmp.Or(cmp.Compare(ka.file, kb.file), cmp.Compare(ka.line, kb.line),
			cmp.Compare(ka.col, kb.col), cmp.Compare(ka.msg, kb.msg))
	}
	slices.SortStableFunc(problems, byPosition)
	slices.SortStableFunc(notices, byPosition)

	run.Results = append(results, suppressed...)
	if run.Results == nil {
		run.Results = []*sarif.Result{}
	}
	run.Properties = sarif.Properties{"documentsScanned": docs, "modulesScanned": mods, "filesScanned": files}
	if tools > 0 {
		run.Properties["toolManifestsScanned"] = tools
	}
	if clients > 0 {
		run.Properties["clientConfigsScanned"] = clients
	}
	if b > 0 {
		run.Properties[baselinedKey] = b
	}
	inv := sarif.NewInvocation().WithExecutionSuccess(len(problems) == 0)
	inv.ToolExecutionNotifications = append(problems, notices...)
	run.Invocations = []*sarif.Invocation{inv}
	return writeJSON(w, out)
}

// decodeShardBaseline reads back the shard's baseline property (nil when
// there is none).
func decodeShardBaseline(v any) (*lint.BaselineUse, error) {
	if v == nil {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var use lint.BaselineUse
	if err := json.Unmarshal(data, &use); err != nil {
		return nil, fmt.Errorf("run property %s: %v", shardBaselineKey, err)
	}
	return &use, nil
}

// sortKey is what the engine sorts findings and problems by, read back
// from SARIF.
type sortKey struct {
	file           string
	line, col      int
	rule, msg, ptr string
}

func resultKey(r *sarif.Result) sortKey {
	var k sortKey
	if r.RuleID != nil {
		k.rule = *r.RuleID
	}
	if r.Message.Text != nil {
		k.msg = *r.Message.Text
	}
	if len(r.Locations) > 0 {
		k.file, k.line, k.col = locationKey(r.Locations[0])
		if ll := r.Locations[0].LogicalLocations; len(ll) > 0 && ll[0].FullyQualifiedName != nil {
			k.ptr = *ll[0].FullyQualifiedName
		}
	}
	return k
}

func notificationKey(n *sarif.Notification) sortKey {
	var k sortKey
	if n.Message != nil && n.Message.Text != nil {
		k.msg = *n.Message.Text
	}
	if len(n.Locations) > 0 {
		k.file, k.line, k.col = locationKey(n.Locations[0])
	}
	return k
}

// locationKey reads back the file (unescaped, as fileURI escaped it), line
// and column of a location.
func locationKey(l *sarif.Location) (file string, line, col int) {
	pl := l.PhysicalLocation
	if pl == nil {
		return "", 0, 0
	}
	if a := pl.ArtifactLocation; a != nil && a.URI != nil {
		file = *a.URI
		if u, err := url.PathUnescape(file); err == nil {
			file = u
		}
	}
	if r := pl.Region; r != nil {
		if r.StartLine != nil {
			line = *r.StartLine
		}
		if r.StartColumn != nil {
			col = *r.StartColumn
		}
	}
	return file, line, col
}
