package gotaint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// SQL drivers and ORMs other than database/sql: pgx (v4 and v5, with
// pgxpool and pgconn; paths are canonical, so one entry covers both; checked
// against v4.18 and v5.10), sqlx (v1.4) and gorm (gorm.io/gorm v1.31 and
// github.com/jinzhu/gorm v1.9). Only the text of a statement is a sink: the
// arguments a driver sends beside it, bound to its placeholders, never are.
//
// Two kinds of position hold SQL text:
//   - a statement: the argument is all the SQL the driver sends (pgx's
//     Query, Exec and Batch.Queue, sqlx's Select, Get, Queryx and
//     NamedExec, gorm's Raw and Exec). Data there is spliced into the
//     program's SQL only if the program wrote text around it (Flow.Spliced);
//     used whole, it is a statement the caller wrote.
//   - a clause (SinkModel.Clause): gorm writes the argument into a
//     statement of its own (WHERE, ORDER BY, GROUP BY, a join, a column
//     list, a table, the first inline condition of First or Find,
//     gorm.Expr's text). It is SQL text only when it is a string (or a
//     list of strings, for Select): a map, a struct or a clause value is a
//     condition whose values gorm binds and whose names it quotes. Data in
//     a clause is spliced into gorm's statement, whatever the program
//     wrote around it.
//
// sqlx's DB, Tx and Conn embed database/sql's: their Query, Exec and
// Prepare methods are database/sql's (SSA calls the promoted method) and
// are sinks through models_std.go. sqlx.In, Named and BindNamed return the
// statement beside its arguments: only the statement's text comes back in
// the statement. CopyFrom copies rows, not text, and is no sink.
//
// As for the document databases (models_nosql.go), the packages are not
// marked as modelled: their code is not read in a scan, and using them
// does not by itself make a package worth analysing.
func init() {
	const (
		pgx     = "github.com/jackc/pgx"
		pool    = pgx + "/pgxpool"
		pgconn  = pgx + "/pgconn"           // v5
		pgconn4 = "github.com/jackc/pgconn" // v4's own module
		sqlx    = "github.com/jmoiron/sqlx"
	)
	stmt := func(i int) SinkModel { return SinkModel{Kind: SQL, Args: []int{i}} }
	clause := func(i int) SinkModel { return SinkModel{Kind: SQL, Args: []int{i}, Clause: true} }
	var (
		// (ctx, sql, args...) on pgx's connections, pools and transactions.
		pgxCtx []string
		// (ctx, name, sql) and pgconn's (ctx, sql, ...).
		pgxPrepare []string
	)
	for _, t := range []string{"(*" + pgx + ".Conn)", "(" + pgx + ".Tx)", "(*" + pool + ".Pool)", "(*" + pool + ".Conn)", "(*" + pool + ".Tx)"} {
		for _, m := range []string{"Query", "QueryRow", "Exec", "QueryFunc"} {
			pgxCtx = append(pgxCtx, t+"."+m)
		}
		pgxPrepare = append(pgxPrepare, t+".Prepare")
	}
	for _, p := range []string{pgconn, pgconn4} {
		pgxCtx = append(pgxCtx, "(*"+p+".PgConn).Exec", "(*"+p+".PgConn).ExecParams")
		pgxPrepare = append(pgxPrepare, "(*"+p+".PgConn).Prepare")
	}
	// sqlx: the index of the statement in each method of DB, Tx and Conn
	// (the Context forms take a context first), and in the package's
	// functions, which take the database (a Queryer, an Execer, an Ext)
	// first.
	sqlxAt := map[int][]string{}
	for _, t := range []string{"DB", "Tx", "Conn"} {
		for m, i := range map[string]int{
			"Queryx": 0, "QueryRowx": 0, "MustExec": 0, "NamedExec": 0, "NamedQuery": 0, "Preparex": 0, "PrepareNamed": 0,
			"Select": 1, "Get": 1,
			"QueryxContext": 1, "QueryRowxContext": 1, "MustExecContext": 1, "NamedExecContext": 1, "NamedQueryContext": 1,
			"PreparexContext": 1, "PrepareNamedContext": 1,
			"SelectContext": 2, "GetContext": 2,
		} {
			sqlxAt[i] = append(sqlxAt[i], "(*"+sqlx+"."+t+")."+m)
		}
	}
	for f, i := range map[string]int{
		"MustExec": 1, "NamedExec": 1, "NamedQuery": 1, "Preparex": 1, "Select": 2, "Get": 2,
		"MustExecContext": 2, "NamedExecContext": 2, "NamedQueryContext": 2, "PreparexContext": 2,
		"SelectContext": 3, "GetContext": 3,
	} {
		sqlxAt[i] = append(sqlxAt[i], sqlx+"."+f)
	}
	// The interfaces the package's functions take.
	for m, i := range map[string]int{
		"(" + sqlx + ".Queryer).Query": 0, "(" + sqlx + ".Queryer).Queryx": 0, "(" + sqlx + ".Queryer).QueryRowx": 0,
		"(" + sqlx + ".Execer).Exec": 0, "(" + sqlx + ".Preparer).Prepare": 0,
		"(" + sqlx + ".QueryerContext).QueryContext": 1, "(" + sqlx + ".QueryerContext).QueryxContext": 1,
		"(" + sqlx + ".QueryerContext).QueryRowxContext": 1, "(" + sqlx + ".ExecerContext).ExecContext": 1,
		"(" + sqlx + ".PreparerContext).PrepareContext": 1,
	} {
		sqlxAt[i] = append(sqlxAt[i], m)
	}
	var gormStmt, gormClause, gormInline []string
	var gormExpr []string
	for _, g := range []string{"gorm.io/gorm", "github.com/jinzhu/gorm"} {
		db := "(*" + g + ".DB)."
		gormStmt = append(gormStmt, db+"Raw", db+"Exec")
		for _, m := range []string{"Where", "Or", "Not", "Having", "Order", "Group", "Joins", "InnerJoins", "Select", "Distinct", "Pluck", "Table"} {
			gormClause = append(gormClause, db+m)
		}
		for _, m := range []string{"First", "Take", "Last", "Find", "FirstOrInit", "FirstOrCreate", "Delete"} {
			gormInline = append(gormInline, db+m)
		}
		gormExpr = append(gormExpr, g+".Expr")
	}
	library(Models{
		Sinks: allSinks(
			sinks(stmt(1), pgxCtx...),
			sinks(stmt(2), pgxPrepare...),
			sinks(stmt(0), "(*"+pgx+".Batch).Queue"),
			sinks(stmt(0), sqlxAt[0]...),
			sinks(stmt(1), sqlxAt[1]...),
			sinks(stmt(2), sqlxAt[2]...),
			sinks(stmt(3), sqlxAt[3]...),
			sinks(stmt(0), gormStmt...),
			sinks(clause(0), gormClause...),
			sinks(clause(0), gormExpr...),
			// First(&user, cond, args...): a string cond is a WHERE
			// clause (gorm's security notes: a non-numeric string is
			// SQL, a numeric one the primary key).
			sinks(clause(1), gormInline...),
		),
		Moves: goapi.Table[Move]{}.Merge(
			goapi.Set(Move{From: []int{0}, To: Ret}, sqlx+".In", sqlx+".Named",
				"(*"+sqlx+".DB).BindNamed", "(*"+sqlx+".Tx).BindNamed"),
			goapi.Set(Move{From: []int{1}, To: Ret}, sqlx+".BindNamed"),
		),
		// Identifiers quoted by the driver: a name, however chosen, is
		// one identifier.
		Sanitizers: goapi.Set(true, "("+pgx+".Identifier).Sanitize"),
	})
}

// clauseSink reports untrusted SQL text in the arguments sm.Args of a call
// of fn, a clause method (SinkModel.Clause): only an argument that is a
// string or a list of strings (a variadic argument by its first element),
// marked as spliced into the library's statement.
func (s *state) clauseSink(pos token.Pos, fn *types.Func, sm SinkModel, at func(int) ssa.Value, b *ssa.BasicBlock) {
	what := sm.What
	if what == "" {
		what = shortName(fn)
	}
	sig := fn.Signature()
	for _, i := range sm.Args {
		a := at(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			a = variadicElem(a, 0)
		}
		a = sqlText(a)
		if a == nil {
			continue
		}
		t := s.val(a, b)
		if len(t) == 0 {
			continue
		}
		t = merge(nil, t)
		t[spliceBit] = &Trace{Pos: pos, Msg: what + " writes it into its own SQL"}
		s.reach(pos, sm.Kind, what, what, "", t)
	}
}

// sqlText is v, seen through the conversions to an interface, when it is
// a string or a slice of strings; nil otherwise (a map or struct
// condition, a clause value, an interface whose content is not in sight).
func sqlText(v ssa.Value) ssa.Value {
	if v == nil {
		return nil
	}
	u := unwrapIface(v)
	t := u.Type().Underlying()
	if sl, ok := t.(*types.Slice); ok {
		t = sl.Elem().Underlying()
	}
	if bt, ok := t.(*types.Basic); ok && bt.Info()&types.IsString != 0 {
		return u
	}
	return nil
}

// variadicElem is the value stored at index i of v, the slice the
// compiler builds for a variadic call (db.First(&u, id)); nil when v is
// not one (a slice passed on with ...) or leaves index i out.
func variadicElem(v ssa.Value, i int64) ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return nil
	}
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		if c, ok := ia.Index.(*ssa.Const); !ok || c.Int64() != i {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				return st.Val
			}
		}
	}
	return nil
}
