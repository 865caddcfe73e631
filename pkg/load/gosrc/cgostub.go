package gosrc

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Dependencies whose declarations live in cgo files.
//
// apiaudit loads with cgo off (see loadEnv): running cgo means running the
// C compiler on preambles the scanned code writes. A dependency that needs
// cgo (tree-sitter's bindings, DuckDB's, an Opus codec) then loses the
// files that import "C", and with them the types its importers use: the
// importers do not type-check, and every package of the module that
// reaches them went unanalysed.
//
// A dependency is read without its function bodies anyway (deps.go), so
// of a cgo file it needs only the declarations, and those mention C only
// in their types and constants. cgoRecheck type-checks such a package
// again with its cgo files, each C type replaced by a Go stand-in (see
// cStandIn) and each C value by 0, and "C" itself taken as an empty
// package (types.Config.FakeImportC), without the files that build only
// with cgo off; then every package that imports it, in turn. No C
// compiler runs. What C's types would have said is lost, so the type
// errors of such a package are not reported, and a notice names it: the
// scanned code is analysed against its Go declarations. The go command
// cannot be given the files instead (an overlay may not replace files of
// the module cache), so the type checker is.

// cTypes are the stand-ins for C's arithmetic types, by cgo's names for
// them.
var cTypes = map[string]string{
	"char": "int8", "schar": "int8", "uchar": "uint8",
	"short": "int16", "ushort": "uint16",
	"int": "int32", "uint": "uint32",
	"long": "int64", "ulong": "uint64",
	"longlong": "int64", "ulonglong": "uint64",
	"float": "float32", "double": "float64",
	"size_t": "uint64", "ssize_t": "int64", "uintptr_t": "uintptr", "intptr_t": "int64",
	"int8_t": "int8", "int16_t": "int16", "int32_t": "int32", "int64_t": "int64",
	"uint8_t": "uint8", "uint16_t": "uint16", "uint32_t": "uint32", "uint64_t": "uint64",
	"_Bool": "bool", "bool": "bool",
}

// cStandIn is the Go type that stands in for C.name: a struct or union
// is an empty struct; an enum, an arithmetic type and a typedef of
// unknown kind are integers (a typedef is most often an integer, and
// the importers of a binding compare and count with them; a pointer to
// an integer serves as well as any for a typedef of a struct).
func cStandIn(name string) string {
	if t, ok := cTypes[name]; ok {
		return t
	}
	switch {
	case strings.HasPrefix(name, "struct_"), strings.HasPrefix(name, "union_"):
		return "struct{}"
	case strings.HasPrefix(name, "enum_"):
		return "uint32"
	}
	return "int"
}

// cgoRecheck type-checks again the dependency packages of pkgs that did
// not type-check because cgo is off and their files that import "C" were
// left out, with those files (see above), and every package that imports
// one of them, in the order of their imports. It returns the packages it
// read cgo files of, by module path (the package path when there is no
// module). parse parses a dependency's file as the load did.
func cgoRecheck(pkgs []*packages.Package, d *deps, tags []string, parse func(*token.FileSet, string, []byte) (*ast.File, error)) map[string][]string {
	on := build.Default
	on.CgoEnabled = true
	on.BuildTags = tags
	var order []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) { order = append(order, p) })
	byPath := map[string]*packages.Package{}
	for _, p := range order {
		if _, dup := byPath[p.PkgPath]; !dup {
			byPath[p.PkgPath] = p
		}
	}
	// A package whose cgo files were left out has errors when its other
	// files use what they declare, has no files at all, or looks fine and
	// leaves its importers with the errors.
	importerErrs := map[*packages.Package]bool{}
	for _, p := range order {
		if len(p.Errors) > 0 {
			for _, imp := range p.Imports {
				importerErrs[imp] = true
			}
		}
	}
	cgoFiles := map[*packages.Package][]string{}
	for _, p := range order {
		if (len(p.Errors) > 0 || len(p.GoFiles) == 0 || importerErrs[p]) && allDeps(p, d) && !stdPackage(p, d) {
			if left := cgoLeftOut(p, tags); len(left) > 0 {
				cgoFiles[p] = left
			}
		}
	}
	if len(cgoFiles) == 0 {
		return nil
	}
	fset := pkgs[0].Fset
	redone := map[*packages.Package]*types.Package{}
	stubbed := map[string][]string{}
	for _, p := range order {
		left, stub := cgoFiles[p]
		affected := stub
		for _, imp := range p.Imports {
			affected = affected || redone[imp] != nil
		}
		if !affected {
			continue
		}
		files := p.Syntax
		if stub {
			files = nil
			for _, f := range p.Syntax {
				name := fset.File(f.FileStart).Name()
				if ok, err := on.MatchFile(filepath.Dir(name), filepath.Base(name)); err == nil && !ok {
					continue // it builds only with cgo off: with cgo on it is not there
				}
				files = append(files, f)
			}
			for _, name := range left {
				src, err := os.ReadFile(name)
				if err != nil {
					continue
				}
				if plain, ok := withoutCgo(src); ok {
					src = plain
				}
				if f, err := parse(fset, name, src); f != nil && err == nil {
					files = append(files, f)
				}
			}
		}
		var errs []packages.Error
		conf := &types.Config{
			FakeImportC: true,
			Sizes:       p.TypesSizes,
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					errs = append(errs, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				}
			},
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if path == "unsafe" {
					return types.Unsafe, nil
				}
				imp := p.Imports[path]
				if imp == nil {
					imp = byPath[path] // a cgo file's import, which the go command did not list
				}
				if imp == nil || imp.Types == nil {
					return nil, fmt.Errorf("could not import %s (not loaded)", path)
				}
				if t := redone[imp]; t != nil {
					return t, nil
				}
				return imp.Types, nil
			}),
		}
		if p.Module != nil && p.Module.GoVersion != "" {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		info := &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		tpkg := types.NewPackage(p.PkgPath, p.Name)
		_ = types.NewChecker(conf, fset, tpkg, info).Files(files) // errors go to conf.Error
		kept := []packages.Error{}
		for _, e := range p.Errors {
			if e.Kind != packages.TypeError && !stub {
				kept = append(kept, e) // the go command's and the parser's
			}
		}
		if !stub {
			kept = append(kept, errs...) // a stub's follow from C's stand-ins
		} else {
			mod := p.PkgPath
			if p.Module != nil {
				mod = p.Module.Path
			}
			stubbed[mod] = append(stubbed[mod], p.PkgPath)
		}
		if len(kept) == 0 {
			kept = nil
		}
		p.Types, p.TypesInfo, p.Syntax, p.Errors, p.Name = tpkg, info, files, kept, tpkg.Name()
		redone[p] = tpkg
	}
	return stubbed
}

// importerFunc is a types.Importer made of a function.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// stdPackage reports whether p is the standard library's (runtime/cgo has
// no file with cgo off, and nothing needs what it declares).
func stdPackage(p *packages.Package, d *deps) bool {
	files := slices.Concat(p.GoFiles, p.IgnoredFiles)
	return len(files) > 0 && d.std(files[0])
}

// allDeps reports whether every file of p, compiled or left out, belongs
// to a dependency.
func allDeps(p *packages.Package, d *deps) bool {
	n := 0
	for _, list := range [][]string{p.GoFiles, p.IgnoredFiles} {
		for _, f := range list {
			if !d.is(f) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// cgoEdit replaces the bytes from..to of a file with text.
type cgoEdit struct {
	from, to int
	text     string
}

// withoutCgo rewrites the declarations of a Go file that imports "C" so
// that they name Go types and values in C's place (see cgoRecheck); the
// import stays, for types.Config.FakeImportC. Lines stay where they were.
// ok is false when the file does not parse.
func withoutCgo(src []byte) (out []byte, ok bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	tf := fset.File(f.FileStart)
	var edits []cgoEdit
	replace := func(n ast.Node, text string) {
		edits = append(edits, cgoEdit{tf.Offset(n.Pos()), tf.Offset(n.End()), text})
	}

	// C.name outside the bodies of functions (the loader drops those): a
	// stand-in type, or 0 where a value is wanted.
	var stack []ast.Node
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if fd, isFunc := n.(*ast.FuncDecl); isFunc && fd.Body != nil && fd.Type.TypeParams == nil {
			if fd.Recv != nil {
				ast.Inspect(fd.Recv, visit)
			}
			ast.Inspect(fd.Type, visit)
			return false
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		if text, ok := cReplacement(n, parent); ok {
			replace(n, text)
			return false
		}
		stack = append(stack, n)
		return true
	}
	for _, decl := range f.Decls {
		stack = stack[:0]
		ast.Inspect(decl, visit)
	}

	slices.SortFunc(edits, func(a, b cgoEdit) int { return cmp.Compare(b.from, a.from) })
	out = slices.Clone(src)
	last := len(out) + 1
	for _, e := range edits {
		if e.to > last {
			continue // inside an edit already made
		}
		// What is replaced keeps its line breaks, after the new text.
		nl := bytes.Count(out[e.from:e.to], []byte{'\n'})
		repl := e.text + strings.Repeat("\n", nl)
		out = slices.Concat(out[:e.from], []byte(repl), out[e.to:])
		last = e.from
	}
	return out, true
}

// cReplacement is the text that replaces n, a child of parent, when n is
// C.name, or a call or composite literal of one: a stand-in type where a
// type goes, 0 where a value goes.
func cReplacement(n, parent ast.Node) (string, bool) {
	isC := func(e ast.Expr) (string, bool) {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		x, ok := sel.X.(*ast.Ident)
		return sel.Sel.Name, ok && x.Name == "C"
	}
	switch n := n.(type) {
	case *ast.CallExpr:
		if _, ok := isC(n.Fun); ok {
			return "0", true // a C function's result, or a conversion to a C type
		}
	case *ast.CompositeLit:
		if _, ok := isC(n.Type); ok {
			return "0", true
		}
	case *ast.SelectorExpr:
		if name, ok := isC(n); ok {
			if valuePlace(parent, n) {
				return "0", true
			}
			return cStandIn(name), true
		}
	}
	return "", false
}

// valuePlace reports whether e, a child of parent, stands where a value
// goes rather than a type.
func valuePlace(parent ast.Node, e ast.Expr) bool {
	switch p := parent.(type) {
	case *ast.ValueSpec:
		return p.Type != e
	case *ast.CompositeLit:
		return p.Type != e
	case *ast.BinaryExpr, *ast.UnaryExpr, *ast.KeyValueExpr, *ast.ReturnStmt, *ast.AssignStmt, *ast.CallExpr, *ast.SliceExpr, *ast.SelectorExpr:
		return true
	}
	return false // a field's, parameter's or type's type, *C.x, []C.x
}
