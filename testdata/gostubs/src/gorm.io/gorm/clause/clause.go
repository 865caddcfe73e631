// Package clause is a stub of gorm.io/gorm/clause for the analyzers'
// tests: the signatures the engine models, nothing more.
package clause

type Expr struct {
	SQL  string
	Vars []interface{}
}

type Column struct {
	Table string
	Name  string
	Raw   bool
}

type OrderByColumn struct {
	Column Column
	Desc   bool
}

type Eq struct {
	Column interface{}
	Value  interface{}
}
