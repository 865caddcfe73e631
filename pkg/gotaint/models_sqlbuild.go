package gotaint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// SQL builders. A query built with github.com/Masterminds/squirrel holds
// two things: its SQL text and the arguments bound to its placeholders
// (Values(v), Set("title", v), Where("id = ?", v), Suffix("... = ?", v),
// Eq{"id": v}). ToSql returns them apart, and a driver sends the
// arguments beside the statement, never inside it: only the text is a
// SQL statement. The engine keeps the bound arguments of a builder value
// beside its taint (state.bound), so that they reach the arguments ToSql
// returns and not its text; what the program writes in a text position
// (the format of Where, Suffix, Prefix, Having, a join, a column, Expr's
// format, a table name, the keys of an Eq map) stays in the text.
//
// The bound arguments follow a builder through the function that builds
// it (conversions, interfaces, variables, phi nodes); a builder passed to
// another function or returned carries its text only: what the callee
// gets from ToSql's arguments is clean. Running the built statement
// (Exec, Query, QueryRow, Scan and their Context forms, after RunWith)
// is a SQL sink of its text.
const squirrelPkg = "github.com/Masterminds/squirrel"

func init() { library(Models{}, squirrelPkg) }

// sqlRuns are the builder methods that run the statement.
var sqlRuns = map[string]bool{
	"Exec": true, "ExecContext": true, "Query": true, "QueryContext": true,
	"QueryRow": true, "QueryRowContext": true, "Scan": true, "ScanContext": true,
}

// sqlBoundFrom: from this argument on (0 is the first after the
// receiver), the arguments of the builder function of this name are bound
// to placeholders; the ones before are SQL text (or a predicate: see
// sqlPart).
var sqlBoundFrom = map[string]int{
	"Values": 0, "Set": 1,
	"Where": 1, "Having": 1, "Prefix": 1, "Suffix": 1, "Column": 1, "Expr": 1,
	"Join": 1, "LeftJoin": 1, "RightJoin": 1, "InnerJoin": 1, "CrossJoin": 1, "FullJoin": 1,
	"JoinClause": 1, "OrderByClause": 1,
}

// sqlBuilderCall handles a call of a function or method of a SQL builder
// library (see squirrelPkg), reporting whether it was one.
func (s *state) sqlBuilderCall(fn *types.Func, ops []ssa.Value, res ssa.Value, pos token.Pos, b *ssa.BasicBlock) bool {
	if fn.Pkg() == nil || goapi.CanonPath(fn.Pkg().Path()) != squirrelPkg {
		return false
	}
	args := ops
	var text, bound taint
	if fn.Signature().Recv() != nil && len(ops) > 0 {
		text, bound = s.val(ops[0], b), s.boundOf(ops[0])
		args = ops[1:]
	}
	name := fn.Name()
	switch {
	case name == "ToSql" || name == "MustSql":
		s.set(res, builtText(text, pos))
		s.setPart(res, 1, merge(merge(nil, text), bound))
		return true
	case sqlRuns[name] && fn.Signature().Recv() != nil:
		if len(text) > 0 {
			s.reach(pos, SQL, shortName(fn), shortName(fn), "", builtText(text, pos))
		}
		return true
	}
	from, ok := sqlBoundFrom[name]
	if !ok {
		from = len(args) // every argument is text (a table, a column, a join, a sub-builder)
	}
	for i, a := range args {
		t, bd := s.sqlPart(a, b)
		if i >= from {
			bound = merge(merge(bound, t), bd)
		} else {
			text, bound = merge(text, t), merge(bound, bd)
		}
	}
	s.set(res, text)
	s.addBound(res, bound)
	return true
}

// builtText is t, the text of a built statement, marked as spliced into
// SQL of the builder's own (SELECT, FROM, WHERE ...): what the program
// hands a builder is never the whole statement (Flow.Spliced).
func builtText(t taint, pos token.Pos) taint {
	if len(t) == 0 {
		return t
	}
	t = merge(nil, t)
	t[spliceBit] = &Trace{Pos: pos, Msg: "the builder writes it into its statement"}
	return t
}

// sqlPart is the text and the bound arguments of a, an argument of a SQL
// builder: a builder or a predicate made by one (sq.Expr) has both; a map
// (sq.Eq{"id": v}, SetMap) has its keys for text and its values bound;
// anything else is text.
func (s *state) sqlPart(a ssa.Value, b *ssa.BasicBlock) (text, bound taint) {
	if a == nil {
		return nil, nil
	}
	u := unwrapIface(a)
	if _, ok := u.Type().Underlying().(*types.Map); ok && !s.clean(u, b) {
		k, _ := s.key(u)
		if k.field == -1 {
			text = merge(text, s.vals[k.root])
			for _, mk := range s.fields[k.root] {
				text = merge(text, s.keys[mk])
				bound = merge(bound, s.mem[mk])
			}
			return text, bound
		}
	}
	return s.val(a, b), s.boundOf(a)
}

// unwrapIface is v without the conversions that keep its value.
func unwrapIface(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// boundOf is what v, a SQL builder value, holds bound to placeholders.
func (s *state) boundOf(v ssa.Value) taint {
	if len(s.bound) == 0 || v == nil {
		return nil
	}
	if fv, ok := v.(*ssa.FreeVar); ok && s.alias[fv] != nil {
		v = s.alias[fv]
	}
	return s.bound[v]
}

func (s *state) addBound(v ssa.Value, t taint) {
	if v == nil || len(t) == 0 {
		return
	}
	if s.bound == nil {
		s.bound = map[ssa.Value]taint{}
	}
	cur := s.bound[v]
	if cur == nil {
		cur = taint{}
		s.bound[v] = cur
	}
	if union(cur, t) {
		s.changed = true
	}
}

// passBound carries the bound arguments of a builder through an
// instruction that keeps its value (a conversion, a phi, a store and a
// load of a variable).
func (s *state) passBound(instr ssa.Instruction) {
	if len(s.bound) == 0 && len(s.boundMem) == 0 {
		return
	}
	switch x := instr.(type) {
	case *ssa.MakeInterface:
		s.addBound(x, s.boundOf(x.X))
	case *ssa.ChangeType:
		s.addBound(x, s.boundOf(x.X))
	case *ssa.ChangeInterface:
		s.addBound(x, s.boundOf(x.X))
	case *ssa.TypeAssert:
		s.addBound(x, s.boundOf(x.X))
	case *ssa.Phi:
		for _, e := range x.Edges {
			s.addBound(x, s.boundOf(e))
		}
	case *ssa.Store:
		if t := s.boundOf(x.Val); len(t) > 0 {
			k, _ := s.key(x.Addr)
			if s.boundMem == nil {
				s.boundMem = map[memKey]taint{}
			}
			cur := s.boundMem[k]
			if cur == nil {
				cur = taint{}
				s.boundMem[k] = cur
			}
			if union(cur, t) {
				s.changed = true
			}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL && len(s.boundMem) > 0 {
			k, _ := s.key(x.X)
			s.addBound(x, s.boundMem[k])
		}
	}
}
