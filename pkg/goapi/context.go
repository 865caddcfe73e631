package goapi

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// This file is the context model of the Go rules: what, around a finding,
// makes it matter more or less than the rule's default severity. Every rule
// asks the same questions here, and says in its message what the answer
// changed:
//
//   - where the code lives (Place): production code, or an example, a demo,
//     a conformance server or test scaffolding that nobody deploys as is;
//   - what a server listens on (ListenAddr, Loopback): an address only the
//     machine itself can reach, or any interface;
//   - what turns the code on (Gate): a setting that only an opt-in flag or
//     environment variable enables.
//
// Grade turns the answers into a severity and the words that explain it.

// Place is where a package sits in its module.
type Place uint8

const (
	Production   Place = iota
	Example            // examples/, _examples, demo, showcases/, conformance servers, template-tester
	TestScaffold       // test helpers outside _test.go files: test/, testkit, testutil, fooTest packages, mock-server
)

// exampleDirs and testDirs are path elements (lowercase) that mark a
// package as an example or as test scaffolding.
var (
	exampleDirs = map[string]bool{
		"example": true, "examples": true, "_example": true, "_examples": true,
		"demo": true, "demos": true, "_demo": true, "sample": true, "samples": true,
		"conformance": true, "playground": true, "showcase": true, "showcases": true, "_showcase": true,
		"_showcases": true,
	}
	testDirs = map[string]bool{
		"test": true, "tests": true, "testdata": true, "testkit": true, "testutil": true,
		"testutils": true, "testing": true, "testhelper": true, "testhelpers": true,
		"testserver": true, "e2e": true, "integration": true, "mock": true, "mocks": true,
		"fake": true, "fakes": true,
	}
	// notTest are words that end in "test" but do not mean a test; notMock
	// the same for "mock".
	notTest = map[string]bool{"latest": true, "contest": true, "attest": true, "protest": true}
	notMock = map[string]bool{"hammock": true}
	// mockOf are what a "mock" prefix, written without a separator, makes
	// a stand-in of: mockserver, mockapi, mocksvc.
	mockOf = map[string]bool{
		"server": true, "servers": true, "service": true, "services": true, "svc": true, "api": true,
		"apis": true, "backend": true, "upstream": true, "provider": true, "client": true, "llm": true,
	}
)

// words splits a path element (lower case) at "-", "_" and ".".
func words(el string) []string {
	return strings.FieldsFunc(el, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
}

// mockElement reports whether a path element (lower case) names a
// stand-in for tests: a word "mock" or "mocks" of it (mock-server,
// user_mock, openai-mock-api), "mock" ending it (githubv4mock, pgxmock),
// or "mock" followed by what it stands in for (mockserver, mockapi). A
// word that only starts with "mock" (mockingbird) is not one.
func mockElement(el string) bool {
	if ws := words(el); len(ws) > 1 {
		for _, w := range ws {
			if w == "mock" || w == "mocks" || mockElement(w) {
				return true
			}
		}
		return false
	}
	if len(el) > len("mock") && strings.HasSuffix(el, "mock") && !notMock[el] {
		return true
	}
	rest, ok := strings.CutPrefix(el, "mock")
	return ok && mockOf[rest]
}

// trialTool reports whether a path element (lower case) names a tool for
// trying something out by hand: a word "tester" after another
// (template-tester, prompt_tester). A bare "tester" package may be a
// product's own connection tester, and stays production.
func trialTool(el string) bool {
	ws := words(el)
	return len(ws) > 1 && ws[len(ws)-1] == "tester"
}

// PlaceOf says where the package with import path pkgPath sits, and why
// (the path element that decided it, e.g. "examples/"); Production and ""
// when nothing marks it. Package paths, not file names, are read: a
// module's own directory names are the same in both, and a checkout may
// sit anywhere on disk.
func PlaceOf(pkgPath string) (Place, string) {
	for _, el := range strings.Split(pkgPath, "/") {
		low := strings.ToLower(el)
		switch {
		case exampleDirs[low], trialTool(low):
			return Example, el + "/"
		case testDirs[low], mockElement(low):
			return TestScaffold, el + "/"
		case len(low) > len("test") && strings.HasSuffix(low, "test") && !notTest[low]:
			return TestScaffold, el + "/" // oauthtest, mcptest: helpers for tests, like net/http/httptest
		case strings.Contains(low, "fixture"):
			return TestScaffold, el + "/" // fixtures/, cmd/mcpfixture: a program tests start, not the product
		}
	}
	return Production, ""
}

// PlaceReason is the phrase a message uses for a place: "example code
// (examples/)", "test scaffolding (testkit/)"; "" for Production.
func PlaceReason(pkgPath string) string {
	switch p, el := PlaceOf(pkgPath); p {
	case Example:
		return "example code (" + el + ")"
	case TestScaffold:
		return "test scaffolding (" + el + ")"
	}
	return ""
}

// Loopback reports whether addr, a listen address ("localhost:8080",
// "127.0.0.1:0", "[::1]:9000"), accepts connections
// from this machine only. An address with an empty host (":8080") listens
// on every interface.
func Loopback(addr string) bool {
	host := addr
	if h, _, err := net.SplitHostPort(addr); err == nil {
		host = h
	} else if i := strings.LastIndex(addr, ":"); i >= 0 && !strings.Contains(addr[:i], ":") {
		host = addr[:i] // "localhost:%d", a format
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAddr is the constant text of a listen address, followed back
// through the definitions of local variables in body: a constant,
// fmt.Sprintf's format ("localhost:%d"), a flag's default
// (flag.String("addr", "localhost:8080", ...)), or net.JoinHostPort's
// constant host. ok is false when the address is not known here.
func ListenAddr(info *types.Info, body ast.Node, e ast.Expr) (addr string, ok bool) {
	for range 8 { // a few steps of variables at most
		e = ast.Unparen(e)
		if s, isConst := constString(info, e); isConst {
			return s, true
		}
		switch x := e.(type) {
		case *ast.StarExpr: // *addr, a flag's pointer
			e = x.X
			continue
		case *ast.Ident:
			v, isVar := info.Uses[x].(*types.Var)
			if !isVar {
				return "", false
			}
			def := Definition(info, body, v)
			if def == nil {
				return "", false
			}
			e = def
			continue
		case *ast.CallExpr:
			fn := Callee(info, x)
			if fn == nil || fn.Pkg() == nil {
				return "", false
			}
			switch path := fn.Pkg().Path(); {
			case path == "fmt" && fn.Name() == "Sprintf" && len(x.Args) > 0:
				return constString(info, x.Args[0])
			case path == "net" && fn.Name() == "JoinHostPort" && len(x.Args) == 2:
				if h, ok := constString(info, x.Args[0]); ok {
					return net.JoinHostPort(h, "0"), true
				}
				return "", false
			case (path == "flag" || strings.HasSuffix(path, "/pflag")) && len(x.Args) >= 2:
				// flag.String(name, value, usage), flag.StringVar(p, name, value, usage),
				// pflag's StringP(name, short, value, usage).
				i := 1
				switch {
				case strings.HasSuffix(fn.Name(), "VarP"):
					i = 3
				case strings.HasSuffix(fn.Name(), "Var"), strings.HasSuffix(fn.Name(), "P"):
					i = 2
				}
				if i < len(x.Args) {
					return constString(info, x.Args[i])
				}
			}
		}
		return "", false
	}
	return "", false
}

// LoopbackListen is the address that the serve calls in body listen on,
// when every one of them (http.ListenAndServe, an http.Server's Addr,
// mcp-go's Start, net.Listen, a net.ListenConfig's Listen) names a
// constant loopback address; ok is false when one listens elsewhere or
// on an address not known here, or when body starts no server.
func LoopbackListen(info *types.Info, body ast.Node) (addr string, ok bool) {
	var addrs []string
	all := true
	check := func(e ast.Expr) {
		a, ok := ListenAddr(info, body, e)
		if ok && Loopback(a) {
			addrs = append(addrs, a)
		} else {
			all = false
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := Callee(info, n)
			if fn == nil || fn.Pkg() == nil || len(n.Args) == 0 {
				return true
			}
			switch Of(fn).String() {
			case "net/http.ListenAndServe", "net/http.ListenAndServeTLS",
				"(github.com/mark3labs/mcp-go/server.StreamableHTTPServer).Start",
				"(github.com/mark3labs/mcp-go/server.SSEServer).Start":
				check(n.Args[0])
			case "net.Listen":
				if len(n.Args) == 2 {
					check(n.Args[1])
				}
			case "(net.ListenConfig).Listen":
				if len(n.Args) == 3 {
					check(n.Args[2])
				}
			}
		case *ast.CompositeLit:
			if IsType(info.TypeOf(n), "net/http", "Server") {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Addr" {
							check(kv.Value)
						}
					}
				}
			}
		}
		return true
	})
	if !all || len(addrs) == 0 {
		return "", false
	}
	return addrs[0], true
}

// EphemeralPort reports whether a listen address asks the system for any
// free port ("127.0.0.1:0"): the port is known only to the program.
func EphemeralPort(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	return err == nil && port == "0"
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	if v := constValue(info, e); v != nil && v.Kind() == constant.String {
		return ConstString(info, e), true
	}
	return "", false
}

// Gate is the condition that switches a setting on, when it is an opt-in
// flag or environment variable: the innermost if statement around pos in
// body whose condition reads one, or an assignment of the setting from
// one. It returns a phrase for messages ("only when the --insecure flag
// is set") or "" when the setting is on unconditionally.
func Gate(info *types.Info, body ast.Node, pos token.Pos, value ast.Expr) string {
	if value != nil {
		if why := optIn(info, body, value); why != "" {
			return why
		}
	}
	var why string
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return n == nil
		}
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Body.Pos() <= pos && pos < ifs.Body.End() {
			if w := optIn(info, body, ifs.Cond); w != "" {
				why = w
			}
		}
		return true
	})
	return why
}

// optIn says which flag, option or environment variable e reads, when e
// is one (or a comparison, negation or conjunction of one): "the --insecure
// flag", "the INSECURE environment variable", "the SkipVerify setting".
func optIn(info *types.Info, body ast.Node, e ast.Expr) string {
	var why string
	ast.Inspect(e, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			fn := Callee(info, x)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			switch path := fn.Pkg().Path(); {
			case path == "os" && (fn.Name() == "Getenv" || fn.Name() == "LookupEnv") && len(x.Args) == 1:
				if name, ok := constString(info, x.Args[0]); ok {
					why = "the " + name + " environment variable"
				} else {
					why = "an environment variable"
				}
			case path == "flag" || strings.HasSuffix(path, "/pflag") || strings.HasSuffix(path, "/viper") || strings.HasSuffix(path, "/cobra"):
				if len(x.Args) > 0 {
					if name, ok := constString(info, x.Args[0]); ok {
						why = "the --" + name + " flag"
						break
					}
				}
				why = "a command-line flag"
			}
		case *ast.StarExpr: // *insecure, a flag's pointer
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if def := Definition(info, body, v); def != nil {
						why = optIn(info, body, def)
					} else if p, isPtr := v.Type().Underlying().(*types.Pointer); isPtr && isBool(p.Elem()) && v.Parent() == v.Pkg().Scope() {
						why = "the " + v.Name() + " flag" // a package-level *bool, a flag.Bool
					}
				}
			}
		case *ast.SelectorExpr:
			// cfg.SkipVerify, opts.Insecure: a boolean field whose name says it
			// is an opt-in switch for insecure behaviour.
			if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() && isBool(v.Type()) && optInName(x.Sel.Name) {
				why = "the " + x.Sel.Name + " setting"
			}
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok && isBool(v.Type()) && optInName(x.Name) {
				if v.Parent() != nil && v.Parent() == v.Pkg().Scope() {
					why = "the " + x.Name + " setting" // a package-level switch, usually bound to a flag
				} else if def := Definition(info, body, v); def != nil {
					why = optIn(info, body, def)
				} else if v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
					why = "the " + x.Name + " parameter"
				}
			}
		}
		return true
	})
	return why
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// optInName reports whether a boolean's name says that it switches on
// something unsafe on request.
func optInName(name string) bool {
	low := strings.ToLower(name)
	for _, w := range []string{"insecure", "skipverify", "skiptls", "noverify", "notls", "allowinsecure", "tlsskip", "skipssl", "unsafe", "debug", "dev"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// Level is a finding's severity as a go/analysis diagnostic category
// names it; pkg/load/gosrc reads the category back.
type Level int8

const (
	Error Level = iota
	Warning
	Note
)

func (l Level) String() string { return [...]string{"error", "warning", "note"}[l] }

// Grade is a finding's severity: the rule's default, moved by context, and
// the reasons for each move.
type Grade struct {
	Base, Level Level
	start       Level // where the reasons start from: Base unless StartAt moved it
	why         []string
}

// NewGrade starts at the rule's default severity.
func NewGrade(base Level) *Grade { return &Grade{Base: base, Level: base, start: base} }

// StartAt sets the level the rule gives this kind of finding before
// context moves it, when that is not the rule's default (its message then
// says why by itself).
func (g *Grade) StartAt(l Level) *Grade {
	g.Level, g.start = l, l
	return g
}

// Lower moves the grade down one level (not below a note) because of why.
func (g *Grade) Lower(why string) *Grade {
	if g.Level < Note {
		g.Level++
	}
	g.why = append(g.why, why)
	return g
}

// Raise moves the grade up one level (not above an error) because of why.
func (g *Grade) Raise(why string) *Grade {
	if g.Level > Error {
		g.Level--
	}
	g.why = append(g.why, why)
	return g
}

// Category is the diagnostic category: "" when the grade is the rule's
// default, so that a user's severity setting for the rule still applies.
func (g *Grade) Category() string {
	if g.Level == g.Base {
		return ""
	}
	return g.Level.String()
}

// Suffix is what a message ends with to explain a moved grade:
// " (a note, not an error: example code (examples/); listens on loopback
// only)"; "" when nothing moved it.
func (g *Grade) Suffix() string {
	if len(g.why) == 0 || g.Level == g.start {
		return ""
	}
	return fmt.Sprintf(" (%s %s, not %s %s: %s)", article(g.Level), g.Level, article(g.start), g.start, strings.Join(g.why, "; "))
}

func article(l Level) string {
	if l == Error {
		return "an"
	}
	return "a"
}

// Report reports a diagnostic at the grade's level, its message followed
// by the reasons.
func (g *Grade) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	d.Category = g.Category()
	d.Message += g.Suffix()
	pass.Report(d)
}

// LowerTo moves the grade down to l (not up) because of why.
func (g *Grade) LowerTo(l Level, why string) *Grade {
	g.Level = max(g.Level, l)
	g.why = append(g.why, why)
	return g
}

// LowerPlace grades a finding in example code or test scaffolding as a
// note, whatever the rule's default: nobody deploys that code as it is,
// and of the example and test findings judged on real projects
// (docs/precision.md) none was worth acting on at warning or above. The
// finding is still reported, with the reason. It does nothing in
// production code.
func (g *Grade) LowerPlace(pkgPath string) *Grade {
	if why := PlaceReason(pkgPath); why != "" {
		g.LowerTo(Note, why)
	}
	return g
}

// PlacePath is what PlaceOf and LowerPlace read for the package of pass:
// its import path, preceded by where its module sits in the project when
// it is a module of its own nested in another (examples/interceptors/http
// with its own go.mod, whose import path says nothing of the directory).
// The nested module's place is found on disk: the outermost directory
// above it that holds a go.mod or go.work, below a .git directory if
// there is one, and at or below the directory the scan was started on
// (SetScanRoots): a nested module under a directory the user scanned
// directly is the project being audited (apiaudit scan examples/ audits
// the examples as code). A testdata/ element there and what is above it
// do not count: a scan that reaches a module under testdata was started
// inside it, on purpose.
func PlacePath(pass *analysis.Pass) string {
	pkgPath := pass.Pkg.Path()
	if p, _ := PlaceOf(pkgPath); p != Production || len(pass.Files) == 0 {
		return pkgPath
	}
	file := pass.Fset.File(pass.Files[0].Pos())
	if file == nil {
		return pkgPath
	}
	if within := nestedModuleDir(filepath.Dir(file.Name())); within != "" {
		return within + "/" + pkgPath
	}
	return pkgPath
}

// nestedDirs caches nestedModuleDir by directory, for the scan roots of
// scanRoots.
var nestedDirs sync.Map

// scanRoots are the absolute directories the running scan was started on.
var scanRoots struct {
	sync.Mutex
	dirs []string
}

// SetScanRoots tells PlacePath the directories the scan was started on:
// the search for the project that holds a nested module stops there. The
// engine sets them before it analyses Go code; with none (apiaudit-vet),
// the search goes up to the repository's .git.
func SetScanRoots(dirs []string) {
	scanRoots.Lock()
	defer scanRoots.Unlock()
	if slices.Equal(dirs, scanRoots.dirs) {
		return
	}
	scanRoots.dirs = slices.Clone(dirs)
	nestedDirs.Clear()
}

func isScanRoot(dir string) bool {
	scanRoots.Lock()
	defer scanRoots.Unlock()
	return slices.Contains(scanRoots.dirs, dir)
}

// nestedModuleDir is the slash-separated path, from the project's root,
// of the module that holds dir, when that module is nested in another;
// "" otherwise.
func nestedModuleDir(dir string) string {
	if v, ok := nestedDirs.Load(dir); ok {
		return v.(string)
	}
	var module, outer string
	for d, i := dir, 0; i < 64; d, i = filepath.Dir(d), i+1 {
		if exists(filepath.Join(d, "go.mod")) || exists(filepath.Join(d, "go.work")) {
			if module == "" {
				module = d
			}
			outer = d
		}
		if exists(filepath.Join(d, ".git")) || isScanRoot(d) || filepath.Dir(d) == d {
			break
		}
	}
	rel := ""
	if module != "" && outer != module {
		if r, err := filepath.Rel(outer, module); err == nil {
			rel = filepath.ToSlash(r)
			if i := strings.LastIndex("/"+rel+"/", "/testdata/"); i >= 0 {
				rel = strings.Trim(("/" + rel + "/")[i+len("/testdata/"):], "/")
			}
		}
	}
	nestedDirs.Store(dir, rel)
	return rel
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Reportf reports a finding of a rule whose default severity is base,
// graded by where the code lives: a note in example code or test
// scaffolding, and the message says so. It is pass.Reportf for rules that
// have no other context to weigh.
func Reportf(pass *analysis.Pass, base Level, pos token.Pos, format string, args ...any) {
	PlaceGrade(pass, base).Report(pass, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// PlaceGrade is a grade at base, lowered to a note when the package is
// example code or test scaffolding (LowerPlace).
func PlaceGrade(pass *analysis.Pass, base Level) *Grade {
	return NewGrade(base).LowerPlace(PlacePath(pass))
}
