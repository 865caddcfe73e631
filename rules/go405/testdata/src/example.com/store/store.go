// Package store runs MongoDB queries for package nosql: one takes a whole
// filter (a query document the caller built), the others build closed
// documents from typed values.
package store

import (
	"context"
	"regexp"
	"time"

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

// Range and LogParams are a usage query's parameters: an instant range and
// strings the caller took from the request.
type Range struct {
	From, To time.Time
	Zone     string
}

type LogParams struct {
	Range
	Model, Provider, Search string
}

// UsageLog builds its filter under fixed keys, joining the parts with
// $and through a helper, and escapes the search pattern.
func UsageLog(coll *mongo.Collection, p LogParams) {
	var filters bson.D
	if !p.From.IsZero() {
		filters = append(filters, bson.E{Key: "ts", Value: bson.D{{Key: "$gte", Value: p.From.UTC()}}})
	}
	if p.Model != "" {
		filters = append(filters, bson.E{Key: "model", Value: p.Model})
	}
	if p.Provider != "" {
		filters = and(filters, bson.D{{Key: "$or", Value: bson.A{
			bson.D{{Key: "provider", Value: p.Provider}},
			bson.D{{Key: "provider_name", Value: p.Provider}},
		}}})
	}
	if p.Search != "" {
		re := bson.D{{Key: "$regex", Value: regexp.QuoteMeta(p.Search)}, {Key: "$options", Value: "i"}}
		filters = and(filters, bson.D{{Key: "$or", Value: bson.A{bson.D{{Key: "model", Value: re}}}}})
	}
	coll.Aggregate(context.TODO(), bson.A{bson.D{{Key: "$match", Value: filters}},
		bson.D{{Key: "$project", Value: bson.D{{Key: "day", Value: bson.D{{Key: "$dateToString", Value: bson.D{{Key: "timezone", Value: p.Zone}}}}}}}}})
}

func and(filters ...bson.D) bson.D {
	var clauses bson.A
	for _, f := range filters {
		if len(f) > 0 {
			clauses = append(clauses, f)
		}
	}
	if len(clauses) == 1 {
		return filters[0]
	}
	return bson.D{{Key: "$and", Value: clauses}}
}
