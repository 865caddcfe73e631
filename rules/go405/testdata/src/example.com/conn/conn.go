// Package conn declares the connector interface that database drivers of
// other packages implement; nothing here implements it, so the packages
// that call it cannot see what builds their statements.
package conn

import "database/sql"

// Builder writes a statement for a table and returns its arguments.
type Builder interface {
	BuildInsert(table string, row map[string]any) (string, []any, error)
	Quote(name string) string
	DB() *sql.DB
}

var registry = map[string]Builder{}

// Get returns the connector registered under name.
func Get(name string) Builder { return registry[name] }
