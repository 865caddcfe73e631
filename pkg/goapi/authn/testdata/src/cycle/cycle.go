// Package cycle builds options as signoz-mcp-server's tool annotations
// do: each option is a literal that applies further options, obtained by
// calling functions that return literals of the same type, so that every
// literal may run every other one. Walking each path anew was factorial
// in the number of literals: the scan of that project did not finish.
package cycle

type Tool struct{ ro, destructive, idempotent bool }

type Option func(*Tool)

func readOnly(v bool) Option    { return func(t *Tool) { t.ro = v } }
func destructive(v bool) Option { return func(t *Tool) { t.destructive = v } }
func idempotent(v bool) Option  { return func(t *Tool) { t.idempotent = v } }

func withReadOnly() Option {
	return func(t *Tool) {
		readOnly(true)(t)
		destructive(false)(t)
		idempotent(true)(t)
	}
}

func withCreate() Option {
	return func(t *Tool) {
		readOnly(false)(t)
		destructive(false)(t)
		idempotent(false)(t)
	}
}

func withDelete() Option {
	return func(t *Tool) {
		readOnly(false)(t)
		destructive(true)(t)
		idempotent(true)(t)
	}
}

func withAll() Option {
	return func(t *Tool) {
		withReadOnly()(t)
		withCreate()(t)
		withDelete()(t)
	}
}

var options = []Option{withReadOnly(), withCreate(), withDelete(), withAll()}
