package a

import (
	"context"
	"encoding/json"
	"io"
	"net/http"

	"example.com/store"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// validateCoupon is crAPI's community service: the request body, decoded
// into a bson.M, is the filter ({"coupon_code": {"$ne": ""}} matches any).
func validateCoupon(coll *mongo.Collection, w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var filter bson.M
	if err := json.Unmarshal(body, &filter); err != nil {
		return
	}
	store.ValidateCode(coll, filter) // want `untrusted data reaches a NoSQL query in store.ValidateCode → Collection.FindOne at store.go:\d+, from the request body`
}

func findWhole(coll *mongo.Collection, r *http.Request) {
	var filter map[string]interface{}
	json.NewDecoder(r.Body).Decode(&filter)
	coll.Find(context.TODO(), filter)                                          // want `a NoSQL query in Collection.Find, from the request body \(source at nosql.go:\d+\)$`
	coll.DeleteMany(context.TODO(), bson.M{"owner": filter["owner"]})          // want `a NoSQL query in Collection.DeleteMany`
	coll.UpdateOne(context.TODO(), bson.M{"_id": "x"}, bson.M{"$set": filter}) // want `a NoSQL query in Collection.UpdateOne`
	var repo store.Repo
	repo.Find(filter) // want `a NoSQL query in Repo.Find`
}

type search struct {
	Field string `json:"field"`
	Name  string `json:"name"`
	Query string `json:"query"`
}

func operators(coll *mongo.Collection, r *http.Request) {
	var req search
	json.NewDecoder(r.Body).Decode(&req)
	coll.Find(context.TODO(), bson.M{req.Field: req.Name})                         // want `a NoSQL query in Collection.Find`
	coll.Find(context.TODO(), bson.M{"$where": "this.name == '" + req.Name + "'"}) // want `a NoSQL query in Collection.Find`
	coll.Find(context.TODO(), bson.D{{Key: req.Field, Value: 1}})                  // want `a NoSQL query in Collection.Find`
	pipeline := mongo.Pipeline{bson.D{{Key: "$match", Value: bson.D{{Key: "$where", Value: req.Query}}}}}
	coll.Aggregate(context.TODO(), pipeline) // want `a NoSQL query in Collection.Aggregate`
	var stages []bson.M
	json.Unmarshal([]byte(req.Query), &stages)
	coll.Aggregate(context.TODO(), stages)                                     // want `a NoSQL query in Collection.Aggregate`
	mongo.NewUpdateOneModel().SetFilter(bson.M{"name": bson.M{"$in": stages}}) // want `a NoSQL query in UpdateOneModel.SetFilter`
}

// Typed values under fixed keys are values, never operators: silent.
func typed(coll *mongo.Collection, r *http.Request) {
	var req search
	json.NewDecoder(r.Body).Decode(&req)
	coll.Find(context.TODO(), bson.M{"name": req.Name})
	coll.Find(context.TODO(), bson.D{{Key: "name", Value: req.Name}, {Key: "age", Value: bson.M{"$gt": len(req.Query)}}})
	filter := bson.D{}
	if req.Name != "" {
		filter = append(filter, bson.E{Key: "name", Value: req.Name})
	}
	coll.Find(context.TODO(), filter)
	coll.UpdateOne(context.TODO(), bson.M{"name": req.Name}, bson.M{"$set": bson.M{"query": req.Query}})
	coll.Find(context.TODO(), byName(req.Name))
	coll.Find(context.TODO(), req) // a struct of strings
	coll.InsertOne(context.TODO(), req)
	store.ByCode(nil, req.Name)
	var repo store.Repo
	repo.Find(bson.M{"name": req.Name})
	coll.Find(context.TODO(), bson.M{"name": bson.M{"$in": []string{req.Name, req.Query}}})
}

func byName(name string) bson.M { return bson.M{"name": name} }
