package a

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// A decoder that holds the upload and the configured key paths: the
// verifier reads the key paths through a type assertion on the interface
// it receives, which the engine cannot tell apart from the upload. The
// flow is reported as a warning that says why.
type pkgDecoder interface{ Manifest() string }

type keyConfig struct{ paths []string }

type zipPkg struct {
	data []byte
	keys *keyConfig
}

func (z *zipPkg) Manifest() string { return "manifest" }

var defaultKeys = &keyConfig{paths: []string{"/etc/keys/a.pem"}}

func verifyPkg(d pkgDecoder) bool {
	if z, ok := d.(*zipPkg); ok && z.keys != nil {
		for _, p := range z.keys.paths {
			if _, err := os.ReadFile(p); err != nil {
				return false
			}
		}
	}
	return true
}

func uploadPkg(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	d := &zipPkg{data: body, keys: defaultKeys}
	verifyPkg(d) // want `untrusted data reaches a file path in a.verifyPkg → os.ReadFile at objects.go:\d+, from the request body .* \(a warning, not an error: the data gets there only inside an object passed whole \(passed inside an object to a.verifyPkg at objects.go:\d+\)`
}

// A struct whose field the callee reads by name is followed field by
// field: the name chosen by the request reaches the path, and that stays
// an error.
type savedFile struct {
	name string
	dir  string
}

func storeFile(f *savedFile) { os.WriteFile(filepath.Join(f.dir, f.name), nil, 0o600) }

func putFile(w http.ResponseWriter, r *http.Request) {
	f := &savedFile{name: "upload-" + r.FormValue("name"), dir: "/srv/files"}
	storeFile(f) // want `untrusted data reaches a file path in a.storeFile → os.WriteFile at objects.go:\d+, from a form value \(source at objects.go:\d+\)$`
}

// Only the directory is read: the name from the request does not reach
// it, and nothing is reported.
func mkdirFor(f *savedFile) { os.MkdirAll(f.dir, 0o700) }

func prepare(w http.ResponseWriter, r *http.Request) {
	f := &savedFile{name: r.FormValue("name"), dir: "/srv/files"}
	mkdirFor(f)
}

// A path of more than four calls to the sink is a note that says why; four
// calls stay an error.
func hop1(p string) { hop2(p) }
func hop2(p string) { hop3(p) }
func hop3(p string) { hop4(p) }
func hop4(p string) { os.Remove(p) }

func removeFar(w http.ResponseWriter, r *http.Request) {
	hop1(r.FormValue("p")) // want `untrusted data reaches a file path in a.hop1 → a.hop2 → a.hop3 → a.hop4 → os.Remove at objects.go:\d+, from a form value .* \(a note, not an error: the path crosses 5 calls`
}

func removeNear(w http.ResponseWriter, r *http.Request) {
	hop2("/srv/uploads/" + r.FormValue("p")) // want `untrusted data reaches a file path in a.hop2 → a.hop3 → a.hop4 → os.Remove at objects.go:\d+, from a form value \(source at objects.go:\d+\)$`
}

// Request data used as it came is a warning that says why; tool
// arguments used as they came stay an error.
func removeAsItCame(w http.ResponseWriter, r *http.Request) {
	os.Remove(r.FormValue("p")) // want `untrusted data reaches a file path in os.Remove, from a form value \(source at objects.go:\d+\) \(a warning, not an error: request data is used as it came`
}

// Request data spliced into a path the program writes is a note too when
// the sink is far: over so many calls the text joined is often the
// configuration's own.
func far1(p string) { far2(p) }
func far2(p string) { far3(p) }
func far3(p string) { far4(p) }
func far4(p string) { os.RemoveAll(p) }

func removeFarSpliced(w http.ResponseWriter, r *http.Request) {
	far1("/srv/uploads/" + r.FormValue("p")) // want `untrusted data reaches a file path in a.far1 → a.far2 → a.far3 → a.far4 → os.RemoveAll at objects.go:\d+, from a form value \(source at objects.go:\d+\) \(a note, not an error: the path crosses 5 calls`
}
