// Package gorm is a stub of github.com/jinzhu/gorm (v1) for the analyzers'
// tests: the signatures the engine models, nothing more.
package gorm

type DB struct {
	Error error
}

type SqlExpr struct{}

func Expr(expression string, args ...interface{}) *SqlExpr { return nil }

func (s *DB) Where(query interface{}, args ...interface{}) *DB { return s }
func (s *DB) Order(value interface{}, reorder ...bool) *DB     { return s }
func (s *DB) Raw(sql string, values ...interface{}) *DB        { return s }
func (s *DB) Exec(sql string, values ...interface{}) *DB       { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB  { return s }
func (s *DB) Find(out interface{}, where ...interface{}) *DB   { return s }
func (s *DB) Scan(dest interface{}) *DB                        { return s }
