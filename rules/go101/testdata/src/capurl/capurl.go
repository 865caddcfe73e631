// Package capurl: capability URLs, routes addressed by a secret id that
// the handler looks up and rejects when unknown, are public by design
// and notes; an ordinary id, or a secret-named one the handler never
// checks, keeps the error.
package capurl

import (
	"database/sql"
	"errors"
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

var errNotFound = errors.New("not found")

type app struct{}

func lookup(id string) (string, error) {
	var cmd string
	err := db.QueryRow("select cmd from hooks where id = ?", id).Scan(&cmd)
	if err != nil {
		return "", errNotFound
	}
	return cmd, nil
}

// endpoint reads the hook id and hands it to run, which answers 404 for
// an id it does not know.
func (a *app) endpoint() gin.HandlerFunc {
	return func(c *gin.Context) {
		hookID := c.Param("hook_id")
		a.run(c, hookID)
	}
}

func (a *app) run(c *gin.Context, id string) {
	cmd, err := lookup(id)
	if errors.Is(err, errNotFound) {
		c.JSON(404, gin.H{"error": "endpoint not found"})
		return
	}
	exec.Command(cmd).Run()
}

func (a *app) routes(r *gin.Engine) {
	r.POST("/e/:hook_id/*path", a.endpoint()) // want `POST /e/:hook_id/\*path reaches command execution .* with no authentication \(a note, not an error: a capability URL: the path parameter hook_id is named as a secret and the handler rejects one it does not know \(capurl.go:42\)`
	r.POST("/users/:id", a.user)              // want `POST /users/:id reaches command execution .* with no authentication$`
	r.POST("/hooks/:hook_id", unchecked)      // want `POST /hooks/:hook_id reaches command execution .* with no authentication$`
	r.Run(":8080")
}

// user answers 404 for an unknown user too, but :id names no secret.
func (a *app) user(c *gin.Context) {
	id := c.Param("id")
	cmd, err := lookup(id)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	exec.Command(cmd).Run()
}

// unchecked runs whatever id it gets: nothing rejects an unknown hook.
func unchecked(c *gin.Context) {
	exec.Command("deliver", c.Param("hook_id")).Run()
}

// A share token read with PathValue and checked in place.
func serveShares() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /share/{share_token}", func(w http.ResponseWriter, r *http.Request) { // want `DELETE /share/\{share_token\} reaches database write .* \(a note, not an error: a capability URL: the path parameter share_token`
		tok := r.PathValue("share_token")
		res, err := db.Exec("delete from shares where token = ?", tok)
		if n, _ := res.RowsAffected(); err != nil || n == 0 {
			http.Error(w, "no such share", http.StatusNotFound)
			return
		}
	})
	http.ListenAndServe(":8081", mux)
}
