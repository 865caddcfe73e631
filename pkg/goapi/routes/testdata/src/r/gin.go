package r

import "github.com/gin-gonic/gin"

func ginItem(c *gin.Context) {}

func ginRoutes() {
	e := gin.Default()
	e.GET("/products/:id", ginItem)
	v2 := e.Group("/v2")
	v2.POST("/products", ginItem)
	v2.GET("/files/*path", ginItem)
	e.Any("/ping", ginItem)
	e.Run(":8082")
}
