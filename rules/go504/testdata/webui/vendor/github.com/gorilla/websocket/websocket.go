// Package websocket is a stand-in with the one type and method the
// fixture calls.
package websocket

import "net/http"

// Conn is an upgraded connection.
type Conn struct{}

// Upgrader turns a request into a websocket connection.
type Upgrader struct{}

// Upgrade upgrades the request's connection.
func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, h http.Header) (*Conn, error) {
	return &Conn{}, nil
}
