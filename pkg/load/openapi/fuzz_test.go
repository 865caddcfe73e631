package openapi

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apiaudit/apiaudit/internal/corpus"
)

// FuzzLoad feeds arbitrary bytes, as a file named openapi.yaml, through
// sniffing, loading (with the repairs of malformed elements: the fixtures of
// testdata/malformed seed that path), validation, the walkers and Locate. None of them may
// panic or hang; errors are fine. Seeds are this package's fixtures, the
// rules' fixtures and, when present, the small real specs of the corpus.
func FuzzLoad(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"testdata/*.yaml", "testdata/*.json", "testdata/*/*.yaml", "../../../rules/*/testdata/*.yaml", "../../../rules/*/testdata/*.json"} {
		m, _ := filepath.Glob(pattern)
		seeds = append(seeds, m...)
	}
	if dir := corpus.Dir(); dir != "" {
		m, _ := filepath.Glob(filepath.Join(dir, "small", "*"))
		seeds = append(seeds, m...)
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 200<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		version, ok := Sniff(data)
		if !ok {
			return
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "openapi.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		d, err := Load(ctx, path, version, Options{Root: dir})
		if err != nil {
			return
		}
		Validate(ctx, d.T)
		for _, op := range Operations(d.T) {
			d.Locate(op.Pointer, op.Op.Origin, "security")
		}
		for _, p := range Parameters(d.T) {
			d.Locate(p.Pointer, p.Origin, "in")
		}
		for _, s := range Schemas(d.T) {
			loc := d.Locate(s.Pointer, s.Origin(), "")
			if loc.Line < 1 || loc.Column < 1 {
				t.Fatalf("schema %s located at %s", s.Pointer, loc)
			}
		}
		d.Ignores()
		// What the loader repaired to get here is located like a finding.
		for _, r := range Repairs(d.T) {
			if r.Location.Line < 1 || r.Location.Column < 1 || r.Message == "" {
				t.Fatalf("repair %+v has no position or message", r)
			}
		}
	})
}
