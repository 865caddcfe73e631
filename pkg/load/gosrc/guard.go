package gosrc

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Before the go command reads a module, apiaudit looks at its files itself:
// go list reads every .go file of every package directory (tests too, for
// their imports), and go/packages reads them again to parse them, following
// symbolic links and opening whatever the name leads to. A scanned tree may
// hold a .go link to /etc/passwd or to another checkout, a named pipe
// (which would block the read forever), a link to a character device
// (which never ends) or a huge file. Each such file is replaced, for the
// go command and go/packages alike, by an overlay that build constraints
// exclude, and is reported as a notice. A module whose go.mod, go.sum,
// go.work or vendor/modules.txt is such a file is not loaded at all.
//
// A replace directive whose target directory lies outside the scan root
// (replace example.com/x => ../x) is dropped the same way, through an
// overlay of go.mod (or go.work) without it, and reported as a problem on
// its line: the packages that import it are then not analysed unless the
// module cache has the original module. Modules in the module cache and in
// vendor/ are outside the root by design and are read as usual.

// skippedGoFile is what the go command reads in place of a skipped file:
// build constraints exclude it, so its package is loaded without it.
const skippedGoFile = "//go:build ignore\n\npackage ignored\n"

// guard is what looking at the modules' files before loading found.
type guard struct {
	overlay  map[string][]byte
	notices  []lint.Problem
	problems []lint.Problem
	fatal    bool // a module file cannot be read safely: do not load
}

// guardModules looks at the files of the module directories in mods (and
// at work, the go.work file, when set), relative to root for messages and
// bounds. maxSize bounds a .go file; 0 means no bound.
func guardModules(root string, mods []string, work string, maxSize int64) *guard {
	g := &guard{overlay: map[string][]byte{}}
	realRoot := root
	if r, err := filepath.EvalSymlinks(root); err == nil {
		realRoot = r
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	// why says what is wrong with reading path, "" when nothing is.
	why := func(path string, info fs.FileInfo) string {
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(path)
			if err != nil {
				return "broken symbolic link"
			}
			if !within(realRoot, target) {
				return "symbolic link to a file outside the scan root"
			}
			if info, err = os.Stat(path); err != nil {
				return "cannot be read: " + err.Error()
			}
		}
		switch {
		case info.Mode().IsRegular():
			if maxSize > 0 && info.Size() > maxSize {
				return fmt.Sprintf("the file is %d bytes, over the %d-byte limit (--max-file-size)", info.Size(), maxSize)
			}
			return ""
		case info.IsDir():
			return "a directory named like a file"
		case info.Mode()&fs.ModeNamedPipe != 0:
			return "not a regular file (a named pipe)"
		case info.Mode()&fs.ModeDevice != 0:
			return "not a regular file (a device)"
		case info.Mode()&fs.ModeSocket != 0:
			return "not a regular file (a socket)"
		}
		return "not a regular file"
	}
	checkModuleFile := func(path string) {
		info, err := os.Lstat(path)
		if err != nil {
			return // absent: the go command says so if it matters
		}
		if w := why(path, info); w != "" {
			g.problems = append(g.problems, lint.Problem{File: rel(path), Message: "the module is not loaded: " + w})
			g.fatal = true
		}
	}
	if work != "" {
		checkModuleFile(work)
	}
	for _, mod := range mods {
		for _, name := range []string{"go.mod", "go.sum", filepath.Join("vendor", "modules.txt")} {
			checkModuleFile(filepath.Join(mod, name))
		}
	}
	if g.fatal {
		return g
	}
	for _, mod := range mods {
		_ = filepath.WalkDir(mod, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // the go command reports what it cannot read
			}
			name := e.Name()
			if e.IsDir() {
				if path != mod && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
					return filepath.SkipDir
				}
				if path != mod && !slices.Contains(mods, path) {
					if _, err := os.Lstat(filepath.Join(path, "go.mod")); err == nil {
						return filepath.SkipDir // another module: not in ./...
					}
				}
				return nil
			}
			if !strings.HasSuffix(name, ".go") {
				return nil
			}
			if e.Type().IsRegular() && maxSize <= 0 {
				return nil
			}
			info, err := os.Lstat(path)
			if err != nil {
				return nil
			}
			if w := why(path, info); w != "" {
				g.overlay[path] = []byte(skippedGoFile)
				g.notices = append(g.notices, lint.Problem{File: rel(path), Message: "skipped: " + w})
			}
			return nil
		})
	}
	for _, mod := range mods {
		g.replaces(filepath.Join(mod, "go.mod"), realRoot, rel)
	}
	if work != "" {
		g.replaces(work, realRoot, rel)
	}
	return g
}

// replaces drops, through an overlay, the replace directives of a go.mod or
// go.work file (and the use directives of a go.work) whose directory lies
// outside the root, and reports each as a problem.
func (g *guard) replaces(file, realRoot string, rel func(string) string) {
	data, err := os.ReadFile(file)
	if err != nil {
		return
	}
	dir := filepath.Dir(file)
	outside := func(p string) bool {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return !within(realRoot, p)
	}
	report := func(line int, what string) {
		g.problems = append(g.problems, lint.Problem{File: rel(file), Line: line,
			Message: what + " points outside the scan root, so apiaudit does not load it: packages that import it are not analysed unless the module cache has it"})
	}
	// dropReplaces drops, through drop, each replace of a go.mod or go.work
	// that points at a directory outside the root, and says whether any did.
	dropReplaces := func(reps []*modfile.Replace, drop func(path, vers string) error) bool {
		dropped := false
		for _, r := range slices.Clone(reps) {
			if r.New.Version == "" && outside(r.New.Path) {
				report(r.Syntax.Start.Line, fmt.Sprintf("replace %s => %s", r.Old.Path, r.New.Path))
				_ = drop(r.Old.Path, r.Old.Version)
				dropped = true
			}
		}
		return dropped
	}
	var out []byte
	if filepath.Base(file) == "go.work" {
		w, err := modfile.ParseWork(file, data, nil)
		if err != nil {
			return // the go command reports it
		}
		changed := false
		for _, u := range slices.Clone(w.Use) {
			if outside(u.Path) {
				report(u.Syntax.Start.Line, fmt.Sprintf("use %s", u.Path))
				_ = w.DropUse(u.Path)
				changed = true
			}
		}
		if dropReplaces(w.Replace, w.DropReplace) {
			changed = true
		}
		if !changed {
			return
		}
		w.Cleanup()
		out = modfile.Format(w.Syntax)
	} else {
		f, err := modfile.Parse(file, data, nil)
		if err != nil {
			return
		}
		if !dropReplaces(f.Replace, f.DropReplace) {
			return
		}
		f.Cleanup()
		out = modfile.Format(f.Syntax)
	}
	g.overlay[file] = out
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
