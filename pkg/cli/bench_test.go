package cli

import (
	"context"
	"os"
	"testing"

	"github.com/apiaudit/apiaudit/internal/corpus"
	"github.com/apiaudit/apiaudit/pkg/engine"
)

// BenchmarkScan measures what `apiaudit scan FILE` does for each corpus
// document, with every rule: discovery, loading, rules, suppressions and
// sorting. Reporting is left out; it is linear in the findings.
func BenchmarkScan(b *testing.B) {
	all := Registry()
	for _, f := range corpus.Files(b, "small", "medium", "large", "xl") {
		info, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(corpus.Name(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(info.Size())
			for b.Loop() {
				if _, err := engine.Run(context.Background(), engine.Options{Paths: []string{f}, Rules: all, Known: all}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
