package ginlimited

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type prompt struct{ Text string }

// bodyLimit is a middleware: every route of the package is limited.
func bodyLimit(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func routes() {
	r := gin.New()
	r.Use(bodyLimit(1 << 20))
	r.POST("/v1/chat", chat)
	_ = r.Run(":8080")
}

func chat(c *gin.Context) {
	var p prompt
	_ = c.ShouldBindJSON(&p)
}
