// Package ctl has the handlers; it reaches the adaptors through
// interfaces and never imports the middleware's package... except to
// test a channel, where it replaces the header itself first.
package ctl

import (
	"github.com/gin-gonic/gin"

	"relay/adaptor"
	"relay/adaptor/leak"
	"relay/mw"
)

var (
	Current adaptor.Adaptor
	Leaker  adaptor.Leaker
)

func Relay(c *gin.Context) {
	Current.Do(c)
	leak.Both(c)
}

func Open(c *gin.Context) {
	Leaker.Leak(c)
	leak.Both(c)
}

// Test replaces the header before it calls the adaptor.
func Test(c *gin.Context) {
	mw.Setup(c, &mw.Channel{Key: "test-key"})
	Current.Do(c)
}
