package main

import "github.com/gin-gonic/gin"

func main() {
	g := gin.New()
	// Match names its methods: GET and HEAD only, as documented.
	g.Match([]string{"GET", "HEAD"}, "/health", ok)
	g.GET("/version", ok)
	g.Any("/status", ok) // want "/status answers every method, and testdata/match/openapi.yaml documents only GET on /status"
	// A pass-through proxy: every method that writes is documented, the
	// others it forwards (HEAD, OPTIONS) change nothing.
	g.Any("/proxy/:provider/*path", ok) // want "/proxy/:provider/\\*path answers every method, .* \\(a note: the document lists every method that writes"
	g.Run(":8080")
}

func ok(c *gin.Context) { c.Status(200) }
