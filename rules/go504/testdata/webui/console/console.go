// Package console is a server-rendered operator console: pages rendered
// through a helper, forms answered with a redirect to a page, the
// dashboard's JSON and its live websocket.
package console

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"

	"github.com/gorilla/websocket"
)

var pages = template.Must(template.New("base").Parse(`<html>{{.}}</html>`))

var upgrader websocket.Upgrader

// Console serves the operator console.
type Console struct{}

// show renders one of the console's templates: the helper every page uses.
func (c *Console) show(w http.ResponseWriter, name string, data any) {
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// layout renders through show: a helper of a helper.
func (c *Console) layout(w http.ResponseWriter, data any) { c.show(w, "base", data) }

func (c *Console) Login(w http.ResponseWriter, r *http.Request)  { c.show(w, "base", "login") }
func (c *Console) Home(w http.ResponseWriter, r *http.Request)   { c.layout(w, "home") }
func (c *Console) Agents(w http.ResponseWriter, r *http.Request) { c.show(w, "base", "agents") }
func (c *Console) Agent(w http.ResponseWriter, r *http.Request)  { c.show(w, "base", r.PathValue("id")) }

// SignIn and the other form posts answer with a redirect to a page.
func (c *Console) SignIn(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	http.Redirect(w, r, "/console/home", http.StatusSeeOther)
}

func (c *Console) SignOut(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/console/login?signed-out=1", http.StatusFound)
}

func (c *Console) PauseAgent(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/console/agents/"+r.PathValue("id"), http.StatusFound)
}

func (c *Console) RenameAgent(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, fmt.Sprintf("/console/agents/%s#name", r.PathValue("id")), http.StatusSeeOther)
}

// Stats is the JSON the home page polls.
func (c *Console) Stats(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]int{"agents": 3})
}

// Live pushes the dashboard's updates.
func (c *Console) Live(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil || conn == nil {
		return
	}
}
