// Package sqlx is a stub of github.com/jmoiron/sqlx for the analyzers'
// tests: the signatures the engine models, nothing more.
package sqlx

import (
	"context"
	"database/sql"
	"fmt"
)

type Rows struct{ *sql.Rows }

type Row struct{}

func (r *Row) Scan(dest ...interface{}) error { return nil }

type Stmt struct{ *sql.Stmt }

type NamedStmt struct{}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type Ext interface {
	Queryer
	Execer
}

type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

// DB embeds database/sql's DB: its Query, Exec and Prepare are those.
type DB struct {
	*sql.DB
}

func Connect(driverName, dataSourceName string) (*DB, error) { return nil, nil }

func (db *DB) Rebind(query string) string { return query }

// BindNamed, In and Named return a statement made from their arguments, as
// a scan assumes of library code it does not read (only the tables say
// that the arguments stay out of the text).
func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return query + fmt.Sprint(arg), []interface{}{arg}, nil
}
func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error)          { return nil, nil }
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error)      { return nil, nil }
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error)          { return nil, nil }
func (db *DB) QueryRowx(query string, args ...interface{}) *Row                 { return nil }
func (db *DB) MustExec(query string, args ...interface{}) sql.Result            { return nil }
func (db *DB) Preparex(query string) (*Stmt, error)                             { return nil, nil }
func (db *DB) PrepareNamed(query string) (*NamedStmt, error)                    { return nil, nil }
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) Beginx() (*Tx, error) { return nil, nil }

type Tx struct {
	*sql.Tx
}

func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result            { return nil }
func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error)      { return nil, nil }

type Conn struct {
	*sql.Conn
}

func (c *Conn) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}

func In(query string, args ...interface{}) (string, []interface{}, error) {
	return query + fmt.Sprint(args...), args, nil
}
func Named(query string, arg interface{}) (string, []interface{}, error) {
	return query + fmt.Sprint(arg), []interface{}{arg}, nil
}
func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func Get(q Queryer, dest interface{}, query string, args ...interface{}) error    { return nil }
func MustExec(e Execer, query string, args ...interface{}) sql.Result             { return nil }
func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error)          { return nil, nil }
func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}
