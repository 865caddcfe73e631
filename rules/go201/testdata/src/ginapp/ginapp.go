package ginapp

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

type prompt struct{ Text string }

func routes(r *gin.Engine) {
	r.POST("/v1/chat", func(c *gin.Context) {
		var p prompt
		if err := c.ShouldBindJSON(&p); err != nil { // want `c.ShouldBindJSON reads the request body with no size limit`
			return
		}
	})
	r.POST("/v1/bind", bind)
	r.POST("/v1/raw", raw)
	r.POST("/v1/limited", limited)
}

func bind(c *gin.Context) {
	var p prompt
	_ = c.BindJSON(&p)                         // want `c.BindJSON reads the request body with no size limit`
	_ = c.ShouldBind(&p)                       // want `c.ShouldBind reads the request body with no size limit`
	_ = c.Bind(&p)                             // want `c.Bind reads the request body with no size limit`
	_ = c.ShouldBindBodyWith(&p, binding.JSON) // want `c.ShouldBindBodyWith reads the request body with no size limit`
	_ = c.ShouldBindQuery(&p)                  // the query string, not the body
}

func raw(ctx *gin.Context) {
	b, _ := ctx.GetRawData() // want `ctx.GetRawData reads the request body with no size limit`
	_ = b
	all, _ := io.ReadAll(ctx.Request.Body) // want `io.ReadAll reads ctx.Request.Body with no size limit`
	_ = all
}

// Silent: the body is limited before it is bound.

func limited(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	var p prompt
	_ = c.ShouldBindJSON(&p)
	b, _ := c.GetRawData()
	_ = b
}

// helper takes no gin.Context: the rule does not follow its callers.
func helper(p *prompt, bind func(any) error) error { return bind(p) }
