// Package chain: routes on groups that a chain of the program's own was
// installed on are behind what the chain holds.
package chain

import (
	"os/exec"

	"github.com/gin-gonic/gin"

	"chain/mw"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }

func serve(addr, key string, audit bool) {
	r := gin.New()

	admin := r.Group("/admin")
	mw.New().With(mw.Logging()).With(mw.RequireKey(key)).Install(admin)
	admin.POST("/run", runIt)

	keyed := mw.New().With(mw.Logging())
	keyed.With(mw.RequireKey(key))
	ops := r.Group("/ops")
	keyed.Install(ops)
	ops.POST("/run", runIt)

	logged := mw.New().With(mw.Logging())
	open := r.Group("/open")
	logged.Install(open)
	open.POST("/run", runIt) // want `POST /open/run reaches command execution`

	r.Run(addr)
}
