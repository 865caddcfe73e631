package a

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Validators recognised by what they do (issue 11, item 3): a helper
// that trims its argument before checking it, a search for separators
// followed by an early return, a name pattern that allows dots inside a
// name but cannot match "." or "..".

func validateState(state string) error {
	trimmed := strings.TrimSpace(state)
	if trimmed == "" {
		return errors.New("empty")
	}
	if strings.Contains(trimmed, "/") || strings.Contains(trimmed, "\\") {
		return errors.New("separator")
	}
	if strings.Contains(trimmed, "..") {
		return errors.New("parent")
	}
	return nil
}

func unsafeFileName(name string) bool {
	if strings.TrimSpace(name) == "" {
		return true
	}
	return strings.ContainsAny(name, "/\\")
}

// checksDashes looks for the wrong thing: a name with '/' passes.
func checksDashes(name string) bool { return strings.Contains(name, "-") }

var (
	pluginID   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)
	dottedName = regexp.MustCompile(`^[A-Za-z0-9._-]+$`) // matches ".."
)

func validators(w http.ResponseWriter, r *http.Request) {
	state := r.FormValue("state")
	if err := validateState(state); err != nil {
		return
	}
	os.WriteFile(filepath.Join("/var/auth", ".oauth-"+state+".json"), nil, 0o600)

	name := strings.TrimSpace(r.FormValue("name"))
	if unsafeFileName(name) {
		return
	}
	os.ReadFile(filepath.Join("/var/auth", name))

	other := r.FormValue("other")
	if checksDashes(other) {
		return
	}
	os.ReadFile(filepath.Join("/var/auth", other)) // want `untrusted data reaches a file path in os.ReadFile`

	dir := r.FormValue("dir")
	if strings.IndexByte(dir, '/') >= 0 {
		return
	}
	os.ReadDir(filepath.Join("/var/auth", dir))

	id := r.FormValue("id")
	if !pluginID.MatchString(id) {
		return
	}
	os.RemoveAll(filepath.Join("/var/plugins", id))

	loose := r.FormValue("loose")
	if !dottedName.MatchString(loose) {
		return
	}
	os.RemoveAll(filepath.Join("/var/plugins", loose)) // want `untrusted data reaches a file path in os.RemoveAll`

	provider, err := normalizeProvider(r.FormValue("provider"))
	if err != nil {
		return
	}
	os.WriteFile(filepath.Join("/var/auth", provider+".json"), nil, 0o600)

	local := r.FormValue("local")
	if !filepath.IsLocal(local) {
		return
	}
	os.ReadFile(filepath.Join("/var/data", local))

	version := r.FormValue("version")
	if !validVersion(version) {
		return
	}
	os.RemoveAll(filepath.Join("/var/plugins", version))

	optional := r.FormValue("optional")
	if !emptyOrValid(optional) {
		return
	}
	os.RemoveAll(filepath.Join("/var/plugins", optional)) // want `untrusted data reaches a file path in os.RemoveAll`
}

// validVersion combines checks with &&: the verdict is false or the
// anchored pattern's.
func validVersion(v string) bool {
	return v != "" && !strings.HasPrefix(v, "v") && pluginID.MatchString(v)
}

// emptyOrValid says yes to any name with a prefix, whatever follows
// ("local:../../etc"): "||" with a constant true on one path is not the
// pattern's verdict there.
func emptyOrValid(v string) bool {
	return strings.HasPrefix(v, "local:") || pluginID.MatchString(v)
}

// normalizeProvider returns its argument, trimmed and lower-cased, only
// when every character is a letter, a digit or '-': what it returns is
// clean, as an empty name is too.
func normalizeProvider(provider string) (string, error) {
	trimmed := strings.ToLower(strings.TrimSpace(provider))
	if trimmed == "" {
		return "", errors.New("empty")
	}
	for _, r := range trimmed {
		switch {
		case r >= 'a' && r <= 'z':
		case r >= '0' && r <= '9':
		case r == '-':
		default:
			return "", errors.New("bad provider")
		}
	}
	return trimmed, nil
}

// Files the program creates itself: a capture of the request body in a
// temporary directory, removed afterwards.
type bodyCapture struct {
	dir   string
	parts []string
}

func newCapture() (*bodyCapture, error) {
	dir, err := os.MkdirTemp("", "capture-*")
	if err != nil {
		return nil, err
	}
	return &bodyCapture{dir: dir}, nil
}

func (c *bodyCapture) write(data []byte) error {
	f, err := os.CreateTemp(c.dir, "part-*")
	if err != nil {
		return err
	}
	defer f.Close()
	c.parts = append(c.parts, f.Name())
	_, err = f.Write(data)
	return err
}

func (c *bodyCapture) cleanup() {
	for _, p := range c.parts {
		os.Remove(p)
	}
	os.RemoveAll(c.dir)
}

func captureBody(w http.ResponseWriter, r *http.Request) {
	c, err := newCapture()
	if err != nil {
		return
	}
	var body []byte
	json.NewDecoder(r.Body).Decode(&body)
	c.write(body)
	c.cleanup()
	os.Remove(filepath.Join(c.dir, r.FormValue("part"))) // want `untrusted data reaches a file path in os.Remove`
}

// A handler that stores a request value two fields below its receiver
// (h.cfg.keys) and then saves: the engine tracks one field below the
// receiver, so the save's configured directory would look like request
// data; the flow is graded as stored state.
type settings struct {
	keys     []string
	excluded map[string][]string
	dir      string
}

type admin struct{ cfg *settings }

func (h *admin) persist() { os.MkdirAll(h.cfg.dir, 0o700) }

func (h *admin) reload() { os.ReadDir(h.cfg.dir) }

func (h *admin) putKeys(w http.ResponseWriter, r *http.Request) {
	var keys []string
	json.NewDecoder(r.Body).Decode(&keys)
	h.cfg.keys = keys
	h.persist() // want `untrusted data reaches a file path in admin.persist → os.MkdirAll at validators.go:\d+, from the request body .*\(a note, not an error: the data gets there only through an object.s state \(stored in h.cfg.keys at validators.go:\d+\)`
}

func (h *admin) excludeModels(w http.ResponseWriter, r *http.Request) {
	h.cfg.excluded[r.FormValue("provider")] = nil
	h.reload() // want `untrusted data reaches a file path in admin.reload → os.ReadDir at validators.go:\d+, from a form value .*\(a note, not an error: the data gets there only through an object.s state \(stored in h.cfg.excluded at validators.go:\d+\)`
}
