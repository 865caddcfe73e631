// Package ginauthed: a gin proxy whose routes all pass an API-key
// middleware. Bodies read by the handlers its factories return, and by a
// GET route's binder, come only from key holders: notes. The same
// factory on an open router stays a warning.
package ginauthed

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func apiKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-Api-Key") != key {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func getCompletionHandler(prod bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		body, _ := io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit \(a note, not a warning: only authenticated callers reach this handler`
		_ = body
	}
}

func getOpenHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		body, _ := io.ReadAll(c.Request.Body) // want `io.ReadAll reads c.Request.Body with no size limit$`
		_ = body
	}
}

func listThings(c *gin.Context) {
	var q struct{ Page int }
	_ = c.ShouldBind(&q) // want `c.ShouldBind reads the request body with no size limit \(a note, not a warning: only authenticated callers`
}

func Serve(key string) {
	r := gin.New()
	r.Use(apiKey(key))
	r.POST("/v1/chat/completions", getCompletionHandler(true))
	r.GET("/v1/things", listThings)
	r.Run(":8002")

	open := gin.New()
	open.POST("/v1/open", getOpenHandler())
	open.Run(":8003")
}

// publishHandler checks the caller's token itself, but only after it
// has read the whole body: anyone can send that body.
func publishHandler(check func(string) bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit$`
		if !check(r.Header.Get("Authorization")) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		_ = body
	}
}

// login checks the password first, then reads the body: only callers
// who hold it send the body.
func login(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != "admin" || pass != secret {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_, _ = io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit \(a note, not a warning: only authenticated callers`
}

var secret = "from-config"

func ServePublic(check func(string) bool) {
	mux := http.NewServeMux()
	mux.Handle("POST /v0/publish", publishHandler(check))
	mux.HandleFunc("POST /login", login)
	http.ListenAndServe(":8004", mux)
}
