package gosrc

import (
	"context"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/internal/childproc"
	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Dependencies are type-checked from source, like the scanned packages,
// but without their function bodies.
//
// Rules look at the code of the scanned modules. Of a dependency they need
// its declarations (the types of everything the scanned code uses) and,
// through facts, what its functions do. The analyzers with facts read no
// body of the standard library (goapi's tables describe it), and for other
// modules the tables describe the libraries that matter (routers, model
// and MCP SDKs); a helper in some other module is taken at its signature.
// Type-checking every body of every dependency, kept for the whole run,
// was most of the time and memory of a scan of a large module: for
// prometheus/prometheus (1 589 packages) 66–73 s and 14 GB.
//
// So a file of the standard library, the module cache or a vendor
// directory is parsed, then its function bodies and comments are dropped
// before the type checker sees it. Reading the compiled export data of
// dependencies instead would be cheaper still, but compiles them when the
// build cache is cold, and running the compiler is not a scan's business.

// deps tells the files of dependencies from the files being scanned.
type deps struct {
	roots  []string // GOROOT and GOMODCACHE, as the go command sees them
	goroot string   // GOROOT, with a trailing separator; "" if unknown
	scan   []string // the scanned module directories
}

// newDeps asks the go command in dir, with env, where GOROOT and
// GOMODCACHE are; scan lists the directories being scanned.
func newDeps(ctx context.Context, dir string, env []string, scan []string) *deps {
	d := &deps{}
	sep := string(filepath.Separator)
	for _, s := range scan {
		d.scan = append(d.scan, filepath.Clean(s)+sep)
	}
	cmd := exec.CommandContext(ctx, childproc.Go(), "env", "GOROOT", "GOMODCACHE")
	cmd.Dir, cmd.Env = dir, childproc.Unwrapped(env)
	childproc.Configure(cmd)
	out, err := cmd.Output()
	if err != nil {
		return d // the load reports what is wrong with the go command
	}
	for line := range strings.Lines(string(out)) {
		if line = strings.TrimSpace(line); line != "" {
			d.roots = append(d.roots, filepath.Clean(line)+sep)
		}
	}
	if len(d.roots) == 2 {
		d.goroot = d.roots[0]
	}
	return d
}

// std reports whether a dependency's file is the standard library's.
func (d *deps) std(filename string) bool {
	return d.goroot != "" && strings.HasPrefix(filename, d.goroot)
}

// is reports whether filename belongs to a dependency: it is in a vendor
// directory, or under GOROOT or GOMODCACHE and not in a scanned module
// (scanning the standard library's net/... reads net's own bodies).
func (d *deps) is(filename string) bool {
	vendor := string(filepath.Separator) + "vendor" + string(filepath.Separator)
	for _, s := range d.scan {
		if rest, ok := strings.CutPrefix(filename, s); ok {
			return strings.HasPrefix(rest, "vendor"+string(filepath.Separator)) || strings.Contains(rest, vendor)
		}
	}
	if strings.Contains(filename, vendor) {
		return true
	}
	for _, r := range d.roots {
		if strings.HasPrefix(filename, r) {
			return true
		}
	}
	return false
}

// parseFile parses the scanned modules' files whole, and dependencies'
// files without function bodies or comments. The build constraint of a
// file is read before its comments go: it sets the file's Go version.
// Object resolution, which nothing here uses, is skipped.
func parseFile(d *deps) func(*token.FileSet, string, []byte) (*ast.File, error) {
	const mode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		dep := d.is(filename)
		if dep {
			src = blankBodies(src)
		}
		f, err := parser.ParseFile(fset, filename, src, mode)
		if f != nil && dep {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				switch {
				case !ok || fd.Body == nil || fd.Type.TypeParams != nil:
					// The type checker wants a generic function's body.
				case fd.Name.Name == "init" && fd.Recv == nil:
					// An init function needs a body; an empty one will do.
					fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
				default:
					fd.Body = nil
				}
			}
			blankTables(f, d.std(filename))
			f.Comments, f.Doc = nil, nil
		}
		return f, err
	}
}

// blankTables empties the composite literals that initialise the
// package-level variables of a dependency's file: in the standard library
// all of them (unicode's range tables, the tables of the encoders and of
// time zones), elsewhere only literals of data alone, numbers and strings
// and literals of them (golang.org/x/text's language and number tables),
// which no analysis reads. The analyzers with facts stop at the standard
// library (goapi's tables describe it), and elsewhere they read functions
// and the values that name them, which data literals do not. Yet
// type-checking the tables was a tenth of a scan's load, and their syntax
// stays on the heap that every collection of the analysis marks. The
// variables keep their types: a literal keeps its type and braces, and an
// array whose length its elements give ([...]T) keeps as many elements,
// each emptied in turn.
func blankTables(f *ast.File, std bool) {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, v := range vs.Values {
					if std || dataOnly(v, 0) {
						blankLiteral(v)
					}
				}
			}
		}
	}
}

// dataOnly reports whether an initializer holds nothing but numbers,
// strings, true, false and nil, in literals of them (struct fields named
// as keys): a table that names no function or variable.
func dataOnly(e ast.Expr, depth int) bool {
	if depth > 64 {
		return false
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return e.Name == "true" || e.Name == "false" || e.Name == "nil"
	case *ast.UnaryExpr:
		return (e.Op == token.SUB || e.Op == token.ADD || e.Op == token.AND) && dataOnly(e.X, depth+1)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if _, field := kv.Key.(*ast.Ident); !field && !dataOnly(kv.Key, depth+1) || !dataOnly(kv.Value, depth+1) {
					return false
				}
				continue
			}
			if !dataOnly(el, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// arrayLen is the length elements give a [...]T literal, when every index
// key among them is a decimal literal; ok is false for keys it cannot read
// (a constant's name).
func arrayLen(elts []ast.Expr) (n int, ok bool) {
	i := 0
	for _, el := range elts {
		if kv, isKV := el.(*ast.KeyValueExpr); isKV {
			lit, isLit := kv.Key.(*ast.BasicLit)
			if !isLit || lit.Kind != token.INT {
				return 0, false
			}
			k, err := strconv.Atoi(lit.Value)
			if err != nil {
				return 0, false
			}
			i = k
		}
		i++
		n = max(n, i)
	}
	return n, true
}

// blankLiteral empties a composite literal, or the one whose address is
// taken (&T{...}); see blankTables.
func blankLiteral(e ast.Expr) {
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			blankLiteral(e.X)
		}
	case *ast.CompositeLit:
		if at, ok := e.Type.(*ast.ArrayType); ok {
			if _, counted := at.Len.(*ast.Ellipsis); counted {
				if n, ok := arrayLen(e.Elts); ok {
					// [...]byte{0x3c, ...}: the count is the length,
					// written out, and the elements can go.
					at.Len = &ast.BasicLit{ValuePos: at.Lbrack + 1, Kind: token.INT, Value: strconv.Itoa(n)}
					e.Elts = nil
					return
				}
				for _, el := range e.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						blankLiteral(kv.Value) // an index key sets the length: keep it
						continue
					}
					blankLiteral(el)
				}
				return
			}
		}
		if e.Type != nil {
			e.Elts = nil
		}
	}
}

// blankBodies returns a copy of src in which the bodies of the functions
// declared at the top level, generic ones apart, are blank: every byte
// between their braces is a space, but for line breaks, so that positions
// stay where they were. Parsing the bodies of dependencies that are then
// dropped was half the cost of parsing them; scanning for the braces is
// cheaper. Function literals keep their bodies (a variable's type may need
// them), and so does anything the scanner cannot make sense of.
func blankBodies(src []byte) []byte {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	bad := false
	s.Init(file, src, func(token.Position, string) { bad = true }, 0)
	out := slices.Clone(src)
	var (
		depth int         // open (, [ and { outside the signature being read
		prev  token.Token // the token before this one
		prev2 token.Token // and the one before that
		sig   = -1        // in a signature: how many ( and [ are open; -1 outside
		typ   int         // open braces of struct and interface types in the signature
	)
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF || bad {
			break
		}
		switch {
		case sig < 0:
			switch tok {
			case token.FUNC:
				if depth == 0 && (prev == token.SEMICOLON || prev == token.ILLEGAL) {
					sig, typ = 0, 0
				}
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
			}
		case typ > 0:
			switch tok {
			case token.LBRACE:
				typ++
			case token.RBRACE:
				typ--
			}
		default:
			switch tok {
			case token.LPAREN:
				sig++
			case token.LBRACK:
				if sig == 0 && prev == token.IDENT && prev2 == token.FUNC {
					sig = -1 // type parameters: a generic function keeps its body
					depth++
					break
				}
				sig++
			case token.RPAREN, token.RBRACK:
				sig--
			case token.SEMICOLON:
				if sig == 0 {
					sig = -1 // no body
				}
			case token.LBRACE:
				if prev == token.STRUCT || prev == token.INTERFACE {
					typ = 1
					break
				}
				if sig != 0 {
					break
				}
				sig = -1
				start := file.Offset(pos) + 1
				end, ok := closingBrace(&s, file, &bad)
				if !ok {
					return src
				}
				for i := start; i < end; i++ {
					if out[i] != '\n' {
						out[i] = ' '
					}
				}
				tok = token.RBRACE
			}
		}
		prev2, prev = prev, tok
	}
	if bad {
		return src
	}
	return out
}

// closingBrace reads tokens up to the brace that closes the one just read,
// and returns its offset.
func closingBrace(s *scanner.Scanner, file *token.File, bad *bool) (int, bool) {
	for open := 1; ; {
		pos, tok, _ := s.Scan()
		switch {
		case tok == token.EOF || *bad:
			return 0, false
		case tok == token.LBRACE:
			open++
		case tok == token.RBRACE:
			if open--; open == 0 {
				return file.Offset(pos), true
			}
		}
	}
}

// trimmedErrors removes, from dependencies parsed without bodies, the
// errors that follow from the missing bodies alone (an import that only
// the bodies used), then works out again which packages are ill-typed.
func trimmedErrors(pkgs []*packages.Package, d *deps) {
	trimmed := func(p *packages.Package) bool {
		// The package's own Go files, not the files it compiles: with cgo
		// on, cgo's output for net, os/user and the like lives in the
		// build cache, and the package is still a dependency whose other
		// files lost their bodies.
		files := p.GoFiles
		if len(files) == 0 {
			files = p.CompiledGoFiles
		}
		for _, f := range files {
			if !d.is(f) {
				return false
			}
		}
		return len(files) > 0
	}
	done := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if done[p] {
			return
		}
		done[p] = true
		if trimmed(p) && len(p.Errors) > 0 {
			kept := p.Errors[:0]
			for _, e := range p.Errors {
				if e.Kind == packages.TypeError && strings.HasSuffix(e.Msg, " and not used") && strings.Contains(e.Msg, " imported") {
					continue
				}
				kept = append(kept, e)
			}
			p.Errors = kept
			if len(p.Errors) == 0 {
				p.Errors = nil
			}
		}
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			visit(imp)
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	}
	for _, p := range pkgs {
		visit(p)
	}
}

// dropUnreadTypes forgets the types recorded for the expressions
// (types.Info.Types) of the standard library's packages that are loaded
// only as dependencies and kept no function body, before the analysis.
//
// Nothing reads them: of the analyzers, only those with facts run on
// dependencies, and on the standard library they stop at once
// (goapi.InGOROOT: the tables describe it) or read only its objects
// (Defs, Uses) and function bodies, of which such a package has none left
// but empty init functions; the packages that import it see its types,
// not its syntax. Yet they are most of what the load keeps of it (the
// initializers of unicode's tables and the like: 340 000 expressions on
// github-mcp-server, a sixth of the heap after the load), and every
// collection during the analysis marks them again.
func dropUnreadTypes(pkgs, analysed []*packages.Package) {
	keep := make(map[*packages.Package]bool, len(analysed))
	for _, p := range analysed {
		keep[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if keep[p] || p.TypesInfo == nil || !goapi.InGOROOT(p.Fset, p.Syntax) {
			return
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && len(fd.Body.List) > 0 {
					return // a generic function's body, which facts analyzers may read
				}
			}
		}
		p.TypesInfo.Types = nil
	})
}
