// Package store runs MongoDB queries for package nosql: one takes a whole
// filter (a query document the caller built), the others build closed
// documents from typed values.
package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Coupon struct {
	Code   string `bson:"coupon_code" json:"coupon_code"`
	Amount string `json:"amount"`
}

// ValidateCode runs the caller's filter (crAPI's models.ValidateCode).
func ValidateCode(coll *mongo.Collection, filter bson.M) (Coupon, error) {
	var c Coupon
	err := coll.FindOne(context.TODO(), filter).Decode(&c)
	return c, err
}

// ByCode matches one code: a closed document.
func ByCode(coll *mongo.Collection, code string) (Coupon, error) {
	var c Coupon
	err := coll.FindOne(context.TODO(), bson.D{{Key: "coupon_code", Value: code}}).Decode(&c)
	return c, err
}

// Repo wraps a collection.
type Repo struct{ coll *mongo.Collection }

// Find runs any filter.
func (r *Repo) Find(filter interface{}) error {
	_, err := r.coll.Find(context.TODO(), filter)
	return err
}
