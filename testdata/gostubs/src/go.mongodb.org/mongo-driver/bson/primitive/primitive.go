// Package primitive is a stub of the MongoDB driver's primitive types (v1).
package primitive

type E struct {
	Key   string
	Value interface{}
}

type D []E
type M map[string]interface{}
type A []interface{}
type ObjectID [12]byte
