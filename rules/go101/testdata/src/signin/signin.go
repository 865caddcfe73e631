// Package signin: the steps of signing in (a login, a provider's callback,
// the OAuth token and revocation endpoints) are reached before the caller
// holds a credential, so they are notes; the authorization endpoint and a
// resource merely named like a step keep the error.
package signin

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func save(c *gin.Context) {
	db.Exec("insert into sessions(user) values (?)", c.Param("user"))
}

func routes(r *gin.Engine) {
	api := r.Group("/api")
	api.POST("/auth/login", save)          // want `POST /api/auth/login reaches .* with no authentication \(a note, not an error: the route is a login endpoint, which callers reach before they hold a credential`
	api.GET("/auth/github/callback", save) // want `GET /api/auth/github/callback reaches .* \(a note, not an error: the route is a sign-in callback`
	r.POST("/token", save)                 // want `POST /token reaches .* \(a note, not an error: the route is an OAuth token endpoint`
	r.POST("/oauth2/revoke", save)         // want `POST /oauth2/revoke reaches .* \(a note, not an error: the route is a token revocation endpoint`
	r.POST("/authorize", save)             // want `POST /authorize reaches .* with no authentication$`
	api.POST("/tokens", save)              // want `POST /api/tokens reaches .* with no authentication$`
	api.POST("/agents/register", save)     // want `POST /api/agents/register reaches .* with no authentication$`
	r.Run(":8080")
}
