package listen

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Code that no program runs: a server (and its routes) set up by a
// function that no main package of the module calls, outside its tests,
// and that no code outside the module can call either (its package is
// under internal/, or nothing exported from an importable package leads
// to it). A later main may build it, so the findings stay, as notes.
//
// Reach is followed over the module's declared functions, once per
// module (Module.unserved): the roots are the main and init functions of
// main packages, every init function and package-level initializer, and
// the exported functions and methods of packages other modules may
// import; a function reaches the functions it names (calls, method
// values, functions passed as values). A method is reached when it is
// named, or when reached code names its receiver's type (a value of the
// type may be called through an interface: a ServeHTTP method that
// net/http calls). Test files are not loaded by a scan, so tests are no
// root.

// funcSpan is a declared function with what it names.
type funcSpan struct {
	name       string // goapi.Of
	show       string // the name a message gives: "internal/webui.NewServer"
	recv       string // the receiver's type (typeKey), "" for a function
	file       string // absolute
	start, end int    // lines
	root       bool
	funcs      []string // functions named in the body
	types      []string // types named in the body
}

// reachIndex is the module's functions and what reached code names.
type reachIndex struct {
	spans   map[string][]funcSpan // file → its functions
	reached map[string]bool       // function names
	// modules with a main package or their root package collected: a scan
	// of part of a module (one internal directory) sees no program, and
	// says nothing of it.
	whole map[string]bool
	// module of each function's package
	module map[string]string
}

// Unserved reports, for a finding at file (absolute or relative to root)
// and line, the function that holds it when no program of the module
// reaches that function, with the reason a message gives.
func (m *Module) Unserved(root, file string, line int) (string, bool) {
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, filepath.FromSlash(file))
	}
	m.reachOnce.Do(m.indexReach)
	r := m.reach
	for _, s := range r.spans[file] {
		if line < s.start || line > s.end {
			continue
		}
		if r.reached[s.name] || !r.whole[r.module[s.name]] {
			return "", false
		}
		return "no program of the module builds this server: " + s.show +
			" is called by no main package outside tests, and code outside the module cannot call it (a later main may)", true
	}
	return "", false
}

func (m *Module) indexReach() {
	r := &reachIndex{spans: map[string][]funcSpan{}, reached: map[string]bool{}, whole: map[string]bool{}, module: map[string]string{}}
	m.reach = r
	byName := map[string]*funcSpan{}
	methods := map[string][]string{} // receiver type → its methods
	var roots []string
	analysed := map[string]bool{} // directories of the analysed packages
	modDir := map[string]string{} // module → the directory of its go.mod
	for _, p := range m.pkgs {
		pass := p.pass
		mod := ""
		if pass.Module != nil {
			mod = pass.Module.Path
		}
		isMain := pass.Pkg.Name() == "main"
		if isMain || pass.Pkg.Path() == mod {
			r.whole[mod] = true
		}
		if len(pass.Files) > 0 {
			dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Pos()).Filename)
			analysed[dir] = true
			if _, ok := modDir[mod]; !ok {
				modDir[mod] = goModDir(dir)
			}
		}
		open := !isMain && !internal(pass.Pkg.Path())
		info := pass.TypesInfo
		for _, f := range pass.Files {
			file := pass.Fset.Position(f.Pos()).Filename
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if gd, isGen := d.(*ast.GenDecl); isGen && gd.Tok == token.VAR {
					// package-level initializers run whenever the
					// package is linked in: what they name is reached.
					init := funcSpan{name: pass.Pkg.Path() + ".<init>", root: true}
					names(info, d, &init)
					roots = append(roots, init.name)
					if s := byName[init.name]; s != nil {
						s.funcs, s.types = append(s.funcs, init.funcs...), append(s.types, init.types...)
					} else {
						byName[init.name] = &init
					}
					continue
				}
				if !ok {
					continue
				}
				fn, ok := info.Defs[fd.Name].(*types.Func)
				if !ok || fd.Body == nil {
					continue
				}
				s := funcSpan{name: goapi.Of(fn).String(), file: file,
					start: pass.Fset.Position(fd.Pos()).Line, end: pass.Fset.Position(fd.End()).Line}
				s.show = showName(pass.Pkg.Path(), mod, fn)
				if recv := fn.Signature().Recv(); recv != nil {
					s.recv = typeKey(recv.Type())
					methods[s.recv] = append(methods[s.recv], s.name)
				}
				switch {
				case fd.Recv == nil && fd.Name.Name == "init":
					s.root = true
				case isMain && fd.Recv == nil && fd.Name.Name == "main":
					s.root = true
				case open && fn.Exported():
					s.root = true // other modules may call it
				}
				names(info, fd.Body, &s)
				r.spans[file] = append(r.spans[file], s)
				r.module[s.name] = mod
				if s.root {
					roots = append(roots, s.name)
				}
				if _, dup := byName[s.name]; !dup {
					byName[s.name] = &r.spans[file][len(r.spans[file])-1]
				}
			}
		}
	}
	// A main package the scan did not analyse (it failed to type-check,
	// or was excluded) may be the one that builds a server: say nothing
	// of the module then.
	for mod, ok := range r.whole {
		if ok && unanalysedMain(modDir[mod], analysed) {
			r.whole[mod] = false
		}
	}
	// r.spans' slices grew while byName pointed into them: point again.
	for file := range r.spans {
		for i := range r.spans[file] {
			byName[r.spans[file][i].name] = &r.spans[file][i]
		}
	}
	seenType := map[string]bool{}
	work := roots
	for len(work) > 0 {
		name := work[len(work)-1]
		work = work[:len(work)-1]
		if r.reached[name] {
			continue
		}
		r.reached[name] = true
		s := byName[name]
		if s == nil {
			continue // declared outside the module
		}
		work = append(work, s.funcs...)
		for _, t := range s.types {
			if !seenType[t] {
				seenType[t] = true
				work = append(work, methods[t]...)
			}
		}
	}
}

// goModDir is the nearest directory at or above dir that holds a go.mod,
// or "" when there is none.
func goModDir(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return ""
		}
		d = up
	}
}

// unanalysedMain reports whether the module rooted at root has a main
// package (for this platform's build constraints, tests left out) in a
// directory the scan did not analyse. Directories the go command skips
// (vendor, testdata, names starting with "." or "_") and nested modules
// are not looked in. An unknown root counts as such a package.
func unanalysedMain(root string, analysed map[string]bool) bool {
	if root == "" {
		return true
	}
	found := false
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root {
			if name == "vendor" || name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
		}
		if analysed[path] {
			return nil
		}
		if p, err := build.ImportDir(path, 0); err == nil && p.Name == "main" {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// names records in s the functions and types that n names.
func names(info *types.Info, n ast.Node, s *funcSpan) {
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := info.Uses[id].(type) {
		case *types.Func:
			s.funcs = append(s.funcs, goapi.Of(obj.Origin()).String())
		case *types.TypeName:
			s.types = append(s.types, typeKey(obj.Type()))
		case *types.Var:
			// a value whose type has methods: a struct field or variable
			// of the type, or one returned by a function of another module
			s.types = append(s.types, typeKey(obj.Type()))
		}
		return true
	})
}

// typeKey names a (pointer to a) named type by package path and name.
func typeKey(t types.Type) string {
	if pt, ok := types.Unalias(t).(*types.Pointer); ok {
		t = pt.Elem()
	}
	nt, ok := types.Unalias(t).(*types.Named)
	if !ok || nt.Obj().Pkg() == nil {
		return ""
	}
	return nt.Obj().Pkg().Path() + "." + nt.Obj().Name()
}

// showName is how a message names fn: its package's path below the
// module, then the receiver's type and the name ("internal/webui.NewServer",
// "internal/webui.AgentHTTPHandlers.HandleChatRequest").
func showName(pkgPath, mod string, fn *types.Func) string {
	path := strings.TrimPrefix(strings.TrimPrefix(pkgPath, mod), "/")
	if path == "" {
		path = fn.Pkg().Name()
	}
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if k := typeKey(recv.Type()); k != "" {
			name = k[strings.LastIndex(k, ".")+1:] + "." + name
		}
	}
	return path + "." + name
}
