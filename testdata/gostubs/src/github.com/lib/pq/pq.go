// Package pq is a stub of github.com/lib/pq for the analyzers' tests: the
// quoting functions the engine models, nothing more.
package pq

func QuoteLiteral(literal string) string { return "'" + literal + "'" }

func QuoteIdentifier(name string) string { return `"` + name + `"` }
