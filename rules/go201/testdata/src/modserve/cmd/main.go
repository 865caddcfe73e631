// Command cmd builds the router, has the routes package register on it and
// hands it to setup.Start, which bounds every body.
package main

import (
	"net/http"

	"modserve/routes"
	"modserve/setup"
)

func main() {
	mux := http.NewServeMux()
	routes.Add(mux)
	_ = setup.Start(mux, ":8080")
}
