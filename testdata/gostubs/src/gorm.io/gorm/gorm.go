// Package gorm is a stub of gorm.io/gorm for the analyzers' tests: the
// signatures the engine models, nothing more.
package gorm

import (
	"context"
	"database/sql"

	"gorm.io/gorm/clause"
)

type DB struct {
	Error        error
	RowsAffected int64
}

func Expr(expr string, args ...interface{}) clause.Expr { return clause.Expr{} }

func (db *DB) WithContext(ctx context.Context) *DB                             { return db }
func (db *DB) Model(value interface{}) *DB                                     { return db }
func (db *DB) Table(name string, args ...interface{}) *DB                      { return db }
func (db *DB) Distinct(args ...interface{}) *DB                                { return db }
func (db *DB) Select(query interface{}, args ...interface{}) *DB               { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB                { return db }
func (db *DB) Not(query interface{}, args ...interface{}) *DB                  { return db }
func (db *DB) Or(query interface{}, args ...interface{}) *DB                   { return db }
func (db *DB) Joins(query string, args ...interface{}) *DB                     { return db }
func (db *DB) Group(name string) *DB                                           { return db }
func (db *DB) Having(query interface{}, args ...interface{}) *DB               { return db }
func (db *DB) Order(value interface{}) *DB                                     { return db }
func (db *DB) Limit(limit int) *DB                                             { return db }
func (db *DB) Raw(sql string, values ...interface{}) *DB                       { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB                      { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB                { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB                 { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB              { return db }
func (db *DB) Update(column string, value interface{}) *DB                     { return db }
func (db *DB) Updates(values interface{}) *DB                                  { return db }
func (db *DB) Pluck(column string, dest interface{}) *DB                       { return db }
func (db *DB) Scan(dest interface{}) *DB                                       { return db }
func (db *DB) Count(count *int64) *DB                                          { return db }
func (db *DB) Rows() (*sql.Rows, error)                                        { return nil, nil }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) error { return nil }
