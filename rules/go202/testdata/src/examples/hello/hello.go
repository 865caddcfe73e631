// Package hello is an example: its findings are notes that say so.
package hello

import "net/http"

func main() {
	_ = http.ListenAndServe(":8080", nil) // want `http.ListenAndServe serves with no read timeouts: .* \(a note, not a warning: example code \(examples/\)\)`
}
