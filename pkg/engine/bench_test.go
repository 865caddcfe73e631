package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// BenchmarkManyFiles scans trees of 1 000 and 10 000 small documents:
// time and memory per file should stay flat as the tree grows.
func BenchmarkManyFiles(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := b.TempDir()
		for i := range n {
			sub := filepath.Join(dir, fmt.Sprintf("team%03d", i%100))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				b.Fatal(err)
			}
			spec := fmt.Sprintf("openapi: 3.0.3\ninfo: {title: s%d, version: '1'}\npaths:\n  /items/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}\n      responses:\n        '200': {description: ok}\n", i)
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("api%05d.yaml", i)), []byte(spec), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := Run(context.Background(), Options{Paths: []string{dir}, Rules: []*lint.Rule{everyOperation}})
				if err != nil || len(res.Findings) != n {
					b.Fatalf("err %v, %d findings", err, len(res.Findings))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/file")
		})
	}
}

// BenchmarkApplyIgnores matches 5 000 suppressions, one per path, against
// 10 000 findings, two per path: the cost must grow with their sum, not
// their product (the whole-product loop took 95 s at 50 000 and 100 000).
func BenchmarkApplyIgnores(b *testing.B) {
	ignores, findings := manyIgnores(5000)
	opts := Options{Rules: []*lint.Rule{{ID: "OAS101"}}}
	for b.Loop() {
		applyIgnoreList(ignores, slices.Clone(findings), opts)
	}
}

// manyIgnores makes n suppressions, one per path, and two findings per path
// that each covers.
func manyIgnores(n int) ([]openapi.Ignore, []lint.Finding) {
	var ignores []openapi.Ignore
	var findings []lint.Finding
	for i := range n {
		scope := fmt.Sprintf("/paths/~1p%d", i)
		ignores = append(ignores, openapi.Ignore{Rule: "OAS1*", Reason: "r", Scope: scope, At: lint.Location{File: "a.yaml", Line: i + 1}})
		for _, m := range []string{"get", "post"} {
			findings = append(findings, lint.Finding{RuleID: "OAS101", Location: lint.Location{File: "a.yaml", Line: i + 1, Pointer: scope + "/" + m}})
		}
	}
	return ignores, findings
}
