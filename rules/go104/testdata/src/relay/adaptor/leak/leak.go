// Package leak does the same, but a route without the replacing
// middleware reaches it: the caller's token goes upstream.
package leak

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Leak struct{}

func (Leak) Leak(c *gin.Context) {
	out, _ := http.NewRequest("POST", "https://upstream.example/v1", nil)
	out.Header.Set("Authorization", c.Request.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
	http.DefaultClient.Do(out)
}

// Both is reached by a relay route and by an open one.
func Both(c *gin.Context) {
	out, _ := http.NewRequest("POST", "https://upstream.example/v1", nil)
	out.Header.Set("Authorization", c.Request.Header.Get("Authorization")) // want `An outgoing request \(Header.Set\) gets the caller's Authorization header`
	http.DefaultClient.Do(out)
}
