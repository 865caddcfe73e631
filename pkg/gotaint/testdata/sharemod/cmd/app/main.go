// Command app runs what a request asks for: a flow from src to sink.
package main

import (
	"net/http"

	"example.com/sharemod/sink"
	"example.com/sharemod/src"
)

func run(w http.ResponseWriter, r *http.Request) {
	_ = sink.Run(src.Query(r))
}

func main() {
	http.HandleFunc("/run", run)
	_ = http.ListenAndServe("localhost:8080", nil)
}
