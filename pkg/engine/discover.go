package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/mcpconfig"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
)

// Kind is the kind of an input.
type Kind int

const (
	KindOpenAPI   Kind = iota + 1
	KindGo             // a Go module: analysed by the Go rules
	KindTools          // an MCP tool manifest: a tools/list result, read by the catalog rules
	KindMCPClient      // an MCP client configuration (mcp.json and the like)
)

// Input is one thing to scan: an OpenAPI document, a Go module, or the
// modules of a Go workspace that lie under the scanned paths.
type Input struct {
	Kind    Kind
	Abs     string // absolute path: the document, the module directory, or the go.work directory
	Root    string // absolute scan root it is reported against
	Top     string // absolute PATH whose walk found it
	Version string // OpenAPI version, for documents
	// Work is the go.work file of a workspace input, whose Modules (absolute
	// directories) are loaded together; "" for a module loaded on its own.
	Work    string
	Modules []string
	// Size is a document's size in bytes: the engine starts large
	// documents first, so that one of them does not finish alone at the
	// end while the other cores idle.
	Size int64
	// Newest, on an older version of a description (markOlderVersions),
	// is the path of the newest version, as reported.
	Newest string
}

// Discovery is what walking the paths found.
type Discovery struct {
	Inputs   []Input
	Notices  []lint.Problem // files skipped for a reason worth telling
	Problems []lint.Problem // files that should have been scanned and cannot be
	// UnusedExcludes are the Exclude patterns that matched nothing under
	// any PATH, in the order given: most likely a typo or a pattern
	// written relative to another directory.
	UnusedExcludes []string
}

// DefaultMaxFileSize is the largest file read by default. The largest public
// API descriptions (Microsoft Graph) are about 20 MB.
const DefaultMaxFileSize = 100 << 20

// sniffHead is how much of an oversized file is read to tell whether it is
// an OpenAPI document at all.
const sniffHead = 64 << 10

// skipDirs are never entered: version control, vendored and installed code.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// Discover walks opts.Paths and returns the inputs under them, sorted. Each
// path is reported relative to the working directory when it lies inside
// it, and relative to itself otherwise. Symbolic links are not followed out
// of that root, and directories are never followed through links. A path
// that does not exist, or a bad glob, is an error.
func Discover(opts Options) (*Discovery, error) {
	for _, pat := range opts.Exclude {
		if !doublestar.ValidatePattern(pat) {
			return nil, fmt.Errorf("--exclude %q is not a valid glob", pat)
		}
	}
	maxSize := maxFileSize(opts)
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &Discovery{}
	seen := map[string]bool{}
	matched := make([]bool, len(opts.Exclude))
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
		w := &walker{d: d, root: root, top: abs, exclude: opts.Exclude, matched: matched, maxSize: maxSize, seen: seen, modules: map[string]bool{}}
		if !info.IsDir() {
			w.file(abs, true)
		} else if err := filepath.WalkDir(abs, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable directory or file: say so and go on.
				d.Problems = append(d.Problems, lint.Problem{File: w.rel(path), Message: "cannot be read: " + unwrapPath(err)})
				if e != nil && e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				if path != abs && (skipDirs[e.Name()] || w.excluded(path)) {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type()&fs.ModeSymlink != 0 && !w.linkInside(path) {
				return nil
			}
			if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
				w.file(path, false)
			} else if openapi.HasExtension(e.Name()) && !w.excluded(path) {
				w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: " + regfile.Describe(e.Type())})
			}
			return nil
		}); err != nil {
			return nil, err
		}
		for _, in := range goInputs(slices.Sorted(maps.Keys(w.modules)), root, seen, d) {
			in.Top = abs
			d.Inputs = append(d.Inputs, in)
		}
	}
	for i, pat := range opts.Exclude {
		if !matched[i] && !slices.Contains(d.UnusedExcludes, pat) {
			d.UnusedExcludes = append(d.UnusedExcludes, pat)
		}
	}
	slices.SortFunc(d.Inputs, func(a, b Input) int {
		if a.Kind != b.Kind {
			return int(a.Kind - b.Kind)
		}
		if c := strings.Compare(a.Abs, b.Abs); c != 0 {
			return c
		}
		return strings.Compare(a.Work, b.Work)
	})
	return d, nil
}

type walker struct {
	d       *Discovery
	root    string
	top     string // the path being walked
	exclude []string
	matched []bool // which of exclude matched something
	maxSize int64
	seen    map[string]bool
	modules map[string]bool
}

func (w *walker) rel(path string) string { return relTo(w.root, path) }

// excluded reports whether --exclude skips path, matching each pattern
// against the path relative to the scan root and relative to the PATH
// being walked, and records the patterns that matched.
func (w *walker) excluded(path string) bool {
	hit := false
	for i, pat := range w.exclude {
		if matchOne(pat, w.rel(path)) || path != w.top && within(w.top, path) && matchOne(pat, relTo(w.top, path)) {
			w.matched[i] = true
			hit = true
		}
	}
	return hit
}

// Excluded reports whether a file found under top (both absolute) is one
// that patterns exclude, relative to root or to top, as the walk decides.
func Excluded(patterns []string, root, top, abs string) bool {
	if MatchPath(patterns, relTo(root, abs)) {
		return true
	}
	return top != "" && abs != top && within(top, abs) && MatchPath(patterns, relTo(top, abs))
}

// MatchPath reports whether a slash-separated path, relative to the scan
// root, matches one of the doublestar patterns the way --exclude does: a
// pattern matches the whole relative path, and a pattern without a slash
// also matches the base name anywhere, as in .gitignore.
func MatchPath(patterns []string, rel string) bool {
	return slices.ContainsFunc(patterns, func(pat string) bool { return matchOne(pat, rel) })
}

func matchOne(pat, rel string) bool {
	if ok, _ := doublestar.Match(pat, rel); ok {
		return true
	}
	if !strings.Contains(pat, "/") {
		ok, _ := doublestar.Match(pat, path.Base(rel))
		return ok
	}
	return false
}

// linkInside reports whether a symbolic link resolves inside the root; a
// link that leaves it, or leads nowhere, is skipped with a notice.
func (w *walker) linkInside(path string) bool {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		if openapi.HasExtension(path) {
			w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: broken symbolic link"})
		}
		return false
	}
	root := w.root
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if !within(root, target) {
		if openapi.HasExtension(path) {
			w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: symbolic link to a file outside the scan root"})
		}
		return false
	}
	return true
}

// file classifies one file. explicit is true for a file named on the
// command line, which earns a notice when it is not something apiaudit
// reads.
func (w *walker) file(path string, explicit bool) {
	if w.excluded(path) || w.seen[path] {
		return
	}
	name := filepath.Base(path)
	if name == "go.mod" {
		// Like the go command, leave modules under testdata alone: they are
		// fixtures (often broken on purpose), unless named on the command
		// line or walked from inside testdata.
		if rel, err := filepath.Rel(w.top, filepath.Dir(path)); err == nil && !slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "testdata") {
			w.modules[filepath.Dir(path)] = true
		}
		return
	}
	if !openapi.HasExtension(name) && !mcpconfig.HasExtension(name) {
		if explicit {
			w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: not a .yaml, .yml, .json or .toml file"})
		}
		return
	}
	version, ok, problem, data := w.sniff(path)
	// Tool manifests are JSON or YAML; a .toml file is only ever a client
	// configuration (Codex's).
	if !ok && problem == "" && data != nil && openapi.HasExtension(name) && toolmanifest.Sniff(data) {
		w.seen[path] = true
		w.d.Inputs = append(w.d.Inputs, Input{Kind: KindTools, Abs: path, Root: w.root, Size: int64(len(data))})
		return
	}
	switch {
	case problem == "" && strings.HasPrefix(version, clientPrefix):
		w.seen[path] = true
		w.d.Inputs = append(w.d.Inputs, Input{Kind: KindMCPClient, Abs: path, Root: w.root, Version: strings.TrimPrefix(version, clientPrefix)})
	case problem != "":
		w.d.Problems = append(w.d.Problems, lint.Problem{File: w.rel(path), Message: problem})
	case ok && version == "":
		w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: the file is empty"})
	case ok:
		w.seen[path] = true
		w.d.Inputs = append(w.d.Inputs, Input{Kind: KindOpenAPI, Abs: path, Root: w.root, Top: w.top, Version: version, Size: int64(len(data))})
	case explicit || looksLikeSpecName(name):
		w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: not an OpenAPI document (no top-level openapi: 3.x or swagger: \"2.0\" key) nor an MCP client configuration (no mcpServers or servers object)"})
	}
}

// looksLikeSpecName is true for file names that promise an API description,
// whose authors deserve to hear that it was not read as one.
func looksLikeSpecName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "openapi") || strings.Contains(n, "swagger")
}

// clientPrefix marks the version sniff returns for an MCP client
// configuration: the prefix, then the layout its servers are read from.
const clientPrefix = "mcp-client:"

// sniff reads a file, or the head of one over the size limit, and tells
// whether it is an OpenAPI document, or an MCP client configuration (then
// version is clientPrefix and its layout). problem is set when the file
// should be scanned and cannot be. data is what was read of a file within
// the limit, for the other sniffers (tool manifests). Only regular files
// are read, as the open descriptor says (a name checked first and opened
// next could be swapped for a named pipe in between): a named pipe would
// block the scan and a device (a link to /dev/zero) never ends; they are
// skipped with a notice.
func (w *walker) sniff(path string) (version string, ok bool, problem string, data []byte) {
	f, info, err := regfile.Open(path, 0)
	var nr *regfile.NotRegularError
	if errors.As(err, &nr) {
		w.d.Notices = append(w.d.Notices, lint.Problem{File: w.rel(path), Message: "skipped: " + nr.Error()})
		return "", false, "", nil
	}
	if err != nil {
		return "", false, "cannot be read: " + unwrapPath(err), nil
	}
	defer f.Close()
	if mcpconfig.KnownName(path) && info.Size() > mcpconfig.MaxFileSize {
		return "", false, fmt.Sprintf("not scanned: the file is named like an MCP client configuration and is %s, over the %s such files are read up to", regfile.Size(info.Size()), regfile.Size(mcpconfig.MaxFileSize)), nil
	}
	if info.Size() > w.maxSize {
		head := make([]byte, sniffHead)
		n, _ := io.ReadFull(f, head)
		if _, ok := openapi.Sniff(head[:n]); ok || strings.Contains(string(head[:n]), `"openapi"`) || strings.Contains(string(head[:n]), `"swagger"`) ||
			bytes.Contains(head[:n], []byte(`"inputSchema"`)) {
			return "", false, fmt.Sprintf("not scanned: the file is %s, over the %s limit (raise it with --max-file-size %s)",
				regfile.Size(info.Size()), regfile.Size(w.maxSize), regfile.Size(info.Size()*2)), nil
		}
		return "", false, "", nil
	}
	data, err = regfile.ReadAll(f, info.Size(), path, w.maxSize)
	if err != nil {
		// It grew past the limit while it was read: as if it were over it.
		return "", false, "cannot be read: " + unwrapPath(err), nil
	}
	if len(bytes.TrimSpace(data)) == 0 && looksLikeSpecName(path) {
		return "", true, "", nil // an empty file where a spec is expected
	}
	if openapi.HasExtension(path) {
		if version, ok = openapi.Sniff(data); ok {
			return version, ok, "", data
		}
	}
	if len(data) <= mcpconfig.MaxFileSize {
		format, err := mcpconfig.Sniff(path, data)
		if err != nil {
			return "", false, fmt.Sprintf("not scanned: invalid %s in an MCP client configuration: %s", mcpconfig.SyntaxName(path), err.Error()), nil
		}
		if format != "" {
			return clientPrefix + format, true, "", data
		}
	}
	return "", false, "", data
}

// unwrapPath drops the path from an *fs.PathError: the message names the
// file already.
func unwrapPath(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
