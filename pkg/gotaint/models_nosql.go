package gotaint

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Document databases: the MongoDB Go driver (go.mongodb.org/mongo-driver,
// v1 and v2: paths are canonical; checked against v1.17 and v2.2) and mgo
// (gopkg.in/mgo.v2, github.com/globalsign/mgo).
//
// A query document is not a string: injection there is untrusted data that
// decides the document's structure, not its values. {"code": code} with
// code a string from the request matches one code; the same document
// decoded whole from the request body ({"code": {"$ne": ""}}) matches every
// coupon. So these sinks count only the open parts of a document
// (queryTaint): a map, slice or interface value that came as it was from
// the request, a key the request chose, and any value under an operator
// that runs code ($where, $function, $accumulator). A typed field (a
// string, a number, a struct of those) used as a value is not injection.
//
// The packages are not marked as modelled: their code is not read in a
// scan anyway, and using them does not by itself make a package worth
// analysing.
func init() {
	const mg = "go.mongodb.org/mongo-driver/mongo"
	coll := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, "(*"+mg+".Collection)."+n)
		}
		return out
	}
	q := func(args ...int) SinkModel { return SinkModel{Kind: NoSQL, Args: args, Query: true, Update: -1} }
	// u: a filter and an update document, in that order.
	u := func(filter, update int) SinkModel {
		return SinkModel{Kind: NoSQL, Args: []int{filter, update}, Query: true, Update: update}
	}
	var mgo []string
	for _, p := range []string{"gopkg.in/mgo.v2", "github.com/globalsign/mgo"} {
		mgo = append(mgo, "(*"+p+".Collection).Find", "(*"+p+".Collection).Pipe", "(*"+p+".Collection).Remove",
			"(*"+p+".Collection).RemoveAll")
	}
	var mgoUpdate []string
	for _, p := range []string{"gopkg.in/mgo.v2", "github.com/globalsign/mgo"} {
		mgoUpdate = append(mgoUpdate, "(*"+p+".Collection).Update", "(*"+p+".Collection).UpdateAll", "(*"+p+".Collection).Upsert")
	}
	library(Models{
		Sinks: allSinks(
			sinks(q(1), coll("Find", "FindOne", "FindOneAndDelete", "FindOneAndReplace", "DeleteOne", "DeleteMany",
				"CountDocuments", "ReplaceOne", "Aggregate", "Watch")...),
			sinks(u(1, 2), coll("FindOneAndUpdate", "UpdateOne", "UpdateMany", "UpdateByID")...),
			sinks(q(2), coll("Distinct")...),
			sinks(q(1), "(*"+mg+".Database).Aggregate", "(*"+mg+".Database).Watch", "(*"+mg+".Database).RunCommand",
				"(*"+mg+".Database).RunCommandCursor", "(*"+mg+".Client).Watch"),
			sinks(SinkModel{Kind: NoSQL, Args: []int{0}, Query: true, Update: 0},
				"(*"+mg+".UpdateOneModel).SetUpdate", "(*"+mg+".UpdateManyModel).SetUpdate"),
			sinks(q(0), "(*"+mg+".UpdateOneModel).SetFilter", "(*"+mg+".UpdateManyModel).SetFilter",
				"(*"+mg+".DeleteOneModel).SetFilter", "(*"+mg+".DeleteManyModel).SetFilter",
				"(*"+mg+".ReplaceOneModel).SetFilter"),
			sinks(q(0), mgo...),
			sinks(u(0, 1), mgoUpdate...),
		),
	})
}

// setOperators are the update operators whose operand maps field names
// to values that are stored (or added, compared for $min and $max) as they
// are: {"$set": {"config": doc}} stores doc, whatever keys it holds, and
// no operator inside it runs. The field names are what the request must
// not choose (they decide which fields change); the values are data.
var setOperators = map[string]bool{"$set": true, "$setOnInsert": true, "$push": true, "$addToSet": true,
	"$inc": true, "$mul": true, "$min": true, "$max": true}

// updateTaint is the taint of v, an update document at a NoSQL sink, that
// can change what the update does: as queryTaint, except that the values
// under a field-update operator of a map built here ({"$set": {"f": x}})
// are data, not structure; the names of the fields still count. An
// update that is not a map literal (a bson.D, a pipeline, a document from
// elsewhere) is walked as a query.
func (s *state) updateTaint(v ssa.Value, b *ssa.BasicBlock) taint {
	w := &docWalk{pkg: s.e.pkg, seen: map[ssa.Value]bool{}, leaf: s.val}
	m, ok := unwrapIface(v).(*ssa.MakeMap)
	if !ok {
		return w.doc(v, b, 0)
	}
	var t taint
	for _, r := range *m.Referrers() {
		switch u := r.(type) {
		case *ssa.MapUpdate:
			key := constString(u.Key)
			switch {
			case key == "":
				t = merge(t, w.leaf(u.Key, u.Block()))
				t = merge(t, w.entry(key, u.Value, u.Block(), 0))
			case setOperators[key]:
				t = merge(t, w.fieldNames(u.Value, u.Block()))
			default:
				t = merge(t, w.entry(key, u.Value, u.Block(), 0))
			}
		case *ssa.Store:
			if u.Val == m && !localElem(u.Addr) {
				return w.leaf(m, b) // kept in memory others can reach
			}
		}
	}
	return t
}

// localElem: addr is an element or field of memory allocated in the
// function (a slice or struct literal, the arguments of a variadic
// call), which the walk of that memory covers when the document holds it.
func localElem(addr ssa.Value) bool {
	switch a := addr.(type) {
	case *ssa.IndexAddr:
		_, ok := a.X.(*ssa.Alloc)
		return ok
	case *ssa.FieldAddr:
		_, ok := a.X.(*ssa.Alloc)
		return ok
	}
	return false
}

// fieldNames is the open part of the operand of a field-update operator:
// its keys when it is a map built here, all of it otherwise (a map from
// the request names the fields it sets).
func (w *docWalk) fieldNames(v ssa.Value, b *ssa.BasicBlock) taint {
	m, ok := unwrapIface(v).(*ssa.MakeMap)
	if !ok {
		return w.doc(v, b, 1)
	}
	var t taint
	for _, r := range *m.Referrers() {
		switch u := r.(type) {
		case *ssa.MapUpdate:
			if constString(u.Key) == "" {
				t = merge(t, w.leaf(u.Key, u.Block()))
			}
		case *ssa.Store:
			if u.Val == m {
				return w.leaf(m, b)
			}
		}
	}
	return t
}

// codeOperators run their operand as JavaScript on the server: a string
// under them is code, not a value.
var codeOperators = map[string]bool{"$where": true, "$function": true, "$accumulator": true}

// queryTaint is the taint of v, a query document at a NoSQL sink, that can
// change what the query does: the parts of v that are open (see the
// comment of the NoSQL models). Documents built in the function (map and
// slice literals, bson.E entries, appends, phis) are walked; a document
// from anywhere else counts whole when its type can hold operators.
func (s *state) queryTaint(v ssa.Value, b *ssa.BasicBlock) taint {
	w := &docWalk{pkg: s.e.pkg, seen: map[ssa.Value]bool{}, leaf: s.val}
	return w.doc(v, b, 0)
}

// docWalk walks a query document. leaf is the taint of a value the walk
// does not look into.
type docWalk struct {
	pkg  *ssa.Package // the package under analysis
	seen map[ssa.Value]bool
	leaf func(ssa.Value, *ssa.BasicBlock) taint
	// helpers are the package's functions whose results the walk is
	// looking into (closedResult, composes): a helper that reaches itself
	// counts as open there.
	helpers map[*ssa.Function]bool
}

const maxDocDepth = 16

func (w *docWalk) doc(v ssa.Value, b *ssa.BasicBlock, depth int) taint {
	if v == nil || !opens(v.Type()) {
		return nil // a string, a number, a struct of those: a value, never an operator
	}
	if _, ok := v.(*ssa.Const); ok {
		return nil
	}
	if depth > maxDocDepth || w.seen[v] {
		return nil
	}
	w.seen[v] = true
	defer delete(w.seen, v)
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return w.doc(x.X, b, depth+1)
	case *ssa.ChangeType:
		return w.doc(x.X, b, depth+1)
	case *ssa.Slice:
		if isBytes(x.Type()) {
			return w.leaf(v, b) // a raw document
		}
		return w.doc(x.X, b, depth+1)
	case *ssa.Phi:
		var t taint
		for i, e := range x.Edges {
			if i < len(x.Block().Preds) {
				t = merge(t, w.doc(e, x.Block().Preds[i], depth+1))
			}
		}
		return t
	case *ssa.MakeMap:
		return w.literalMap(x, b, depth)
	case *ssa.Alloc:
		return w.mem(x, b, depth)
	case *ssa.UnOp:
		switch a := x.X.(type) {
		case *ssa.Alloc:
			return w.mem(a, b, depth) // a composite literal, loaded
		case *ssa.IndexAddr:
			return w.doc(a.X, b, depth+1) // an element: as open as its slice
		}
	case *ssa.Index:
		return w.doc(x.X, b, depth+1)
	case *ssa.MakeSlice:
		return w.madeSlice(x, b, depth)
	case *ssa.Extract:
		// doc, err := buildFilter(params): a helper of the package, as
		// for a call of one result.
		if c, ok := x.Tuple.(*ssa.Call); ok {
			if t, ok := w.helper(c, b, depth); ok {
				return t
			}
		}
	case *ssa.Call:
		if bi, ok := x.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" {
			var t taint
			for _, a := range x.Call.Args {
				t = merge(t, w.doc(a, b, depth+1))
			}
			return t
		}
		if t, ok := w.helper(x, b, depth); ok {
			return t
		}
	}
	return w.leaf(v, b)
}

// helper is the open part of the documents a call of a helper of the
// package returns: none when it builds closed documents whatever it is
// given, the open part of its arguments where it only composes them
// (and(filters, bson.D{...})); ok false for any other call.
func (w *docWalk) helper(c *ssa.Call, b *ssa.BasicBlock, depth int) (taint, bool) {
	sf := c.Call.StaticCallee()
	if sf == nil || sf.Pkg != w.pkg || len(sf.Blocks) == 0 || w.helpers[sf] {
		return nil, false
	}
	if closedResult(sf, w.helpers) {
		return nil, true
	}
	ps, ok := composes(sf, w.helpers)
	if !ok {
		return nil, false
	}
	var t taint
	for _, i := range ps {
		if i < len(c.Call.Args) {
			t = merge(t, w.doc(c.Call.Args[i], b, depth+1))
		}
	}
	return t, true
}

// madeSlice: a slice made here (make) holds what is stored in its
// elements; what append adds to it the walk follows from the append.
// A slice that goes anywhere else may be filled there: it counts whole.
func (w *docWalk) madeSlice(m *ssa.MakeSlice, b *ssa.BasicBlock, depth int) taint {
	var t taint
	for _, r := range *m.Referrers() {
		switch u := r.(type) {
		case *ssa.IndexAddr:
			t = merge(t, w.mem(u, b, depth+1))
		case *ssa.Call:
			if bi, ok := u.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "append" && bi.Name() != "len" && bi.Name() != "cap" {
				return w.leaf(m, b)
			}
		case *ssa.Phi, *ssa.Slice, *ssa.DebugRef:
		default:
			return w.leaf(m, b)
		}
	}
	return t
}

// literalMap: a map built here is open where a key is not a constant or a
// value is open (or under a code operator). Calls that the map is passed
// to are assumed not to fill it (a wrapper that runs the query); a map
// kept in memory that others reach counts whole.
func (w *docWalk) literalMap(m *ssa.MakeMap, b *ssa.BasicBlock, depth int) taint {
	var t taint
	for _, r := range *m.Referrers() {
		switch u := r.(type) {
		case *ssa.MapUpdate:
			key := constString(u.Key)
			if key == "" {
				t = merge(t, w.leaf(u.Key, u.Block()))
			}
			t = merge(t, w.entry(key, u.Value, u.Block(), depth))
		case *ssa.Store:
			if u.Val == m && !localElem(u.Addr) {
				return w.leaf(m, b) // kept in memory others can reach
			}
		}
	}
	return t
}

// entry is the open part of value v under key (a constant, or "").
func (w *docWalk) entry(key string, v ssa.Value, b *ssa.BasicBlock, depth int) taint {
	if codeOperators[key] {
		return w.leaf(v, b)
	}
	return w.doc(v, b, depth+1)
}

// mem walks memory allocated here: the backing array of a slice literal,
// a struct literal, a bson.E entry. Memory whose address goes anywhere
// but field and element stores (a decoder's out-parameter, a call) may be
// filled there: it counts whole.
func (w *docWalk) mem(a ssa.Value, b *ssa.BasicBlock, depth int) taint {
	if depth > maxDocDepth {
		return nil
	}
	refs := a.Referrers()
	if refs == nil {
		return nil
	}
	if ki, vi, ok := entryFields(derefT(a.Type())); ok {
		return w.entryMem(a, ki, vi, b, depth)
	}
	var t taint
	for _, r := range *refs {
		switch u := r.(type) {
		case *ssa.Store:
			if u.Addr == a {
				t = merge(t, w.doc(u.Val, u.Block(), depth+1))
			} else {
				return w.leaf(a, b)
			}
		case *ssa.IndexAddr:
			t = merge(t, w.mem(u, b, depth+1))
		case *ssa.FieldAddr:
			t = merge(t, w.mem(u, b, depth+1))
		case *ssa.Slice, *ssa.UnOp, *ssa.DebugRef:
		default:
			return w.leaf(a, b)
		}
	}
	return t
}

// entryMem walks a bson.E (or mgo's DocElem) in memory: a key field and a
// value field.
func (w *docWalk) entryMem(a ssa.Value, ki, vi int, b *ssa.BasicBlock, depth int) taint {
	var t taint
	key, keyKnown := "", true
	var vals []*ssa.Store
	for _, r := range *a.Referrers() {
		switch u := r.(type) {
		case *ssa.FieldAddr:
			for _, r2 := range *u.Referrers() {
				st, ok := r2.(*ssa.Store)
				if !ok || st.Addr != u {
					continue
				}
				switch u.Field {
				case ki:
					if c := constString(st.Val); c != "" {
						key = c
					} else {
						keyKnown = false
						t = merge(t, w.leaf(st.Val, st.Block()))
					}
				case vi:
					vals = append(vals, st)
				}
			}
		case *ssa.Store:
			if u.Addr == a {
				t = merge(t, w.doc(u.Val, u.Block(), depth+1))
			} else {
				return w.leaf(a, b)
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return w.leaf(a, b)
		}
	}
	if !keyKnown {
		key = ""
	}
	for _, st := range vals {
		t = merge(t, w.entry(key, st.Val, st.Block(), depth))
	}
	return t
}

// entryFields finds the key and value fields of a document entry: a
// struct of a string Key (or Name) and an interface Value.
func entryFields(t types.Type) (key, value int, ok bool) {
	st, isStruct := t.Underlying().(*types.Struct)
	if !isStruct || st.NumFields() != 2 {
		return 0, 0, false
	}
	key, value = -1, -1
	for i := range st.NumFields() {
		f := st.Field(i)
		switch {
		case (f.Name() == "Key" || f.Name() == "Name") && isString(f.Type()):
			key = i
		case f.Name() == "Value" && types.IsInterface(f.Type()):
			value = i
		}
	}
	return key, value, key >= 0 && value >= 0
}

// closedResult: every document fn returns is closed whatever its
// parameters hold (literals of constant keys and typed values). active
// holds the helpers being looked into already.
func closedResult(fn *ssa.Function, active map[*ssa.Function]bool) bool {
	open := func(v ssa.Value, _ *ssa.BasicBlock) taint {
		if _, ok := v.(*ssa.Const); ok {
			return nil
		}
		return taint{0: nil}
	}
	return returnsDocs(fn, open, active)
}

// composes: fn returns documents made of constant-keyed literals and of
// the documents its parameters hold (a parameter, or an element of a
// slice parameter: a helper that joins filters under $and); params are
// the indexes of those parameters, the receiver first for a method, as
// in a call's arguments. Its result is then as open as the arguments at
// those places.
func composes(fn *ssa.Function, active map[*ssa.Function]bool) (params []int, ok bool) {
	seen := map[int]bool{}
	param := func(v ssa.Value) bool {
		p, isParam := v.(*ssa.Parameter)
		if !isParam {
			return false
		}
		if i := slices.Index(fn.Params, p); i >= 0 && !seen[i] {
			seen[i] = true
			params = append(params, i)
		}
		return true
	}
	leaf := func(v ssa.Value, _ *ssa.BasicBlock) taint {
		switch x := v.(type) {
		case *ssa.Const:
			return nil
		case *ssa.Parameter:
			if param(x) {
				return nil
			}
		}
		// an element of a slice parameter (*&filters[i]) reaches here as
		// the parameter: doc walks an element as its slice
		return taint{0: nil}
	}
	if !returnsDocs(fn, leaf, active) {
		return nil, false
	}
	slices.Sort(params)
	return params, true
}

// returnsDocs walks the documents fn returns with leaf for what the walk
// does not look into: true when fn returns a document and leaf found
// nothing open in any.
func returnsDocs(fn *ssa.Function, leaf func(ssa.Value, *ssa.BasicBlock) taint, active map[*ssa.Function]bool) bool {
	helpers := map[*ssa.Function]bool{fn: true}
	for h := range active {
		helpers[h] = true
	}
	w := &docWalk{pkg: fn.Pkg, seen: map[ssa.Value]bool{}, leaf: leaf, helpers: helpers}
	found := false
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if !opens(r.Type()) {
				continue
			}
			found = true
			if len(w.doc(r, blk, 0)) > 0 {
				return false
			}
		}
	}
	return found
}

// opens reports whether a value of type t can carry a document's
// structure (operators, keys): maps, interfaces, raw bytes, and
// containers of those. Strings, numbers and structs of them cannot.
func opens(t types.Type) bool { return opensSeen(t, map[types.Type]bool{}) }

func opensSeen(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return !types.Identical(t, errorType)
	case *types.Map:
		return true
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return true // a raw (JSON or BSON) document
		}
		return opensSeen(u.Elem(), seen)
	case *types.Array:
		return opensSeen(u.Elem(), seen)
	case *types.Pointer:
		return opensSeen(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if opensSeen(u.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}
