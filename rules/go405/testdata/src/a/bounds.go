package a

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/lib/pq"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"example.com/store"
)

// Values checked by a strict parser, or quoted, before the statement
// (issue 11, mechanism 3): bounded where the accepted language cannot
// carry an injection, still reported where it can.

// zoneOf keeps the header only if the zone database knows it, and
// returns the parsed zone's name.
func zoneOf(r *http.Request) string {
	tz := strings.TrimSpace(r.Header.Get("X-Timezone"))
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return "UTC"
	}
	return loc.String()
}

func parsedZone(db *sql.DB, r *http.Request) {
	tz := zoneOf(r)
	db.Query(fmt.Sprintf("SELECT date_trunc('day', ts AT TIME ZONE '%s') FROM usage", tz))
	os.ReadFile("/usr/share/zoneinfo/" + tz) // want `untrusted data reaches a file path in os.ReadFile`
	other := r.Header.Get("X-Other")
	db.Query("SELECT '" + tz + "', '" + other + "'") // want `untrusted data reaches a SQL statement in DB.Query`
}

// checkedZone uses the input itself after the parser accepted it.
func checkedZone(db *sql.DB, r *http.Request) {
	tz := r.URL.Query().Get("tz")
	if _, err := time.LoadLocation(tz); err != nil {
		return
	}
	db.Query("SET TIME ZONE '" + tz + "'")
	os.Remove("/var/zones/" + tz) // want `untrusted data reaches a file path in os.Remove`

	day := r.URL.Query().Get("day")
	if _, err := time.Parse("2006-01-02", day); err != nil {
		return
	}
	db.Query("SELECT * FROM usage WHERE day = '" + day + "'")

	id := r.URL.Query().Get("id")
	if err := uuid.Validate(id); err != nil {
		return
	}
	db.Query("DELETE FROM keys WHERE id = '" + id + "'")
}

// unchecked: the parser's error is ignored, so the input is not bounded.
func uncheckedZone(db *sql.DB, r *http.Request) {
	tz := r.URL.Query().Get("tz")
	time.LoadLocation(tz)
	db.Query("SET TIME ZONE '" + tz + "'") // want `untrusted data reaches a SQL statement in DB.Query`
}

func quoted(ctx context.Context, db *sql.DB, conn *pgx.Conn, r *http.Request) {
	name := r.FormValue("name")
	db.Query("SELECT * FROM t WHERE name = " + pq.QuoteLiteral(name))
	db.Query("SELECT * FROM " + pq.QuoteIdentifier(name))
	conn.Query(ctx, "SELECT * FROM "+pgx.Identifier{"public", name}.Sanitize())
	db.Query("SELECT * FROM t WHERE name = " + quoteLiteral(name))
	os.ReadFile(pq.QuoteLiteral(name))                           // want `untrusted data reaches a file path in os.ReadFile`
	db.Query("SELECT * FROM t WHERE name = " + wrapOnly(name))   // want `untrusted data reaches a SQL statement in DB.Query`
	db.Query("SELECT * FROM t WHERE name = " + doubleOnly(name)) // want `untrusted data reaches a SQL statement in DB.Query`
}

// quoteLiteral is recognised by what it does: it doubles the quote and
// wraps the result in quotes.
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// wrapOnly quotes without doubling: a quote in s closes the literal.
func wrapOnly(s string) string { return "'" + s + "'" }

// doubleOnly doubles without quoting: the value is spliced bare.
func doubleOnly(s string) string { return strings.ReplaceAll(s, "'", "''") }

type guardrail struct {
	Name   string         `json:"name"`
	Field  string         `json:"field"`
	Config map[string]any `json:"config"`
}

// Request data as the values of an update's $set is stored, not run; a
// field name the request chose decides what changes.
func storeGuardrail(coll *mongo.Collection, r *http.Request) {
	var g guardrail
	json.NewDecoder(r.Body).Decode(&g)
	coll.UpdateOne(context.TODO(), bson.M{"_id": g.Name}, bson.M{
		"$set":         bson.M{"config": g.Config, "name": g.Name},
		"$setOnInsert": bson.M{"created": time.Now()},
	})
	coll.UpdateOne(context.TODO(), bson.M{"_id": g.Name}, bson.M{"$set": bson.M{g.Field: g.Name}}) // want `a NoSQL query in Collection.UpdateOne`
	coll.UpdateOne(context.TODO(), bson.M{"_id": g.Name}, bson.M{"$set": g.Config})                // want `a NoSQL query in Collection.UpdateOne`
	coll.UpdateOne(context.TODO(), g.Config, bson.M{"$set": bson.M{"name": g.Name}})               // want `a NoSQL query in Collection.UpdateOne`
	coll.Find(context.TODO(), bson.M{"config": g.Config})                                          // want `a NoSQL query in Collection.Find`
}

// A filter helper that returns an error beside the document builds it
// from typed values under fixed keys: closed.
func usageFilter(from time.Time, path string) (bson.D, error) {
	if path == "" {
		return nil, fmt.Errorf("no path")
	}
	return bson.D{{Key: "ts", Value: bson.D{{Key: "$gte", Value: from}}}, {Key: "path", Value: path}}, nil
}

func usage(coll *mongo.Collection, r *http.Request) {
	filter, err := usageFilter(time.Now(), r.FormValue("path"))
	if err != nil {
		return
	}
	coll.Aggregate(context.TODO(), bson.A{bson.D{{Key: "$match", Value: filter}}})
}

// A filter appended element by element under fixed keys, with a request
// string as a value and an escaped pattern under $regex: closed. A time
// taken in the caller's zone is an instant, not text.
func usageLogModel(coll *mongo.Collection, r *http.Request) {
	model := r.URL.Query().Get("model")
	var filters bson.D
	if model != "" {
		filters = append(filters, bson.E{Key: "model", Value: model})
	}
	coll.Aggregate(context.TODO(), bson.A{bson.D{{Key: "$match", Value: filters}}})
}

func usageLogSearch(coll *mongo.Collection, r *http.Request) {
	search := r.URL.Query().Get("search")
	var filters bson.D
	re := bson.D{{Key: "$regex", Value: regexp.QuoteMeta(search)}, {Key: "$options", Value: "i"}}
	filters = append(filters, bson.E{Key: "$or", Value: bson.A{bson.D{{Key: "model", Value: re}}}})
	coll.Aggregate(context.TODO(), bson.A{bson.D{{Key: "$match", Value: filters}}})
}

func usageLogSince(coll *mongo.Collection, r *http.Request) {
	loc, err := time.LoadLocation(r.Header.Get("X-Timezone"))
	if err != nil {
		loc = time.UTC
	}
	now := time.Now().In(loc)
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	coll.Aggregate(context.TODO(), bson.A{bson.D{{Key: "$match", Value: bson.D{{Key: "ts", Value: bson.D{{Key: "$gte", Value: from.UTC()}}}}}}})
}

// The same, with the filter built in another package from a parameter
// struct.
func usageLogThere(coll *mongo.Collection, r *http.Request) {
	q := r.URL.Query()
	loc, err := time.LoadLocation(r.Header.Get("X-Timezone"))
	if err != nil {
		loc = time.UTC
	}
	p := store.LogParams{Model: q.Get("model"), Provider: q.Get("provider"), Search: q.Get("search")}
	p.Zone = loc.String()
	p.From = time.Now().In(loc)
	store.UsageLog(coll, p)
}

// allOf joins filters under $and: as open as the filters it is given.
func allOf(filters ...bson.M) bson.M {
	var clauses bson.A
	for _, f := range filters {
		clauses = append(clauses, f)
	}
	return bson.M{"$and": clauses}
}

func joinedFilters(coll *mongo.Collection, r *http.Request) {
	owner := r.FormValue("owner")
	coll.Find(context.TODO(), allOf(bson.M{"owner": owner}, bson.M{"deleted": false}))
	var asked bson.M
	json.NewDecoder(r.Body).Decode(&asked)
	coll.Find(context.TODO(), allOf(bson.M{"owner": owner}, asked)) // want `a NoSQL query in Collection.Find`
}
