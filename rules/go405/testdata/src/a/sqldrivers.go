package a

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	sq "github.com/Masterminds/squirrel"
	pgx4 "github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	jgorm "github.com/jinzhu/gorm"
	"github.com/jmoiron/sqlx"
	"github.com/mark3labs/mcp-go/mcp"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// pgx: a tool argument written into the statement's text is an injection;
// bound to $1 it is a value.
func pgxTool(ctx context.Context, pool *pgxpool.Pool, conn *pgx.Conn, tx pgx.Tx, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	table := req.GetString("table", "")
	name := req.GetString("name", "")
	pool.Query(ctx, "SELECT * FROM "+table)                           // want `untrusted data reaches a SQL statement in Pool.Query, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	pool.QueryRow(ctx, fmt.Sprintf("SELECT count(*) FROM %s", table)) // want `a SQL statement in Pool.QueryRow, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	conn.Exec(ctx, "DELETE FROM "+table)                              // want `a SQL statement in Conn.Exec, from MCP tool arguments`
	tx.Query(ctx, "SELECT * FROM "+table)                             // want `a SQL statement in Tx.Query, from MCP tool arguments`
	conn.Prepare(ctx, "byTable", "SELECT * FROM "+table)              // want `a SQL statement in Conn.Prepare, from MCP tool arguments`
	conn.PgConn().Exec(ctx, "TRUNCATE "+table)                        // want `a SQL statement in PgConn.Exec, from MCP tool arguments`
	var b pgx.Batch
	b.Queue("INSERT INTO "+table+" (name) VALUES ($1)", name) // want `a SQL statement in Batch.Queue, from MCP tool arguments`
	pool.SendBatch(ctx, &b)

	pool.Query(ctx, "SELECT * FROM users WHERE name = $1", name)
	tx.Exec(ctx, "UPDATE users SET seen = now() WHERE name = $1", name)
	conn.QueryRow(ctx, "SELECT 1")
	conn.Prepare(ctx, name, "SELECT * FROM users WHERE id = $1")
	b.Queue("DELETE FROM users WHERE name = $1", name)
	pool.Query(ctx, "SELECT * FROM "+pgx.Identifier{"app", table}.Sanitize())
	pool.CopyFrom(ctx, pgx.Identifier{table}, []string{"name"}, nil)
	return nil, nil
}

// pgx v4 has the same names under its own path, and QueryFunc.
func pgx4Tool(ctx context.Context, conn *pgx4.Conn, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	col := req.GetString("column", "")
	conn.QueryFunc(ctx, "SELECT "+col+" FROM users", nil, nil, nil) // want `a SQL statement in Conn.QueryFunc, from MCP tool arguments`
	conn.Query(ctx, "SELECT name FROM users WHERE id = $1", col)
	return nil, nil
}

// The query tool of a database server: the model writes the whole
// statement, which is what the tool is for. Executing whole statements it
// writes (writes and drops included) stays at the rule's severity, and so
// does a filter it writes into the program's own statement.
func queryTool(ctx context.Context, pool *pgxpool.Pool, db *sql.DB, g *gorm.DB, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	q := req.GetString("query", "")
	pool.Query(ctx, q)     // want `a SQL statement in Pool.Query, from MCP tool arguments \(source at sqldrivers.go:\d+\) \(a note, not an error: the data is the whole SQL statement, with no SQL of the program's around it`
	db.ExecContext(ctx, q) // want `a SQL statement in DB.ExecContext, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	runStatement(db, q)    // want `a SQL statement in a.runStatement → DB.Query at sqldrivers.go:\d+, from MCP tool arguments \(source at sqldrivers.go:\d+\) \(a note, not an error: the data is the whole SQL statement`
	var out []map[string]any
	g.Raw(q).Scan(&out) // want `a SQL statement in DB.Raw, from MCP tool arguments \(source at sqldrivers.go:\d+\) \(a note, not an error: the data is the whole SQL statement`
	where := req.GetString("where", "")
	db.QueryContext(ctx, "SELECT * FROM logs WHERE "+where) // want `a SQL statement in DB.QueryContext, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	g.Where(where).Find(&out)                               // want `a SQL statement in DB.Where, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	text, _, _ := sq.Select("*").From(req.GetString("table", "")).ToSql()
	db.Query(text)                                                 // want `a SQL statement in DB.Query, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	sq.Select("*").From("logs").OrderBy(where).RunWith(db).Query() // want `a SQL statement in SelectBuilder.Query, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	sortedBy(g, req.GetString("order", ""))                        // want `a SQL statement in a.sortedBy → DB.Order at sqldrivers.go:\d+, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	return nil, nil
}

func runStatement(db *sql.DB, q string) (*sql.Rows, error) { return db.Query(q) }

// An execute tool whose statement runs in a helper: the helper's Exec is
// the sink, whatever the first call is named.
func executeTool(ctx context.Context, db *sql.DB, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	inTx(ctx, db, req.GetString("statement", "")) // want `a SQL statement in a.inTx → Tx.ExecContext at sqldrivers.go:\d+, from MCP tool arguments \(source at sqldrivers.go:\d+\)$`
	return nil, nil
}

func inTx(ctx context.Context, db *sql.DB, stmt string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	return tx.Commit()
}

func sortedBy(g *gorm.DB, order string) *gorm.DB { return g.Order(order) }

// A SQL console route: the request's whole statement is a note too.
func console(db *sql.DB, r *http.Request) {
	db.Query(r.FormValue("sql")) // want `a SQL statement in DB.Query, from a form value \(source at sqldrivers.go:\d+\) \(a note, not an error: the data is the whole SQL statement`
}

// sqlx: its own methods and functions, and database/sql's through the
// embedded DB.
func sqlxHandler(db *sqlx.DB, tx *sqlx.Tx, w http.ResponseWriter, r *http.Request) {
	col := r.FormValue("sort")
	id := r.FormValue("id")
	var rows []struct{ Name string }
	db.Select(&rows, "SELECT name FROM users ORDER BY "+col)                                // want `a SQL statement in DB.Select, from a form value \(source at sqldrivers.go:\d+\) \(a warning, not an error: HTTP request data reaching a command or a SQL statement`
	db.Get(&rows, fmt.Sprintf("SELECT name FROM users WHERE id = '%s'", id))                // want `a SQL statement in DB.Get, from a form value`
	db.SelectContext(r.Context(), &rows, "SELECT name FROM users ORDER BY "+col)            // want `a SQL statement in DB.SelectContext, from a form value`
	db.QueryxContext(r.Context(), "SELECT * FROM users ORDER BY "+col)                      // want `a SQL statement in DB.QueryxContext, from a form value`
	db.QueryContext(r.Context(), "SELECT * FROM users ORDER BY "+col)                       // want `a SQL statement in DB.QueryContext, from a form value`
	tx.MustExec("DELETE FROM users WHERE id = " + id)                                       // want `a SQL statement in Tx.MustExec, from a form value`
	db.NamedExec("UPDATE users SET name = :name ORDER BY "+col, map[string]any{"name": id}) // want `a SQL statement in DB.NamedExec, from a form value`
	sqlx.Select(db, &rows, "SELECT * FROM users ORDER BY "+col)                             // want `a SQL statement in sqlx.Select, from a form value`

	db.Select(&rows, "SELECT name FROM users WHERE id = ?", id)
	db.Get(&rows, db.Rebind("SELECT name FROM users WHERE id = ?"), id)
	db.NamedExec("UPDATE users SET name = :name", map[string]any{"name": id})
	q, args, _ := sqlx.In("SELECT * FROM users WHERE id IN (?)", r.Form["id"])
	db.Select(&rows, db.Rebind(q), args...)
	nq, nargs, _ := db.BindNamed("SELECT * FROM users WHERE name = :name", r.Form)
	db.Select(&rows, nq, nargs...)
	db.QueryContext(r.Context(), "SELECT * FROM users WHERE id = ?", id)
	tx.Select(&rows, "SELECT name FROM users")
}

type listRequest struct {
	Sort   string `json:"sort"`
	Name   string `json:"name"`
	Filter string `json:"filter"`
	ID     string `json:"id"`
}

// gorm: the clause methods write a string into the statement gorm builds;
// maps, structs and clause values are conditions whose values it binds.
func gormHandler(db *gorm.DB, w http.ResponseWriter, r *http.Request) {
	var req listRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	var users []struct{ Name string }
	db.Order(req.Sort).Find(&users)                                                                // want `a SQL statement in DB.Order, from the request body \(source at sqldrivers.go:\d+\) \(a warning, not an error: HTTP request data reaching a command or a SQL statement`
	db.Where(fmt.Sprintf("name = '%s'", req.Name)).Find(&users)                                    // want `a SQL statement in DB.Where, from the request body`
	db.Where(req.Filter).Find(&users)                                                              // want `a SQL statement in DB.Where, from the request body \(source at sqldrivers.go:\d+\) \(a warning, not an error`
	db.Not("name = '" + req.Name + "'").Find(&users)                                               // want `a SQL statement in DB.Not, from the request body`
	db.Raw("SELECT * FROM users WHERE name = '" + req.Name + "'").Scan(&users)                     // want `a SQL statement in DB.Raw, from the request body \(source at sqldrivers.go:\d+\) \(a warning, not an error`
	db.Exec("DELETE FROM users WHERE name = '" + req.Name + "'")                                   // want `a SQL statement in DB.Exec, from the request body`
	db.Group(req.Sort).Find(&users)                                                                // want `a SQL statement in DB.Group, from the request body`
	db.Select(req.Sort).Find(&users)                                                               // want `a SQL statement in DB.Select, from the request body`
	db.Select([]string{"id", req.Sort}).Find(&users)                                               // want `a SQL statement in DB.Select, from the request body`
	db.Joins("JOIN pets ON pets.owner = users.id AND pets.kind = '" + req.Name + "'").Find(&users) // want `a SQL statement in DB.Joins, from the request body`
	db.Having("count(*) > " + req.Sort).Find(&users)                                               // want `a SQL statement in DB.Having, from the request body`
	db.Distinct(req.Sort).Find(&users)                                                             // want `a SQL statement in DB.Distinct, from the request body`
	db.Table(req.Name).Find(&users)                                                                // want `a SQL statement in DB.Table, from the request body`
	var names []string
	db.Model(&users).Pluck(req.Sort, &names)                           // want `a SQL statement in DB.Pluck, from the request body`
	db.First(&users, req.ID)                                           // want `a SQL statement in DB.First, from the request body`
	db.Model(&users).Update("visits", gorm.Expr("visits + "+req.Sort)) // want `a SQL statement in gorm.Expr, from the request body`

	db.Where("name = ?", req.Name).Find(&users)
	db.Where(map[string]interface{}{"name": req.Name}).Find(&users)
	db.Where(&struct{ Name string }{Name: req.Name}).Or("id = ?", req.ID).Find(&users)
	db.Raw("SELECT * FROM users WHERE name = ?", req.Name).Scan(&users)
	db.Exec("UPDATE users SET name = ? WHERE id = ?", req.Name, req.ID)
	db.Order(clause.OrderByColumn{Column: clause.Column{Name: req.Sort}}).Find(&users)
	db.First(&users, "name = ?", req.Name)
	db.Find(&users, map[string]interface{}{"name": req.Name})
	db.Model(&users).Update("name", req.Name)
	db.Model(&users).Update("visits", gorm.Expr("visits + ?", req.Sort))
	db.Order("created_at DESC").Limit(10).Find(&users)
	switch req.Sort {
	case "name", "created_at":
		db.Order(req.Sort).Find(&users)
	}
	if n, err := strconv.Atoi(req.ID); err == nil {
		db.First(&users, n)
	}
}

// jinzhu/gorm, gorm's first major version, has the same clause methods.
func jinzhuHandler(db *jgorm.DB, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	var users []struct{ Name string }
	db.Order(sort).Find(&users) // want `a SQL statement in DB.Order, from the request URL`
	db.Where("name = ?", sort).Find(&users)
	db.First(&users, "name = ?", sort)
}
