package openapi

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/internal/corpus"
)

// BenchmarkLoad measures loading alone: parsing with origins, $ref
// resolution and, for Swagger 2.0, conversion. BenchmarkScan in pkg/cli runs
// the same documents through every rule; compare the two in one run.
func BenchmarkLoad(b *testing.B) {
	for _, f := range corpus.Files(b, "small", "medium", "large", "xl") {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		version, ok := Sniff(data)
		if !ok {
			continue
		}
		b.Run(corpus.Name(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Load(context.Background(), f, version, Options{Root: filepath.Dir(f)}); err != nil {
					b.Skip(err) // the corpus has a document with a dangling $ref
				}
			}
		})
	}
}

// BenchmarkValidate measures the OpenAPI validation behind OAS500.
func BenchmarkValidate(b *testing.B) {
	for _, f := range corpus.Files(b, "medium", "large") {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		version, _ := Sniff(data)
		d, err := Load(context.Background(), f, version, Options{Root: filepath.Dir(f)})
		if err != nil {
			continue
		}
		b.Run(corpus.Name(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Validate(context.Background(), d.T)
			}
		})
	}
}

// BenchmarkFloor measures the least any tool must do with a document: read
// it and parse it, JSON with encoding/json into `any`, YAML into go-yaml
// nodes. BenchmarkLoad divided by this is what OpenAPI loading with
// positions costs over plain parsing.
func BenchmarkFloor(b *testing.B) {
	for _, f := range corpus.Files(b, "medium", "large", "xl") {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(corpus.Name(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := os.ReadFile(f); err != nil {
					b.Fatal(err)
				}
				if filepath.Ext(f) == ".json" {
					var v any
					if err := json.Unmarshal(data, &v); err != nil {
						b.Fatal(err)
					}
				} else {
					var n yaml.Node
					if err := yaml.Unmarshal(data, &n); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkChainScan measures the $ref chain check of a file as Load
// makes it on a real description (the text scan; no corpus file is parsed
// for it): compare with BenchmarkLoad in one run.
func BenchmarkChainScan(b *testing.B) {
	for _, f := range corpus.Files(b, "small", "medium", "large", "xl") {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := Sniff(data); !ok {
			continue
		}
		data = Decode(data)
		if filepath.Ext(f) == ".json" {
			if blk, _, ok := toBlock(data); ok {
				data = blk
			}
		}
		b.Run(corpus.Name(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, parse := chainScan(data); parse {
					b.Fatal("parsed for the chain check")
				}
			}
		})
	}
}
