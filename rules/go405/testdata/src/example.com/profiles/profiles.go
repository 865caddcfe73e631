// Package profiles looks records up by a key from the request, through
// interfaces whose implementations are in sight.
package profiles

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
)

// A record looked up by key through an interface whose implementations
// are in sight: what they return decides. A store that reads the record
// from its table returns stored data; one that builds the record from the
// key passes the key on.
type profile struct{ Name, Dir string }

type profiles interface {
	Get(name string) (*profile, error)
}

type tableStore struct{ rows map[string]profile }

func (t *tableStore) Get(name string) (*profile, error) {
	p, ok := t.rows[name]
	if !ok {
		return nil, errors.New("no such profile")
	}
	return &p, nil
}

func activate(st profiles, w http.ResponseWriter, r *http.Request) {
	p, err := st.Get(r.FormValue("profile"))
	if err != nil {
		return
	}
	os.ReadDir(p.Dir)
}

type sessions interface {
	Find(id string) (*profile, error)
}

type dirSessions struct{ base string }

func (d *dirSessions) Find(id string) (*profile, error) {
	return &profile{Name: id, Dir: filepath.Join(d.base, id)}, nil
}

func openSession(st sessions, w http.ResponseWriter, r *http.Request) {
	s, err := st.Find(r.PathValue("id"))
	if err != nil {
		return
	}
	os.ReadDir(s.Dir) // want `untrusted data reaches a file path in os.ReadDir, from a path parameter .*\(a note, not an error: the data gets there only through an object.s state \(looked up by sessions.Find`
}
