// Package envhost listens on the host of the environment, loopback when
// it is unset, and on the port its caller names.
package envhost

import (
	"fmt"
	"net/http"
	"os"
)

func host() string {
	if h := os.Getenv("APP_HOST"); h != "" {
		return h
	}
	return "127.0.0.1"
}

func Serve(port string) error {
	return http.ListenAndServe(fmt.Sprintf("%s:%s", host(), port), http.NotFoundHandler())
}
