package a

import (
	"os/exec"

	"github.com/gin-gonic/gin"
)

func ginRun(c *gin.Context) { exec.Command("x").Run() }

func ginList(c *gin.Context) {}

func ginKey(c *gin.Context) {
	if c.GetHeader("X-API-Key") != "k" {
		c.AbortWithStatus(401)
		return
	}
	c.Next()
}

func ginRoutes() {
	r := gin.Default()
	r.POST("/run", ginRun) // want `POST /run reaches command execution`
	r.GET("/items", ginList)
	r.POST("/run2", ginKey, ginRun)
	v1 := r.Group("/v1", gin.BasicAuth(gin.Accounts{"a": "b"}))
	v1.POST("/run", ginRun)
	v2 := r.Group("/v2")
	v2.PUT("/items/:id", ginList) // want `PUT /v2/items/:id changes state`
	v3 := r.Group("/v3")
	v3.Use(ginKey)
	v3.DELETE("/items/:id", ginList)
	r.Handle("PATCH", "/items/:id", ginList) // want `PATCH /items/:id changes state`
	r.Run(":8080")
}

func ginProtected() {
	r := gin.New()
	r.Use(ginKey)
	r.POST("/run", ginRun)
	r.Run()
}
