// Package uuid is a stub of github.com/google/uuid for the analyzers'
// tests: the parsing functions the engine models, nothing more.
package uuid

type UUID [16]byte

func Parse(s string) (UUID, error) { return UUID{}, nil }

func Validate(s string) error { return nil }

func (u UUID) String() string { return "" }
