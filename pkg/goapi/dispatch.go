package goapi

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
)

// Calls through interfaces: a call of an interface method runs one of the
// methods of that name of the types that implement the interface. The
// analyses that follow calls (taint, capabilities) take the union of what
// those methods do, as class hierarchy analysis does, but over the types
// that the calling package can see: those declared in it and in the
// packages it imports, directly or not. A package only holds values of
// types it can name or that reach it through its imports, so no
// implementation that can reach the call is missed, except one declared in
// a package that the caller does not import and that is handed over by a
// third package (main wiring a handler to a store): the caller's facts
// cannot know it, since facts travel only from a package to its importers.
//
// Interfaces of the standard library (io.Writer, fmt.Stringer, error...)
// are not resolved: nearly every type implements one of them, and the
// tables already say what the standard library does. Nor are interfaces
// with no methods of their own, or types of the standard library.

// MaxImplementations bounds the methods a call through one interface is
// resolved to; an interface with more implementations than this is
// treated as unknown, as before (the call passes its arguments to its
// result and reaches nothing).
const MaxImplementations = 32

// namedTypes caches, per package, its package-level named types that are
// not interfaces, with the names of the methods of their pointer types
// (promoted ones included: a type that embeds the implementation
// implements the interface too).
var namedTypes sync.Map // *types.Package → []namedType

type namedType struct {
	t       *types.Named
	methods []string
}

func typesOf(pkg *types.Package) []namedType {
	if v, ok := namedTypes.Load(pkg); ok {
		return v.([]namedType)
	}
	var out []namedType
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		tn, ok := sc.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(n) || n.TypeParams().Len() > 0 {
			continue // a generic type: which instance is unknown
		}
		ms := types.NewMethodSet(types.NewPointer(n))
		if ms.Len() == 0 {
			continue
		}
		nt := namedType{t: n}
		for i := range ms.Len() {
			nt.methods = append(nt.methods, ms.At(i).Obj().Name())
		}
		out = append(out, nt)
	}
	namedTypes.Store(pkg, out)
	return out
}

// Dispatcher resolves calls through interfaces for the analysis of one
// package.
type Dispatcher struct {
	fset *token.FileSet
	pkg  *types.Package
	skip func(*types.Package) bool
	// skipped caches skip, per package.
	skipped map[*types.Package]bool
	// byName maps a method name to the named types of the visible
	// packages that have a method of that name, skipped ones included:
	// the index of pkg, shared by every dispatcher of pkg (the taint,
	// reach and authentication analyses each have one).
	byName map[string][]*types.Named
	memo   map[*types.Func][]*types.Func
	isStd  map[*types.Package]bool
}

// NewDispatcher resolves calls made in pkg. skip, if not nil, leaves out
// packages whose code the analysis does not read (those its tables
// describe).
func NewDispatcher(fset *token.FileSet, pkg *types.Package, skip func(*types.Package) bool) *Dispatcher {
	return &Dispatcher{fset: fset, pkg: pkg, skip: skip, skipped: map[*types.Package]bool{},
		memo: map[*types.Func][]*types.Func{}, isStd: map[*types.Package]bool{}}
}

// skips is skip(p), asked once per package.
func (d *Dispatcher) skips(p *types.Package) bool {
	if d.skip == nil {
		return false
	}
	v, ok := d.skipped[p]
	if !ok {
		v = d.skip(p)
		d.skipped[p] = v
	}
	return v
}

// Caches that live as long as the packages of one load: Forget drops a
// load's entries once it is analysed.
var (
	inGOROOT sync.Map // *types.Package → int, declaredInGOROOT
	indexes  sync.Map // *types.Package → *pkgIndex
)

// pkgIndex is the index of the types a package can see, by method name.
type pkgIndex struct {
	once   sync.Once
	byName map[string][]*types.Named
}

// Forget drops what the caches of this package hold for pkgs: call it
// once the packages of a load are analysed, so that the types of one
// scan's load are not kept alive through the next.
func Forget(pkgs []*types.Package) {
	for _, p := range pkgs {
		namedTypes.Delete(p)
		inGOROOT.Delete(p)
		indexes.Delete(p)
	}
}

// std reports whether pkg is part of the standard library, by where its
// declarations are (a GOPATH test package has no dot in its path either).
func (d *Dispatcher) std(pkg *types.Package) bool {
	if v, ok := d.isStd[pkg]; ok {
		return v
	}
	v := d.inGOROOT(pkg)
	d.isStd[pkg] = v
	return v
}

func (d *Dispatcher) inGOROOT(pkg *types.Package) bool {
	return pkg != d.pkg && StdPackage(d.fset, pkg) || pkg == d.pkg && declaredInGOROOT(d.fset, pkg) == 1
}

// StdPackage reports whether pkg is part of the standard library, by where
// its declarations are (a GOPATH test package has no dot in its path
// either), or by its path when it declares nothing fset knows.
func StdPackage(fset *token.FileSet, pkg *types.Package) bool {
	switch declaredInGOROOT(fset, pkg) {
	case 1:
		return true
	case 0:
		return false
	}
	return pkg.Path() == "unsafe" || !strings.Contains(pkg.Path(), ".")
}

// declaredInGOROOT: 1 when pkg's first declaration is under GOROOT, 0 when
// it is elsewhere, -1 when fset does not know where it is.
func declaredInGOROOT(fset *token.FileSet, pkg *types.Package) int {
	// Scope.Names sorts every name of the package: asked once per package
	// (the analyses ask for each package they meet, at each call).
	if v, ok := inGOROOT.Load(pkg); ok {
		return v.(int)
	}
	v := firstDeclInGOROOT(fset, pkg)
	inGOROOT.Store(pkg, v)
	return v
}

func firstDeclInGOROOT(fset *token.FileSet, pkg *types.Package) int {
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		if f := fset.File(sc.Lookup(name).Pos()); f != nil {
			if strings.HasPrefix(f.Name(), goroot) {
				return 1
			}
			return 0
		}
	}
	return -1
}

// index finds, or builds once, the index of d's package.
func (d *Dispatcher) index() {
	v, _ := indexes.LoadOrStore(d.pkg, &pkgIndex{})
	x := v.(*pkgIndex)
	x.once.Do(func() { x.byName = d.build() })
	d.byName = x.byName
}

// build indexes the types of the packages d's package can see: itself and
// what it imports, directly or not, not looking into the standard
// library.
func (d *Dispatcher) build() map[string][]*types.Named {
	byName := map[string][]*types.Named{}
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if p != d.pkg && d.std(p) {
			return // the standard library imports only itself
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
		for _, nt := range typesOf(p) {
			for _, name := range nt.methods {
				byName[name] = append(byName[name], nt.t)
			}
		}
	}
	visit(d.pkg)
	return byName
}

// Implementations returns the concrete methods that a call of the
// interface method m may run, in a stable order; nil when m is not an
// interface method the dispatcher resolves (see above), or when it has
// more than MaxImplementations implementations.
func (d *Dispatcher) Implementations(m *types.Func) []*types.Func {
	if d == nil || m == nil {
		return nil
	}
	if out, ok := d.memo[m]; ok {
		return out
	}
	out := d.implementations(m)
	d.memo[m] = out
	return out
}

func (d *Dispatcher) implementations(m *types.Func) []*types.Func {
	recv := m.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) || m.Pkg() == nil {
		return nil
	}
	if d.std(m.Pkg()) || d.skip != nil && d.skip(m.Pkg()) {
		return nil
	}
	iface, _ := recv.Type().Underlying().(*types.Interface)
	if iface == nil || iface.NumMethods() == 0 {
		return nil
	}
	if d.byName == nil {
		d.index()
	}
	var out []*types.Func
	for _, n := range d.byName[m.Name()] {
		if d.skips(n.Obj().Pkg()) {
			continue
		}
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if !implements(t, recv.Type(), iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
			if fn, ok := obj.(*types.Func); ok && !slices.Contains(out, fn) {
				out = append(out, fn)
			}
			break
		}
	}
	if len(out) > MaxImplementations {
		return nil
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return strings.Compare(Of(a).String(), Of(b).String()) })
	return out
}

// implements is types.Implements, and for an interface instantiated with
// type parameters (Storage[T] inside a generic function, where no concrete
// type implements it exactly) a match of every method by name and arity.
func implements(t, it types.Type, iface *types.Interface) bool {
	if types.Implements(t, iface) {
		return true
	}
	n, ok := types.Unalias(it).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 {
		return false
	}
	generic := false
	for i := range n.TypeArgs().Len() {
		if _, ok := n.TypeArgs().At(i).(*types.TypeParam); ok {
			generic = true
		}
	}
	if !generic {
		return false
	}
	ms := types.NewMethodSet(t)
	for i := range iface.NumMethods() {
		want := iface.Method(i)
		sel := ms.Lookup(want.Pkg(), want.Name())
		if sel == nil {
			return false
		}
		got := sel.Obj().(*types.Func).Signature()
		ws := want.Signature()
		if got.Params().Len() != ws.Params().Len() || got.Results().Len() != ws.Results().Len() || got.Variadic() != ws.Variadic() {
			return false
		}
	}
	return true
}
