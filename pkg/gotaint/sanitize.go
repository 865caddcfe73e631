package gotaint

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// clean reports whether v, used in block b, has been checked against
// allowed values on every path that reaches b: compared with a non-empty
// constant (an enum or a switch), looked up in a map (an allow-list), or
// passed to a validator such as slices.Contains. Both branches of the
// check count, since the failing one usually returns.
func (s *state) clean(v ssa.Value, b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	f := b.Parent()
	checks := s.checks[f]
	if checks == nil {
		checks = s.findChecks(f)
		s.checks[f] = checks
	}
	k := s.vkey(v)
	blocks := checks[k]
	if len(blocks) == 0 {
		return false
	}
	ck := vkey{k.root, k.path + "@" + f.String()}
	reach := s.cleanAt[ck]
	if reach == nil {
		// Blocks reachable from the entry without leaving a check.
		reach = map[*ssa.BasicBlock]bool{}
		stop := map[*ssa.BasicBlock]bool{}
		for _, cb := range blocks {
			stop[cb] = true
		}
		work := []*ssa.BasicBlock{f.Blocks[0]}
		reach[f.Blocks[0]] = true
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			if stop[x] {
				continue
			}
			for _, y := range x.Succs {
				if !reach[y] {
					reach[y] = true
					work = append(work, y)
				}
			}
		}
		s.cleanAt[ck] = reach
	}
	return !reach[b]
}

func (s *state) findChecks(f *ssa.Function) map[vkey][]*ssa.BasicBlock {
	out := map[vkey][]*ssa.BasicBlock{}
	for _, b := range f.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		for _, g := range s.guarded(ifi.Cond, 0) {
			k := s.vkey(g)
			out[k] = append(out[k], b)
		}
	}
	return out
}

// guarded are the values a condition checks against allowed values.
func (s *state) guarded(c ssa.Value, depth int) []ssa.Value {
	if depth > 4 {
		return nil
	}
	switch x := c.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return s.guarded(x.X, depth+1)
		}
	case *ssa.BinOp:
		if x.Op == token.EQL || x.Op == token.NEQ {
			if allowedConst(x.Y) {
				return []ssa.Value{x.X}
			}
			if allowedConst(x.X) {
				return []ssa.Value{x.Y}
			}
		}
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 1 && isMap(l.X) {
			return []ssa.Value{l.Index}
		}
	case *ssa.Lookup:
		if isMap(x.X) {
			return []ssa.Value{x.Index}
		}
	case *ssa.Call:
		fn := callee(&x.Call)
		if fn == nil {
			return nil
		}
		if i, ok := s.e.m.Validators.Lookup(fn); ok {
			ops := x.Call.Args
			if x.Call.IsInvoke() {
				ops = append([]ssa.Value{x.Call.Value}, ops...)
			}
			if fn.Signature().Recv() != nil {
				i++
			}
			if i < len(ops) {
				return []ssa.Value{ops[i]}
			}
		}
	}
	return nil
}

func isMap(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Map)
	return ok
}

// allowedConst: a constant that names an allowed value (not "" or nil,
// which test for presence, not for a value).
func allowedConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return false
	}
	if c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value) != ""
	}
	return false
}

// vkey names a value up to re-loading: every load of req.Mode has the
// same key.
func (s *state) vkey(v ssa.Value) vkey {
	path := ""
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return vkey{v, path}
			}
			v = x.X
			continue
		case *ssa.FieldAddr:
			path = strconv.Itoa(x.Field) + "." + path
			v = x.X
			continue
		case *ssa.Field:
			path = strconv.Itoa(x.Field) + "." + path
			v = x.X
			continue
		case *ssa.FreeVar:
			if a := s.alias[x]; a != nil {
				v = a
				continue
			}
		}
		break
	}
	return vkey{v, path}
}
