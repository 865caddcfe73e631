package a

import (
	"fmt"
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

// Loopback listeners are reported as notes that say why.
func loopback(h http.Handler, port int) {
	_ = http.ListenAndServe("127.0.0.1:8080", h)            // want `http.ListenAndServe serves with no read timeouts: it cannot set any, so serve from an http.Server with ReadHeaderTimeout set \(a note, not a warning: it listens on 127.0.0.1:8080, reachable from this machine only\)`
	srv := &http.Server{Addr: "localhost:8081", Handler: h} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout: set ReadHeaderTimeout \(and ReadTimeout\) \(a note, not a warning: it listens on localhost:8081`
	_ = srv.ListenAndServe()
	addr := fmt.Sprintf("[::1]:%d", port)
	_ = http.ListenAndServe(addr, h) // want `\(a note, not a warning: it listens on \[::1\]:%d`
	l, _ := net.Listen("tcp", "localhost:0")
	_ = http.Serve(l, h) // want `http.Serve serves with no read timeouts: .*\(a note, not a warning: it listens on localhost:0`
}

// Every interface, or an address not known here: still warnings.
func anyInterface(h http.Handler, addr string) {
	_ = http.ListenAndServe("0.0.0.0:8080", h) // want `http.ListenAndServe serves with no read timeouts: it cannot set any, so serve from an http.Server with ReadHeaderTimeout set$`
	_ = http.ListenAndServe(addr, h)           // want `ReadHeaderTimeout set$`
}
