// Package mongo is a stub of the MongoDB driver (v1).
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
)

type Client struct{}
type Database struct{}
type Collection struct{}
type Cursor struct{}
type SingleResult struct{}
type UpdateResult struct{}
type DeleteResult struct{}
type Pipeline []bson.D
type UpdateOneModel struct{}

func (c *Client) Database(name string) *Database                                  { return nil }
func (d *Database) Collection(name string) *Collection                            { return nil }
func (d *Database) RunCommand(ctx context.Context, cmd interface{}) *SingleResult { return nil }
func (d *Database) Aggregate(ctx context.Context, p interface{}) (*Cursor, error) { return nil, nil }
func (c *Collection) Find(ctx context.Context, filter interface{}, opts ...interface{}) (*Cursor, error) {
	return nil, nil
}
func (c *Collection) FindOne(ctx context.Context, filter interface{}, opts ...interface{}) *SingleResult {
	return nil
}
func (c *Collection) UpdateOne(ctx context.Context, filter, update interface{}, opts ...interface{}) (*UpdateResult, error) {
	return nil, nil
}
func (c *Collection) DeleteMany(ctx context.Context, filter interface{}, opts ...interface{}) (*DeleteResult, error) {
	return nil, nil
}
func (c *Collection) Aggregate(ctx context.Context, pipeline interface{}, opts ...interface{}) (*Cursor, error) {
	return nil, nil
}
func (c *Collection) InsertOne(ctx context.Context, doc interface{}, opts ...interface{}) (interface{}, error) {
	return nil, nil
}
func (r *SingleResult) Decode(v interface{}) error                { return nil }
func NewUpdateOneModel() *UpdateOneModel                          { return nil }
func (m *UpdateOneModel) SetFilter(f interface{}) *UpdateOneModel { return m }
