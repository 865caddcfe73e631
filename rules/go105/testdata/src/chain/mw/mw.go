// Package mw is a middleware chain of the program's own: With adds to it,
// Install puts every element on a router group.
package mw

import "github.com/gin-gonic/gin"

type Chain struct {
	steps []gin.HandlerFunc
}

func New() *Chain { return &Chain{} }

func (c *Chain) With(step gin.HandlerFunc) *Chain {
	c.steps = append(c.steps, step)
	return c
}

func (c *Chain) Install(group *gin.RouterGroup) {
	for _, step := range c.steps {
		group.Use(step)
	}
}

func Logging() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func RequireKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-API-Key") != key {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}
