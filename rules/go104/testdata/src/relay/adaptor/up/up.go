// Package up sends the Authorization of the request it serves upstream;
// only relay routes, whose middleware replaced it, reach it.
package up

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Up struct{}

func (Up) Do(c *gin.Context) {
	out, _ := http.NewRequest("POST", "https://upstream.example/v1", nil)
	out.Header.Set("Authorization", c.Request.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
	http.DefaultClient.Do(out)
}
