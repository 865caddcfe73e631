package gotaint

import (
	"go/constant"
	"go/token"
	"go/types"
	"regexp/syntax"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Sanitisers and guards that are recognised by what the code does rather
// than by name: a digest rendered as text, a strings.Map that keeps a safe
// character class, and a function that confines a path to configured
// roots.

// hashSums return a cryptographic digest of their input: nobody can choose
// the bytes that come out, only the input that goes in.
var hashSums = goapi.Set(true,
	"crypto/sha256.Sum256", "crypto/sha256.Sum224", "crypto/sha512.Sum512", "crypto/sha512.Sum384",
	"crypto/sha512.Sum512_224", "crypto/sha512.Sum512_256", "crypto/sha1.Sum", "crypto/md5.Sum",
	"crypto/sha3.Sum224", "crypto/sha3.Sum256", "crypto/sha3.Sum384", "crypto/sha3.Sum512",
	"golang.org/x/crypto/sha3.Sum224", "golang.org/x/crypto/sha3.Sum256", "golang.org/x/crypto/sha3.Sum384", "golang.org/x/crypto/sha3.Sum512",
	"golang.org/x/crypto/blake2b.Sum256", "golang.org/x/crypto/blake2b.Sum384", "golang.org/x/crypto/blake2b.Sum512",
	"golang.org/x/crypto/blake2s.Sum256",
	"(hash.Hash).Sum")

// digestText reports whether the call renders a digest as text whose
// characters cannot form a path separator, a dot or a shell
// metacharacter: hex (hex.EncodeToString, fmt.Sprintf with %x) or the URL
// alphabet of base64. The name is then a fixed-length string the
// attacker does not choose, such as a cache key (sha256 of the request,
// hex-encoded), and the result is clean.
func (s *state) digestText(name goapi.Func, ops []ssa.Value, b *ssa.BasicBlock) bool {
	switch name.String() {
	case "encoding/hex.EncodeToString":
		return len(ops) == 1 && s.isDigest(ops[0], 0)
	case "(encoding/base64.Encoding).EncodeToString":
		if len(ops) != 2 || !s.isDigest(ops[1], 0) {
			return false
		}
		enc, ok := ops[0].(*ssa.UnOp)
		if !ok {
			return false
		}
		g, ok := enc.X.(*ssa.Global)
		return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "encoding/base64" && (g.Name() == "URLEncoding" || g.Name() == "RawURLEncoding")
	case "fmt.Sprintf":
		if len(ops) != 2 {
			return false
		}
		verbs, ok := formatVerbs(ops[0])
		if !ok || !slices.ContainsFunc(verbs, func(v rune) bool { return v == 'x' || v == 'X' }) {
			return false
		}
		args := varargs(ops[1])
		if args == nil {
			return false
		}
		for i, a := range args {
			if len(s.val(a, b)) == 0 {
				continue
			}
			if i >= len(verbs) || verbs[i] != 'x' && verbs[i] != 'X' || !s.isDigest(a, 0) {
				return false
			}
		}
		return true
	}
	return false
}

// isDigest: v holds the output of a hash (hashSums), possibly sliced,
// copied into a variable or converted.
func (s *state) isDigest(v ssa.Value, depth int) bool {
	if depth > 8 || v == nil {
		return false
	}
	switch x := v.(type) {
	case *ssa.Call:
		fn := callee(&x.Call)
		return fn != nil && hashSums[goapi.Of(fn)]
	case *ssa.Slice:
		return s.isDigest(x.X, depth+1)
	case *ssa.UnOp:
		return x.Op == token.MUL && s.isDigest(x.X, depth+1)
	case *ssa.Convert:
		return s.isDigest(x.X, depth+1)
	case *ssa.ChangeType:
		return s.isDigest(x.X, depth+1)
	case *ssa.MakeInterface:
		return s.isDigest(x.X, depth+1)
	case *ssa.FreeVar:
		if a := s.alias[x]; a != nil {
			return s.isDigest(a, depth+1)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !s.isDigest(e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	case *ssa.Alloc:
		// hash := sha256.Sum256(b); hash[:]: every value stored in the
		// variable is a digest.
		stored := 0
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				if !s.isDigest(st.Val, depth+1) {
					return false
				}
				stored++
			}
		}
		return stored > 0
	}
	return false
}

// formatVerbs are the verbs of a constant format, in order ('%' for none).
func formatVerbs(v ssa.Value) ([]rune, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return nil, false
	}
	f := []rune(constant.StringVal(c.Value))
	var out []rune
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		for i < len(f) && strings.ContainsRune("+-# 0123456789.", f[i]) {
			i++
		}
		if i >= len(f) {
			return nil, false
		}
		if f[i] == '%' {
			continue
		}
		if f[i] == '[' || f[i] == '*' {
			return nil, false // explicit argument indexes, computed widths
		}
		out = append(out, f[i])
	}
	return out, true
}

// varargs are the values of the slice built for a variadic call, in
// order; nil when v is not such a slice.
func varargs(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			return []ssa.Value{}
		}
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	at, ok := arr.Type().(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := at.Elem().Underlying().(*types.Array)
	if !ok {
		return nil
	}
	out := make([]ssa.Value, n.Len())
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil
		}
		i := k.Int64()
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia && i >= 0 && i < int64(len(out)) {
				out[i] = st.Val
			}
		}
	}
	return slices.DeleteFunc(out, func(v ssa.Value) bool { return v == nil })
}

// runeSet is a set of runes: each ASCII rune, and every rune above ASCII
// as one (a condition on a larger constant is not followed).
type runeSet struct {
	ascii [2]uint64
	high  bool
}

var allRunes = runeSet{ascii: [2]uint64{^uint64(0), ^uint64(0)}, high: true}

func (a runeSet) and(b runeSet) runeSet {
	return runeSet{ascii: [2]uint64{a.ascii[0] & b.ascii[0], a.ascii[1] & b.ascii[1]}, high: a.high && b.high}
}

func (a runeSet) or(b runeSet) runeSet {
	return runeSet{ascii: [2]uint64{a.ascii[0] | b.ascii[0], a.ascii[1] | b.ascii[1]}, high: a.high || b.high}
}

func (a runeSet) has(r int) bool { return r >= 0 && r < 128 && a.ascii[r/64]&(1<<(r%64)) != 0 }

func runeRange(lo, hi int, high bool) runeSet {
	var s runeSet
	for r := max(lo, 0); r <= min(hi, 127); r++ {
		s.ascii[r/64] |= 1 << (r % 64)
	}
	s.high = high
	return s
}

// cmpRunes is the set of runes x with x op c.
func cmpRunes(op token.Token, c int) runeSet {
	if c >= 128 {
		switch op {
		case token.GEQ, token.GTR, token.EQL:
			return runeSet{high: true}
		}
		return allRunes
	}
	switch op {
	case token.GEQ:
		return runeRange(c, 127, true)
	case token.GTR:
		return runeRange(c+1, 127, true)
	case token.LEQ:
		return runeRange(0, c, false)
	case token.LSS:
		return runeRange(0, c-1, false)
	case token.EQL:
		return runeRange(c, c, false)
	case token.NEQ:
		all := allRunes
		if c >= 0 {
			all.ascii[c/64] &^= 1 << (c % 64)
		}
		return all
	}
	return allRunes
}

var negate = map[token.Token]token.Token{token.GEQ: token.LSS, token.LSS: token.GEQ, token.GTR: token.LEQ, token.LEQ: token.GTR, token.EQL: token.NEQ, token.NEQ: token.EQL}
var mirror = map[token.Token]token.Token{token.GEQ: token.LEQ, token.LEQ: token.GEQ, token.GTR: token.LSS, token.LSS: token.GTR, token.EQL: token.EQL, token.NEQ: token.NEQ}

// mapRune: a rune strings.Map may keep in a sanitised name: letters,
// digits, '_', '-' and '.'. The result is one path element, as
// filepath.Base's is (a name made only of dots passes, as it does
// there), with no separator, quote or shell metacharacter.
func mapRune(r int) bool { return r == '.' || r < 128 && safeRune(rune(r)) }

// keepsSafeRunes reports whether f, the mapping of strings.Map, returns
// for every rune either a safe rune (mapRune), a negative value (the rune
// is dropped) or the rune itself on branches where it was checked to be
// safe (r >= 'a' && r <= 'z', unicode.IsLetter(r), ...). The result of the
// Map is then made of safe runes, whatever went in.
func keepsSafeRunes(f *ssa.Function) bool {
	if f == nil || len(f.Params) != 1 || len(f.Blocks) == 0 || len(f.Blocks) > 64 {
		return false
	}
	r := f.Params[0]
	isR := func(v ssa.Value) bool {
		for range 4 {
			switch x := v.(type) {
			case *ssa.Convert:
				v = x.X
				continue
			case *ssa.ChangeType:
				v = x.X
				continue
			case *ssa.Call:
				// unicode.ToLower(r) keeps the class of r.
				if fn := callee(&x.Call); fn != nil && len(x.Call.Args) == 1 {
					switch goapi.Of(fn).String() {
					case "unicode.ToLower", "unicode.ToUpper":
						v = x.Call.Args[0]
						continue
					}
				}
			}
			break
		}
		return v == r
	}
	// edge is the set of runes for which control goes from p to its i-th
	// successor.
	edge := func(in runeSet, p *ssa.BasicBlock, i int) runeSet {
		if len(p.Instrs) == 0 {
			return in
		}
		ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok {
			return in
		}
		cond, truth := ifi.Cond, i == 0
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
			cond, truth = u.X, !truth
		}
		switch c := cond.(type) {
		case *ssa.BinOp:
			op, k := c.Op, c.Y
			if !isR(c.X) {
				op, k = mirror[c.Op], c.X
				if !isR(c.Y) {
					return in
				}
			}
			kc, ok := k.(*ssa.Const)
			if !ok || kc.Value == nil || kc.Value.Kind() != constant.Int || op == token.ILLEGAL {
				return in
			}
			n, _ := constant.Int64Val(kc.Value)
			if !truth {
				op = negate[op]
			}
			return in.and(cmpRunes(op, int(n)))
		case *ssa.Call:
			fn := callee(&c.Call)
			if fn == nil || len(c.Call.Args) != 1 || !isR(c.Call.Args[0]) || !truth {
				return in
			}
			switch goapi.Of(fn).String() {
			case "unicode.IsLetter":
				return in.and(runeRange('a', 'z', true).or(runeRange('A', 'Z', true)))
			case "unicode.IsDigit", "unicode.IsNumber":
				return in.and(runeRange('0', '9', true))
			}
		}
		return in
	}
	in := map[*ssa.BasicBlock]runeSet{f.Blocks[0]: allRunes}
	for range 64 {
		changed := false
		for _, b := range f.Blocks {
			cur, ok := in[b]
			if !ok {
				continue
			}
			for i, succ := range b.Succs {
				out := edge(cur, b, i)
				if prev, ok := in[succ]; !ok || prev.or(out) != prev {
					in[succ] = prev.or(out)
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	// safe: v, returned from block b (reached with runes set), is a safe
	// rune.
	var safe func(v ssa.Value, set runeSet, depth int) bool
	safe = func(v ssa.Value, set runeSet, depth int) bool {
		if isR(v) {
			for c := range 128 {
				if set.has(c) && !mapRune(c) {
					return false
				}
			}
			return true
		}
		switch x := v.(type) {
		case *ssa.Const:
			if x.Value == nil || x.Value.Kind() != constant.Int {
				return false
			}
			n, _ := constant.Int64Val(x.Value)
			return n < 0 || mapRune(int(n))
		case *ssa.Phi:
			if depth > 2 {
				return false
			}
			for i, e := range x.Edges {
				p := x.Block().Preds[i]
				pi := slices.Index(p.Succs, x.Block())
				if !safe(e, edge(in[p], p, pi), depth+1) {
					return false
				}
			}
			return true
		}
		return false
	}
	returns := 0
	for _, b := range f.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		set, reached := in[b]
		if !reached {
			continue
		}
		if len(ret.Results) != 1 || !safe(ret.Results[0], set, 0) {
			return false
		}
		returns++
	}
	return returns > 0
}

// mapSanitised: strings.Map (or bytes.Map) with a mapping that keeps only
// safe runes (keepsSafeRunes).
func mapSanitised(name goapi.Func, ops []ssa.Value) bool {
	switch name.String() {
	case "strings.Map", "bytes.Map":
		return len(ops) == 2 && keepsSafeRunes(closureFunc(ops[0]))
	}
	return false
}

// containment are the values a call checks to lie under a root: a path
// compared by prefix with a root the program computed or configured
// (strings.HasPrefix(p, root)), the target of a filepath.Rel whose result
// is tested for "..", or the arguments a function of the program confines
// (FuncFact.Confines).
func (s *state) containment(c *ssa.CallCommon, fn *types.Func, ops []ssa.Value) []ssa.Value {
	switch goapi.Of(fn).String() {
	case "strings.HasPrefix", "path/filepath.HasPrefix", "bytes.HasPrefix":
		if len(ops) != 2 {
			return nil
		}
		if _, isConst := ops[1].(*ssa.Const); !isConst {
			return []ssa.Value{ops[0]}
		}
		if k := constString(ops[1]); k == ".." || k == "../" {
			if e, ok := ops[0].(*ssa.Extract); ok && e.Index == 0 {
				if rel, ok := e.Tuple.(*ssa.Call); ok {
					if rf := callee(&rel.Call); rf != nil && goapi.Of(rf).String() == "path/filepath.Rel" && len(rel.Call.Args) == 2 {
						return []ssa.Value{rel.Call.Args[1]}
					}
				}
			}
		}
		return nil
	}
	if sum := s.calleeSummary(c, fn); sum != nil {
		return pick(ops, sum.Confines)
	}
	return nil
}

// calleeSummary is the summary of the function a call runs: the
// package's own (the generic function, for an instance) or another
// package's fact; nil when there is none or the call is through an
// interface.
func (s *state) calleeSummary(c *ssa.CallCommon, fn *types.Func) *FuncFact {
	if sf := c.StaticCallee(); sf != nil && sf.Pkg == s.e.pkg {
		if o := sf.Origin(); o != nil {
			sf = o
		}
		return s.e.sums[sf]
	}
	if !c.IsInvoke() && fn.Pkg() != nil && fn.Pkg() != s.e.pass.Pkg {
		var fact FuncFact
		if s.e.pass.ImportObjectFact(fn.Origin(), &fact) {
			return &fact
		}
	}
	return nil
}

// pick is the operands at the indexes idx.
func pick(ops []ssa.Value, idx []int) []ssa.Value {
	var out []ssa.Value
	for _, i := range idx {
		if i < len(ops) {
			out = append(out, ops[i])
		}
	}
	return out
}

// confined are the values a condition checks to lie under a root.
func (s *state) confined(c ssa.Value, depth int) []ssa.Value {
	if depth > 4 {
		return nil
	}
	switch x := c.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return s.confined(x.X, depth+1)
		}
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range x.Edges {
			out = append(out, s.confined(e, depth+1)...)
		}
		return out
	case *ssa.Call:
		if fn := callee(&x.Call); fn != nil {
			ops := x.Call.Args
			if x.Call.IsInvoke() {
				ops = append([]ssa.Value{x.Call.Value}, ops...)
			}
			return s.containment(&x.Call, fn, ops)
		}
	case *ssa.BinOp:
		// err != nil, where err is what a confining function returned.
		for _, pair := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
			if k, ok := pair[1].(*ssa.Const); !ok || k.Value != nil {
				continue
			}
			v := pair[0]
			if e, ok := v.(*ssa.Extract); ok {
				v = e.Tuple
			}
			if _, ok := v.(*ssa.Call); ok {
				return s.confined(v, depth+1)
			}
		}
	}
	return nil
}

// confines are the parameters of the function being analysed that it
// checks to lie under a root, directly or through what it derives from
// them (a cleaned, resolved or parsed form), in a function that returns
// its verdict as an error or a bool: a path guard.
func (s *state) confines() []int {
	res := s.fn.Signature.Results()
	if res.Len() == 0 {
		return nil
	}
	if last := res.At(res.Len() - 1).Type(); !types.Identical(last, errorType) && !isBool(last) {
		return nil
	}
	var out []int
	note := func(c ssa.Value) {
		for _, g := range s.confined(c, 0) {
			for k := range s.val(g, nil) {
				if k < paramBase {
					continue
				}
				if p, _ := paramOf(k); !slices.Contains(out, p) {
					out = append(out, p)
				}
			}
		}
	}
	for _, b := range s.fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.If:
			note(x.Cond)
		case *ssa.Return:
			for _, r := range x.Results {
				if isBool(r.Type()) {
					note(r)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// resolvesToCheck drops from a path guard's sinks the metadata reads
// (os.Stat, os.Lstat) of the parameters it confines: a guard resolves a
// path (symbolic links, what exists) before it compares it with its
// roots, and these calls read no content and change nothing.
func resolvesToCheck(sinks []ParamSink, confines []int) []ParamSink {
	if len(confines) == 0 {
		return sinks
	}
	return slices.DeleteFunc(sinks, func(k ParamSink) bool {
		if k.Kind != Path || !slices.Contains(confines, k.Param) {
			return false
		}
		last := innermost(k.Via)
		return strings.HasPrefix(last, "os.Stat ") || strings.HasPrefix(last, "os.Lstat ")
	})
}

// lookedUp is the taint of the record that a lookup through an interface
// (store.Get(key), see state.lookup) returns, when every implementation
// the call may run has a summary: what those summaries say flows to the
// result (a record built from the key, as a Get that returns
// &Session{ID: id}), and nothing from the key otherwise: the record was
// stored before, by whoever stored it, and the key only chose it. What
// does come back is still graded as a lookup (stateBit), as when the
// implementations are out of sight.
func (s *state) lookedUp(fn *types.Func, ops []ssa.Value, b *ssa.BasicBlock, pos token.Pos) (taint, bool) {
	impls := s.e.disp.Implementations(fn)
	if len(impls) == 0 || len(ops) == 0 {
		return nil, false
	}
	sums := make([]*FuncFact, 0, len(impls))
	for _, impl := range impls {
		sum := s.e.summaryOf(impl)
		if sum == nil {
			return nil, false
		}
		sums = append(sums, sum)
	}
	t := merge(nil, s.val(ops[0], b))
	for i, sum := range sums {
		for _, f := range sum.Flows {
			if f.To != Ret || f.From >= len(ops) || f.From < 0 {
				continue
			}
			var in taint
			if f.Field > 0 && f.From > 0 {
				in = s.fieldTaint(ops[f.From], f.Field-1, b)
			} else {
				in = s.val(ops[f.From], b)
			}
			in = extend(in, pos, "returned by "+shortName(impls[i]))
			if f.Spliced && len(in) > 0 {
				in = merge(nil, in)
				in[spliceBit] = &Trace{Pos: pos, Msg: shortName(impls[i]) + " adds its own text"}
			}
			t = merge(t, in)
		}
	}
	return t, true
}

// fixedRole: fa is a field of a message (a struct with a role field)
// other than its role, and every value the program stores in that
// message's role field is a constant other than "system" and
// "developer": a reply stored as {Role: "assistant", Content: text}.
// Code that converts a conversation for an SDK and switches on the role
// never sends that content to the system channel.
func fixedRole(fa *ssa.FieldAddr) bool {
	st := structOf(fa.X.Type())
	if st == nil || fa.Field >= st.NumFields() || roleName(st.Field(fa.Field).Name()) {
		return false
	}
	refs := fa.X.Referrers()
	if refs == nil {
		return false
	}
	stored := 0
	for _, r := range *refs {
		rf, ok := r.(*ssa.FieldAddr)
		if !ok || rf.Field >= st.NumFields() || !roleName(st.Field(rf.Field).Name()) {
			continue
		}
		for _, r2 := range *rf.Referrers() {
			w, ok := r2.(*ssa.Store)
			if !ok || w.Addr != rf {
				continue
			}
			switch role := roleText(w.Val); role {
			case "", "system", "developer":
				return false
			}
			stored++
		}
	}
	return stored > 0
}

func roleName(field string) bool { return strings.Contains(strings.ToLower(field), "role") }

// roleRead: v reads field f, other than the role, of a message (a
// struct with a role field) in a block that runs only when a message's
// role is the system's (roleBranch). What it carries takes the system
// branch of the conversion wherever it goes next: a system text that the
// branch accumulates (system += m.Text) and the code after the loop puts
// in the SDK's system field. It is marked as such (roleBit), as a sink
// inside the branch would mark it; data of a message whose role the
// program fixed to another (roleFixed) then never reaches that sink.
func (s *state) roleRead(v ssa.Value, t types.Type, f int, b *ssa.BasicBlock) {
	cur := s.vals[v]
	if len(cur) == 0 {
		return
	}
	if _, ok := cur[roleBit]; ok {
		return
	}
	st := structOf(t)
	if st == nil || f >= st.NumFields() || roleName(st.Field(f).Name()) {
		return
	}
	hasRole := false
	for i := range st.NumFields() {
		hasRole = hasRole || roleName(st.Field(i).Name())
	}
	if hasRole && roleBranch(b) {
		s.set(v, taint{roleBit: &Trace{Pos: v.Pos()}})
	}
}

// roleText is the role a constant names, lower-cased: a string's value
// ("system"), or, for a constant of an enumeration of the program's own
// (type Role int; const RoleUser Role = iota ...), "system" when the
// name of a constant of that type with this value holds "system" or
// "developer" (RoleSystem, PostRoleSystem), else that name. "" when v is
// no constant or the value has no name.
func roleText(v ssa.Value) string {
	if s := constString(v); s != "" {
		return strings.ToLower(s)
	}
	for range 4 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Convert:
			v = x.X
			continue
		}
		break
	}
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() == constant.String {
		return ""
	}
	named, ok := types.Unalias(c.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	name := ""
	scope := named.Obj().Pkg().Scope()
	for _, n := range scope.Names() {
		k, ok := scope.Lookup(n).(*types.Const)
		if !ok || !types.Identical(k.Type(), named) || !constant.Compare(k.Val(), token.EQL, c.Value) {
			continue
		}
		low := strings.ToLower(n)
		if strings.Contains(low, "system") || strings.Contains(low, "developer") {
			return "system"
		}
		if name == "" {
			name = low
		}
	}
	return name
}

// roleFixedTaint is t with its sources marked as in a message whose role
// is fixed (see roleFixed).
func roleFixedTaint(t taint) taint {
	out := make(taint, len(t))
	for k, tr := range t {
		if k < numSources {
			k += roleFixed
		}
		out[k] = tr
	}
	return out
}

// replaceSanitised: re.ReplaceAllString(s, repl) (or the literal form)
// where re matches runs of the characters outside a safe class
// ([^a-zA-Z0-9_.-]+) and repl is made of safe characters: what is left is
// the safe class, as with a strings.Map that keeps it (mapRune).
func (s *state) replaceSanitised(name goapi.Func, ops []ssa.Value) bool {
	switch name.String() {
	case "(regexp.Regexp).ReplaceAllString", "(regexp.Regexp).ReplaceAllLiteralString":
	default:
		return false
	}
	if len(ops) != 3 {
		return false
	}
	if _, ok := ops[2].(*ssa.Const); !ok {
		return false
	}
	for _, r := range constString(ops[2]) {
		if !mapRune(int(r)) {
			return false
		}
	}
	pat, ok := s.regexpPattern(ops[0], 0)
	if !ok {
		return false
	}
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return false
	}
	re = re.Simplify()
	for re.Op == syntax.OpPlus || re.Op == syntax.OpStar || re.Op == syntax.OpRepeat || re.Op == syntax.OpCapture {
		if len(re.Sub) != 1 {
			return false
		}
		re = re.Sub[0]
	}
	if re.Op != syntax.OpCharClass {
		return false
	}
	// Every ASCII character the class does not match is kept: it must be
	// safe.
	for c := range 128 {
		in := false
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if rune(c) >= re.Rune[i] && rune(c) <= re.Rune[i+1] {
				in = true
				break
			}
		}
		if !in && !mapRune(c) {
			return false
		}
	}
	return true
}
