// Package twolisten serves its API on the --bind address, loopback by
// default, through a listener handed down to the function that serves
// it, and a status page on every interface: each server is judged by its
// own listener.
package twolisten

import (
	"fmt"
	"net"
	"net/http"
)

func Start(bind string, port int) error {
	l, err := net.Listen("tcp", fmt.Sprintf("%s:%d", bind, port))
	if err != nil {
		return err
	}
	go status()
	return serveAPI(l, http.NewServeMux())
}

func serveAPI(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h}
	return srv.Serve(l)
}

func status() error {
	sl, err := net.Listen("tcp", ":0")
	if err != nil {
		return err
	}
	return http.Serve(sl, http.NewServeMux())
}
