// Package docdb registers MCP tools over a MongoDB collection: a write
// through the document database is a database write.
package docdb

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var coll *mongo.Collection

func register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("expire_sessions",
		mcp.WithReadOnlyHintAnnotation(true), // want `tool "expire_sessions" is annotated read-only \(mcp.WithReadOnlyHintAnnotation\(true\)\) but its handler reaches database write \(\(go.mongodb.org/mongo-driver/mongo.Collection\).DeleteMany\)`
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := coll.DeleteMany(ctx, bson.M{"expired": true})
		return nil, err
	})

	// Reads only: silent.
	s.AddTool(mcp.NewTool("count_sessions",
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := coll.Find(ctx, bson.M{})
		return nil, err
	})
}
