// Package sock serves on a Unix socket unless the user passes a TCP host:
// the command's --host flag defaults to DefaultHost.
package sock

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// DefaultHost is a per-user socket.
func DefaultHost() string {
	if os.PathSeparator == '\\' {
		return fmt.Sprintf("npipe:////./pipe/%s", "app.sock")
	}
	return "unix://" + filepath.Join(os.TempDir(), "app.sock")
}

// ParseHost splits "unix:///path" into its scheme and address.
func ParseHost(host string) (*url.URL, error) {
	proto, addr, ok := strings.Cut(host, "://")
	if !ok {
		return nil, fmt.Errorf("bad host %s", host)
	}
	return &url.URL{Scheme: proto, Host: addr}, nil
}

type Server struct {
	network, addr string
	h             *http.Server
}

func New(network, address string) *Server {
	s := &Server{network: network, addr: address}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/run", run)
	s.h = &http.Server{Handler: mux}
	return s
}

func run(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func (s *Server) ListenAndServe() error {
	ln, err := listen(s.network, s.addr)
	if err != nil {
		return err
	}
	return s.h.Serve(ln)
}

func listen(network, address string) (net.Listener, error) {
	if network == "unix" {
		os.Remove(address)
	}
	return net.Listen(network, address)
}
