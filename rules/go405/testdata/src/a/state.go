package a

import (
	"net/http"
	"os"
	"path/filepath"
)

// A tool call adds a server to the configuration, and the save that
// follows writes the configuration to its configured path: a call's
// summary names one field of its receiver (cfg, not cfg.servers), so the
// flow is reported as a warning that says why.
type config struct {
	servers []string
	path    string
}

type runtime struct{ cfg *config }

func (rt *runtime) addServer(n string) { rt.cfg.servers = append(rt.cfg.servers, n) }

func (rt *runtime) save() { os.MkdirAll(filepath.Dir(rt.cfg.path), 0o700) }

type proxy struct {
	rt     *runtime
	logDir string
	names  []string
}

func (p *proxy) addUpstream(w http.ResponseWriter, r *http.Request) {
	p.rt.addServer(r.FormValue("name"))
	p.rt.save() // want `untrusted data reaches a file path in runtime.save → os.MkdirAll at state.go:22, from a form value .* \(a note, not an error: the data gets there only through an object.s state \(stored by runtime.addServer at state.go:31\)`
}

// One level of fields is followed exactly: the list of names is not the
// log directory.
func (p *proxy) remember(n string) { p.names = append(p.names, n) }

func (p *proxy) writeNames() { os.WriteFile(filepath.Join(p.logDir, "names"), nil, 0o600) }

func (p *proxy) addName(w http.ResponseWriter, r *http.Request) {
	p.remember(r.FormValue("name"))
	p.writeNames()
}
