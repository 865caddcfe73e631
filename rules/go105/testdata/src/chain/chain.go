// Package chain: auth added to a chain of the program's own under a
// condition is auth that may be off on the groups the chain is installed on.
package chain

import (
	"os/exec"

	"github.com/gin-gonic/gin"

	"chain/mw"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func serve(addr, key string) {
	r := gin.New()
	guarded := mw.New().With(mw.Logging())
	if key != "" {
		guarded.With(mw.RequireKey(key)) // want `mw.RequireKey\(key\) is installed only when key != "": otherwise POST /ops/run reaches command execution`
	}
	ops := r.Group("/ops")
	guarded.Install(ops)
	ops.POST("/run", runIt)

	always := mw.New().With(mw.RequireKey(key))
	admin := r.Group("/admin")
	always.Install(admin)
	admin.POST("/run", runIt)
	r.Run(addr)
}
