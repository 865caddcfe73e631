// Package mw picks the upstream for a relay request and puts the
// upstream's key on the request in place of the caller's.
package mw

import "github.com/gin-gonic/gin"

// Channel is an upstream and the server's key for it.
type Channel struct{ Key string }

// Setup replaces the caller's Authorization with the channel's key.
func Setup(c *gin.Context, ch *Channel) {
	c.Request.Header.Set("Authorization", "Bearer "+ch.Key)
}

func Distribute() gin.HandlerFunc {
	return func(c *gin.Context) {
		Setup(c, &Channel{Key: "channel-key"})
		c.Next()
	}
}

func Logger() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }
