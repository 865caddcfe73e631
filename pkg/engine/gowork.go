package engine

import (
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/mod/modfile"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// goInputs turns the module directories found under one path into Go
// inputs. Modules that a go.work lists (the one the go command would use:
// $GOWORK, or the first go.work in the module's directory or a parent) are
// loaded together, as one input per workspace, so that they see each other
// as the go command does; every other module is loaded on its own with
// workspaces off.
func goInputs(dirs []string, root string, seen map[string]bool, d *Discovery) []Input {
	var out []Input
	works := map[string]*Input{}
	parsed := map[string][]string{} // go.work -> the module directories it uses
	for _, dir := range dirs {
		if seen[dir] {
			continue
		}
		seen[dir] = true
		work := findWork(dir)
		if work != "" {
			uses, ok := parsed[work]
			if !ok {
				uses = workUses(work, root, d)
				parsed[work] = uses
			}
			if slices.Contains(uses, dir) {
				in := works[work]
				if in == nil {
					in = &Input{Kind: KindGo, Abs: filepath.Dir(work), Root: root, Work: work}
					works[work] = in
				}
				in.Modules = append(in.Modules, dir)
				continue
			}
		}
		out = append(out, Input{Kind: KindGo, Abs: dir, Root: root})
	}
	for _, in := range works {
		out = append(out, *in)
	}
	return out
}

// findWork returns the go.work file the go command would use in dir: the
// one $GOWORK names, none when it is "off", else the first go.work in dir
// or a parent.
func findWork(dir string) string {
	if env, ok := os.LookupEnv("GOWORK"); ok && env != "" {
		if env == "off" || !filepath.IsAbs(env) {
			return ""
		}
		return env
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "go.work")
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// workUses reads the use directives of a go.work as absolute directories.
// A go.work that cannot be read or parsed is a problem, and its modules are
// then loaded one by one.
func workUses(work, root string, d *Discovery) []string {
	data, err := os.ReadFile(work)
	if err == nil && len(data) > maxWorkFile {
		d.Problems = append(d.Problems, lint.Problem{File: relTo(root, work), Message: "not read: a go.work over 1MB"})
		return nil
	}
	if err != nil {
		d.Problems = append(d.Problems, lint.Problem{File: relTo(root, work), Message: "cannot be read: " + unwrapPath(err)})
		return nil
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		d.Problems = append(d.Problems, lint.Problem{File: relTo(root, work), Message: "cannot be parsed, so its modules are loaded one by one: " + err.Error()})
		return nil
	}
	var uses []string
	for _, u := range wf.Use {
		p := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(work), p)
		}
		uses = append(uses, filepath.Clean(p))
	}
	return uses
}

// maxWorkFile bounds the go.work files read: real ones are a few lines.
const maxWorkFile = 1 << 20
