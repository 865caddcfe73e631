// Command cmd hands its router to the setup function that sets no limit.
package main

import (
	"net/http"

	"modserveopen/routes"
	"modserveopen/setup"
)

func main() {
	mux := http.NewServeMux()
	routes.Add(mux)
	_ = setup.Start(mux, ":8080")
}
