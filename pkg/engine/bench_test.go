package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
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
