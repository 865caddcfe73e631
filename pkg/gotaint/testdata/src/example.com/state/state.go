// Package state holds the engine's cases of contexts, of fields written
// through a method's receiver, and of data stored in an object's state.
package state

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/trace"
	"strings"
)

// Contexts: a context made by other code does not hold the data passed
// beside it, and passing a context to other code does not pass data.
type key struct{}

func traced(r *http.Request) {
	ctx, task := trace.NewTask(r.Context(), r.FormValue("op"))
	defer task.End()
	addrs, _ := net.DefaultResolver.LookupHost(ctx, "db.internal")
	os.ReadFile(addrs[0])
}

func contextValue(r *http.Request) {
	ctx := context.WithValue(r.Context(), key{}, r.FormValue("p"))
	os.ReadFile(ctx.Value(key{}).(string)) // want `a file path from a form value \(source at state.go:\d+\)$`
}

// Fields written through the receiver: adding a name to the list does
// not make the configured directory untrusted.
type Server struct {
	names  []string
	logDir string
	rt     *Runtime
}

func (s *Server) add(name string) { s.names = append(s.names, name) } // want `add: taint\(p1→p0.names\)`

func (s *Server) save() { // want `save: taint\(p0.logDir⇒a file path\)`
	os.WriteFile(filepath.Join(s.logDir, "names"), []byte(strings.Join(s.names, "\n")), 0o600)
}

func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) { // want `handleAdd: taint\(p0.logDir⇒a file path request data@p0.names\)`
	s.add(r.FormValue("name"))
	s.save()
}

// Data used directly by a method of the receiver is not stored state.
func (s *Server) handleRemove(w http.ResponseWriter, r *http.Request) { // want `handleRemove: taint\(p0.logDir⇒a file path\)`
	os.Remove(filepath.Join(s.logDir, r.FormValue("f"))) // want `a file path from a form value \(source at state.go:\d+\)$`
}

// Stored state two levels down: the engine tracks one level of fields,
// so the flow is kept and marked as going through stored state.
type Config struct {
	Servers []string
	Path    string
}

type Runtime struct{ cfg *Config }

func (rt *Runtime) addServer(n string) { rt.cfg.Servers = append(rt.cfg.Servers, n) } // want `addServer: taint\(p1→p0.cfg\)`

func (rt *Runtime) saveConfig() { os.MkdirAll(filepath.Dir(rt.cfg.Path), 0o700) } // want `saveConfig: taint\(p0.cfg⇒a file path\)`

func (s *Server) handleUpstream(w http.ResponseWriter, r *http.Request) { // want `handleUpstream: taint\(p0.rt⇒a file path request data@p0.rt\)`
	s.rt.addServer(r.FormValue("name"))
	s.rt.saveConfig() // want `a file path from a form value .* \[stored by Runtime.addServer\]`
}

// A record looked up by name through an interface whose implementation is
// out of sight comes from the store, not from the name.
type Record struct{ Name, Dir string }

type Store interface {
	Get(name string) (*Record, error)
}

func lookup(st Store, r *http.Request) { // want `lookup: taint\(p0⇒a file path\)`
	rec, err := st.Get(r.FormValue("server"))
	if err != nil {
		return
	}
	os.ReadDir(rec.Dir) // want `a file path from a form value .* \[looked up by Store.Get\]`
}

// A validator that checks every character against a class.
func validName(name string) error { // want `validName: taint\(checks p0\)`
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
		default:
			return os.ErrInvalid
		}
	}
	return nil
}

func validRunes(name string) bool { // want `validRunes: taint\(checks p0\)`
	for _, c := range name {
		if !(c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func scripts(r *http.Request) {
	name := r.FormValue("script")
	if err := validName(name); err != nil {
		return
	}
	os.ReadFile(filepath.Join("/scripts", name))
	other := r.FormValue("other")
	if !validRunes(other) {
		return
	}
	os.ReadFile(filepath.Join("/scripts", other))
	os.ReadFile(filepath.Join("/scripts", r.FormValue("raw"))) // want `a file path from a form value`
}
