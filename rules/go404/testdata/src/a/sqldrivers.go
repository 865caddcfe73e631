package a

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	goopenai "github.com/sashabaranov/go-openai"
	"gorm.io/gorm"
)

// The drivers and ORMs beyond database/sql are sinks of model output too:
// the statement's text and gorm's string clauses, never the values they
// bind.
func modelSQL(ctx context.Context, c *goopenai.Client, pool *pgxpool.Pool, db *gorm.DB) {
	answer := modelText(ctx, c)
	pool.Exec(ctx, answer)               // want `model output reaches a SQL statement in Pool.Exec, from model output`
	db.Order(answer).Find(&[]struct{}{}) // want `model output reaches a SQL statement in DB.Order, from model output`
	pool.Exec(ctx, "INSERT INTO notes (body) VALUES ($1)", answer)
	db.Where("body = ?", answer).Find(&[]struct{}{})
	db.Where(map[string]interface{}{"body": answer}).Find(&[]struct{}{})
}
