// Package dispatch calls implementations through interfaces declared in
// another package, from generic and plain code.
package dispatch

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"

	"example.com/fsstore"
	"example.com/store"
)

// Handler serves any storage; its methods are generic.
type Handler[T any] struct{ s store.Storage[T] }

func (h *Handler[T]) Delete(c *gin.Context) {
	name := c.Param("name")
	if err := h.s.Delete(name); err != nil { // want `a file path from request data`
		c.JSON(http.StatusInternalServerError, err.Error())
	}
}

// Mount registers the handler of an Entity.
func Mount(r *gin.Engine) {
	h := &Handler[fsstore.Item]{s: &fsstore.Entity{}}
	r.DELETE("/items/:name", h.Delete)
}

// run hands the query to whichever runner it is given.
func run(r store.Runner, req *http.Request) error { // want `run: taint\(p1.URL⇒command execution\)`
	return r.Run(req.URL.Query().Get("cmd")) // want `command execution from the request URL`
}

var _ = run

// keep uses the same runners with a constant: silent.
func keep(r store.Runner) error {
	return r.Run("uptime")
}

var _ = keep

// fetchRun runs what a Fetcher returns: the untrusted result comes back
// through the interface.
func fetchRun(f store.Fetcher) error { // want `fetchRun: taint\(p0⇒command execution\)`
	line, _ := f.Fetch("https://example.com/script")
	return exec.Command("sh", "-c", line).Run() // want `command execution from .*HTTP response`
}

var _ = fetchRun
