package a

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
)

// A decoder that holds the tool's upload and the configured key paths: the
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

func uploadTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Data string }
	req.BindArguments(&args)
	d := &zipPkg{data: []byte(args.Data), keys: defaultKeys}
	verifyPkg(d) // want `untrusted data reaches a file path in a.verifyPkg → os.ReadFile at objects.go:\d+, from MCP tool arguments .* \(a warning, not an error: the data gets there only inside an object passed whole \(passed inside an object to a.verifyPkg at objects.go:\d+\)`
	return nil, nil
}

// A struct whose field the callee reads by name is followed field by
// field: the name the tool call chose reaches the path, and that stays an
// error.
type savedFile struct {
	name string
	dir  string
}

func storeFile(f *savedFile) { os.WriteFile(filepath.Join(f.dir, f.name), nil, 0o600) }

func saveTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Name string }
	req.BindArguments(&args)
	storeFile(&savedFile{name: args.Name, dir: "/srv/files"}) // want `untrusted data reaches a file path in a.storeFile → os.WriteFile at objects.go:\d+, from MCP tool arguments \(source at objects.go:\d+\)$`
	return nil, nil
}

// Only the directory is read: the name does not reach it, and nothing is
// reported.
func mkdirFor(f *savedFile) { os.MkdirAll(f.dir, 0o700) }

func prepareTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Name string }
	req.BindArguments(&args)
	mkdirFor(&savedFile{name: args.Name, dir: "/srv/files"})
	return nil, nil
}

// A path of more than four calls to the sink is a note that says why; four
// calls stay an error.
func hop1(p string) { hop2(p) }
func hop2(p string) { hop3(p) }
func hop3(p string) { hop4(p) }
func hop4(p string) { os.Remove(p) }

func removeFar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Path string }
	req.BindArguments(&args)
	hop1(args.Path) // want `untrusted data reaches a file path in a.hop1 → a.hop2 → a.hop3 → a.hop4 → os.Remove at objects.go:\d+, from MCP tool arguments .* \(a note, not an error: the path crosses 5 calls`
	return nil, nil
}

func removeNear(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Path string }
	req.BindArguments(&args)
	hop2(args.Path) // want `untrusted data reaches a file path in a.hop2 → a.hop3 → a.hop4 → os.Remove at objects.go:\d+, from MCP tool arguments \(source at objects.go:\d+\)$`
	return nil, nil
}

// HTTP request data reaching a path is a note that says why, as it came or
// joined to the program's text.
func removeAsItCame(w http.ResponseWriter, r *http.Request) {
	os.Remove(r.FormValue("p")) // want `untrusted data reaches a file path in os.Remove, from a form value \(source at objects.go:\d+\) \(a note, not an error: on the projects judged, HTTP request data reaching a path or command was more often by design`
}

func uploadBody(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	os.WriteFile("/srv/uploads/"+string(body[:8]), body, 0o600) // want `untrusted data reaches a file path in os.WriteFile, from the request body \(source at objects.go:\d+\) \(a note, not an error: on the projects judged`
}
