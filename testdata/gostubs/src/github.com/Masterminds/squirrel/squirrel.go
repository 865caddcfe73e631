// Package squirrel is a stub of github.com/Masterminds/squirrel for the
// analyzers' tests: the signatures the engine models, nothing more.
package squirrel

import "database/sql"

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type BaseRunner interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

type Eq map[string]interface{}

func (Eq) ToSql() (string, []interface{}, error) { return "", nil, nil }

type expr struct{}

func (expr) ToSql() (string, []interface{}, error) { return "", nil, nil }

func Expr(sql string, args ...interface{}) Sqlizer { return expr{} }

type StatementBuilderType struct{}

var StatementBuilder StatementBuilderType

func (StatementBuilderType) Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func (StatementBuilderType) Insert(into string) InsertBuilder       { return InsertBuilder{} }
func (StatementBuilderType) Update(table string) UpdateBuilder      { return UpdateBuilder{} }

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }
func Update(table string) UpdateBuilder      { return UpdateBuilder{} }

type SelectBuilder struct{ m map[string]interface{} }

func (b SelectBuilder) From(from string) SelectBuilder                            { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder                  { return b }
func (b SelectBuilder) Suffix(sql string, args ...interface{}) SelectBuilder      { return b }
func (b SelectBuilder) RunWith(runner BaseRunner) SelectBuilder                   { return b }
func (b SelectBuilder) Query() (*sql.Rows, error)                                 { return nil, nil }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }

type InsertBuilder struct{ m map[string]interface{} }

func (b InsertBuilder) Columns(columns ...string) InsertBuilder              { return b }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder           { return b }
func (b InsertBuilder) Suffix(sql string, args ...interface{}) InsertBuilder { return b }
func (b InsertBuilder) ToSql() (string, []interface{}, error)                { return "", nil, nil }

type UpdateBuilder struct{ m map[string]interface{} }

func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder        { return b }
func (b UpdateBuilder) SetMap(clauses map[string]interface{}) UpdateBuilder       { return b }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder { return b }
func (b UpdateBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }
