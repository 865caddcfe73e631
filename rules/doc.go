// Package rules is the registry of apiaudit's rules. Each rule lives in its
// own package, named by its ID (rules/oas101), with its documentation, tests
// and fixtures; rules.go, which lists them, is generated.
package rules

//go:generate go run ./gen
