package a

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	goopenai "github.com/sashabaranov/go-openai"
)

func modelText(ctx context.Context, c *goopenai.Client) string {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return resp.Choices[0].Message.Content
}

// sqlRunner runs whatever a builder makes, as a store's helper does.
type sqlRunner interface {
	ToSql() (string, []interface{}, error)
}

type notesDB struct{ db *sql.DB }

func (n *notesDB) run(q sqlRunner) error {
	text, args, err := q.ToSql()
	if err != nil {
		return err
	}
	_, err = n.db.Exec(text, args...)
	return err
}

// Silent: the model's summary is bound to placeholders (Values, Suffix's
// "?" argument, Set, Where's argument, an Eq map's value, Expr's
// argument); only the statements' text reaches Exec.
func boundSummary(ctx context.Context, c *goopenai.Client, n *notesDB) {
	summary := modelText(ctx, c)
	n.run(sq.Insert("notes").Columns("id", "summary").Values(7, summary).
		Suffix("ON CONFLICT (id) DO UPDATE SET summary = ?", summary))
	n.run(sq.Update("notes").Set("summary", summary).Where("id = ?", summary))
	n.run(sq.Update("notes").SetMap(map[string]interface{}{"summary": summary}).Where(sq.Eq{"title": summary}))
	n.run(sq.Select("id").From("notes").Where(sq.Expr("summary LIKE ?", summary)))
	q := sq.Select("id").From("notes")
	if summary != "" {
		q = q.Where("summary = ?", summary)
	}
	text, args, _ := q.ToSql()
	n.db.Query(text, args...)
	_, args2, _ := sq.StatementBuilder.Insert("notes").Values(summary).ToSql()
	n.db.Query("INSERT INTO notes VALUES (?)", args2...)
}

// Firing: the model's text in a SQL-text position of the builder.
func textSummary(ctx context.Context, c *goopenai.Client, n *notesDB) {
	summary := modelText(ctx, c)
	text, args, _ := sq.Select("id").From("notes").Where("summary = '" + summary + "'").ToSql()
	n.db.Query(text, args...) // want `model output reaches a SQL statement in DB.Query, from model output`
	text, _, _ = sq.Select("id").From(summary).ToSql()
	n.db.Exec(text) // want `model output reaches a SQL statement in DB.Exec`
	text, _, _ = sq.Select("id").From("notes").Where(sq.Expr(summary)).ToSql()
	n.db.Exec(text) // want `model output reaches a SQL statement in DB.Exec`
	text, _, _ = sq.Update("notes").Where(sq.Eq{summary: 1}).ToSql()
	n.db.Exec(text)                                                      // want `model output reaches a SQL statement in DB.Exec`
	sq.Select("id").From("notes").OrderBy(summary).RunWith(n.db).Query() // want `model output reaches a SQL statement in SelectBuilder.Query`
	n.run(sq.Insert("notes").Suffix("RETURNING " + summary))             // want `model output reaches a SQL statement in notesDB.run`
}
