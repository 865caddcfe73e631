package a

import (
	"net"
	"net/http"
	"time"
)

func packageLevel(h http.Handler, l net.Listener) {
	_ = http.ListenAndServe(":8080", h)                      // want `http.ListenAndServe serves with no read timeouts`
	_ = http.ListenAndServeTLS(":8443", "c.pem", "k.pem", h) // want `http.ListenAndServeTLS serves with no read timeouts`
	_ = http.Serve(l, h)                                     // want `http.Serve serves with no read timeouts`
}

func literals(h http.Handler) {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	_ = srv.ListenAndServe()

	plain := http.Server{Addr: ":8081", WriteTimeout: time.Second} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	_ = plain.ListenAndServe()

	zero := &http.Server{Addr: ":8082", ReadHeaderTimeout: 0} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
	_ = zero.ListenAndServe()
}

// Good cases: silent.

func withTimeouts(h http.Handler) {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	_ = srv.ListenAndServe()

	rt := http.Server{Addr: ":8081", ReadTimeout: 30 * time.Second}
	_ = rt.ListenAndServe()

	later := &http.Server{Addr: ":8082", Handler: h}
	later.ReadHeaderTimeout = 5 * time.Second
	_ = later.ListenAndServe()

	var declared = &http.Server{Addr: ":8083"}
	declared.ReadTimeout = time.Minute
	_ = declared.ListenAndServe()
}
