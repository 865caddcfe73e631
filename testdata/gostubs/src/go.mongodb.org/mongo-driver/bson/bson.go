// Package bson is a stub of the MongoDB driver's bson package (v1).
package bson

import "go.mongodb.org/mongo-driver/bson/primitive"

type M = primitive.M
type D = primitive.D
type E = primitive.E
type A = primitive.A
type Raw []byte

func UnmarshalExtJSON(data []byte, canonical bool, val interface{}) error { return nil }
