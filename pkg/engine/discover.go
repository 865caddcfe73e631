package engine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Kind is the kind of an input.
type Kind int

const (
	KindOpenAPI Kind = iota + 1
	KindGo           // a Go module: analysed by the Go rules
)

// Input is one thing to scan: an OpenAPI document or a Go module.
type Input struct {
	Kind    Kind
	Abs     string // absolute path: the document, or the module directory
	Root    string // absolute scan root it is reported against
	Version string // OpenAPI version, for documents
}

// skipDirs are never entered: version control, vendored and installed code.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// Discover walks paths and returns the inputs under them, sorted. Each path
// is reported relative to the working directory when it lies inside it, and
// relative to itself otherwise. A path that does not exist is an error.
func Discover(paths, exclude []string) ([]Input, error) {
	for _, pat := range exclude {
		if !doublestar.ValidatePattern(pat) {
			return nil, fmt.Errorf("--exclude %q is not a valid glob", pat)
		}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	seen := map[string]bool{}
	var out []Input
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or directory", p)
		}
		root := cwd
		if !within(cwd, abs) {
			root = abs
			if !info.IsDir() {
				root = filepath.Dir(abs)
			}
		}
		excluded := func(path string) bool {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return false
			}
			rel = filepath.ToSlash(rel)
			for _, pat := range exclude {
				if ok, _ := doublestar.Match(pat, rel); ok {
					return true
				}
				if !strings.Contains(pat, "/") {
					if ok, _ := doublestar.Match(pat, filepath.Base(path)); ok {
						return true
					}
				}
			}
			return false
		}
		modules := map[string]bool{}
		visit := func(path string, d fs.DirEntry) error {
			if d.IsDir() {
				if path != abs && (skipDirs[d.Name()] || excluded(path)) {
					return filepath.SkipDir
				}
				return nil
			}
			if excluded(path) || seen[path] {
				return nil
			}
			name := d.Name()
			switch {
			case name == "go.mod":
				modules[filepath.Dir(path)] = true
			case openapi.HasExtension(name):
				if v, ok := sniffFile(path); ok {
					seen[path] = true
					out = append(out, Input{Kind: KindOpenAPI, Abs: path, Root: root, Version: v})
				}
			}
			return nil
		}
		if !info.IsDir() {
			if err := visit(abs, fs.FileInfoToDirEntry(info)); err != nil {
				return nil, err
			}
		} else if err := filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("walk %s: %w", path, err)
			}
			return visit(path, d)
		}); err != nil {
			return nil, err
		}
		for dir := range modules {
			if !seen[dir] {
				seen[dir] = true
				out = append(out, Input{Kind: KindGo, Abs: dir, Root: root})
			}
		}
	}
	slices.SortFunc(out, func(a, b Input) int {
		if a.Kind != b.Kind {
			return int(a.Kind - b.Kind)
		}
		return strings.Compare(a.Abs, b.Abs)
	})
	return out, nil
}

func sniffFile(path string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		// An unreadable file still deserves a clear error: let the loader
		// report it.
		return "3.0", true
	}
	return openapi.Sniff(data)
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
