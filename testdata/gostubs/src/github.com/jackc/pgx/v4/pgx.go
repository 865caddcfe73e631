// Package pgx is a stub of github.com/jackc/pgx/v4 for the analyzers'
// tests: the signatures the engine models, nothing more.
package pgx

import "context"

type Rows interface {
	Next() bool
	Scan(dest ...interface{}) error
}

type Row interface {
	Scan(dest ...interface{}) error
}

type QueryFuncRow interface {
	Values() ([]interface{}, error)
}

type CommandTag []byte

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (CommandTag, error) {
	return nil, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }
func (c *Conn) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(QueryFuncRow) error) (CommandTag, error) {
	return nil, nil
}

type Batch struct{}

func (b *Batch) Queue(query string, arguments ...interface{}) {}
