// Package ui registers the routes of a small server-rendered UI, to check
// what the analyzer records of pages, redirects and websockets.
package ui

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/websocket"
	"github.com/labstack/echo/v4"
)

var (
	views = template.Must(template.New("v").Parse(`{{.}}`))
	up    websocket.Upgrader
)

type Site struct{}

func (s *Site) draw(w http.ResponseWriter, name string) { views.ExecuteTemplate(w, name, nil) }
func (s *Site) frame(w http.ResponseWriter)             { s.draw(w, "frame") }

func (s *Site) Index(w http.ResponseWriter, r *http.Request) { s.frame(w) }

// Mixed answers JSON and renders only its error page: not a page.
func (s *Site) Mixed(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("q") == "" {
		s.draw(w, "error")
		return
	}
	json.NewEncoder(w).Encode(1)
}

// Delegate calls another handler: not a helper.
func (s *Site) Delegate(w http.ResponseWriter, r *http.Request) { s.Index(w, r) }

func (s *Site) Save(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/site/notes/"+r.PathValue("id")+"/view", http.StatusSeeOther)
	http.Redirect(w, r, fmt.Sprintf("/site/list?page=%d", 2), http.StatusFound)
	http.Redirect(w, r, "/site/same", http.StatusTemporaryRedirect) // keeps the method
	http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
	http.Redirect(w, r, "//elsewhere.example/x", http.StatusFound)
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func (s *Site) Live(w http.ResponseWriter, r *http.Request) { up.Upgrade(w, r, nil) }

func routes(s *Site) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /site", s.Index)
	mux.HandleFunc("GET /site/mixed", s.Mixed)
	mux.HandleFunc("GET /site/delegate", s.Delegate)
	mux.HandleFunc("POST /site/save", s.Save)
	mux.HandleFunc("GET /site/live", s.Live)
	http.ListenAndServe(":8080", mux)

	g := gin.Default()
	g.POST("/g/form", func(c *gin.Context) { c.Redirect(http.StatusFound, "/g/done") })
	g.Run(":8081")

	e := echo.New()
	e.POST("/e/form", func(c echo.Context) error { return c.Redirect(http.StatusSeeOther, "/e/done?ok=1") })
	e.Start(":8082")

	app := fiber.New()
	app.Post("/f/form", func(c *fiber.Ctx) error { return c.Redirect("/f/done") })
	app.Post("/f/moved", func(c *fiber.Ctx) error { return c.Redirect("/f/done", 308) })
	app.Listen(":8083")
}
