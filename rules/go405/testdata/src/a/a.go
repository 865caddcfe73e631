package a

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"example.com/wrap"
	"github.com/google/jsonschema-go/jsonschema"
	"github.com/mark3labs/mcp-go/mcp"
)

type exportRequest struct {
	File  string `json:"file"`
	Limit string `json:"limit"`
	Sort  string `json:"sort"`
}

func export(w http.ResponseWriter, r *http.Request) {
	var req exportRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	data, _ := os.ReadFile("/exports/" + req.File) // want `untrusted data reaches a file path in os.ReadFile, from the request body \(source at a.go:30\)`
	w.Write(data)
	os.ReadFile("/exports/" + filepath.Base(req.File))
}

func unmarshal(db *sql.DB, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var m map[string]any
	json.Unmarshal(body, &m)
	name, _ := m["name"].(string)
	db.Query("SELECT * FROM users WHERE name = '" + name + "'") // want `a SQL statement in DB.Query, from the request body \(source at a.go:\d+\) \(a warning, not an error: HTTP request data reaching a command`
	db.Query("SELECT * FROM users WHERE name = ?", name)
	n, _ := strconv.Atoi(r.FormValue("limit"))
	db.Query("SELECT * FROM users LIMIT " + strconv.Itoa(n))
	var req exportRequest
	json.Unmarshal(body, &req)
	switch req.Sort {
	case "name", "created":
		db.Query("SELECT * FROM users ORDER BY " + req.Sort)
	}
}

func command(r *http.Request) {
	host := r.URL.Query().Get("host")
	exec.Command("sh", "-c", "ping -c1 "+host) // want `command execution in exec.Command, from the request URL \(source at a.go:\d+\) \(a warning, not an error: HTTP request data reaching a command or a SQL statement`
	exec.Command("ping", "-c1", host)
	exec.Command("uptime")
}

// MCP tool data reaching SQL or paths is GO405's; reaching exec is GO307's.
func tool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args struct{ Path string }
	req.BindArguments(&args)
	os.Remove(args.Path) // want `a file path in os.Remove, from MCP tool arguments \(source at a.go:\d+\)$`
	exec.Command(args.Path)
	return nil, nil
}

func crossPackage(db *sql.DB, r *http.Request) {
	var req exportRequest
	json.NewDecoder(r.Body).Decode(&req)
	wrap.Find(db, "name = '"+req.File+"'") // want `a SQL statement in wrap.Find → DB.Query at wrap.go:\d+, from the request body`
	wrap.FindSafe(db, req.File)
}

// Field sensitivity: the session name is never set from the request, the
// message is; only a helper's use of the message would be a flow.
type chatRequest struct {
	Message string
	Session string
}

func lookupSession(req *chatRequest) ([]byte, error) {
	if req.Session == "" {
		return nil, nil
	}
	return os.ReadFile(filepath.Join("/sessions", req.Session))
}

func chatHandler(w http.ResponseWriter, r *http.Request) {
	var in struct{ Text string }
	json.NewDecoder(r.Body).Decode(&in)
	lookupSession(&chatRequest{Message: in.Text})
	lookupSession(&chatRequest{Session: in.Text}) // want `a file path in a.lookupSession → os.ReadFile at a.go:\d+, from the request body`
}

// Recursion: the path to the sink is printed once, not unrolled.
func expandDir(dir string, depth int) {
	if depth > 0 {
		walkDir(dir, depth-1)
	}
	os.ReadDir(dir)
}

func walkDir(dir string, depth int) { expandDir(dir+"/sub", depth) }

func recursive(w http.ResponseWriter, r *http.Request) {
	walkDir(r.FormValue("dir"), 3) // want `a file path in a.walkDir → a.expandDir → os.ReadDir at a.go:\d+, from a form value`
}

// One sink, many callers: the helper's os.ReadDir is one finding, at the
// first call, with the other calls as related locations.
func listDir(name string) ([]os.DirEntry, error) { return os.ReadDir(filepath.Join("/srv", name)) }

func listA(w http.ResponseWriter, r *http.Request) {
	listDir(r.FormValue("a")) // want `a file path in a.listDir → os.ReadDir at a.go:\d+, from a form value \(source at a.go:\d+\) \(and from 2 other calls, first at a.go:\d+\)`
}

func listB(w http.ResponseWriter, r *http.Request) { listDir(r.FormValue("b")) }

func listC(w http.ResponseWriter, r *http.Request) { listDir(r.PathValue("c")) }

// Guards and sanitisers (issue 11): validators of the package that
// return a verdict, patterns limited to safe characters, allow-lists,
// filepath.Base, os.Root, numbers and schema validation in a helper.
var (
	nameRE  = regexp.MustCompile(`^[a-z0-9_-]{1,32}$`)
	looseRE = regexp.MustCompile(`^[a-z0-9./]+$`)
	userRE  = regexp.MustCompile(`^user-([a-z0-9]+)$`)
	fileRE  = regexp.MustCompile(`^file=(.+)$`)
	videoRE = regexp.MustCompile(`(?:https?://)?(?:www\.)?video\.example/(?:watch\?v=|v/)([a-zA-Z0-9_-]+)`)
)

func validName(s string) bool { return nameRE.MatchString(s) }

func looseName(s string) bool { return looseRE.MatchString(s) }

var knownReports = map[string]bool{"daily": true, "weekly": true}

func checkReport(name string) error {
	if !knownReports[name] {
		return errors.New("unknown report")
	}
	return nil
}

var argsSchema *jsonschema.Resolved

func validateArgs(v map[string]any) error { return argsSchema.Validate(v) }

func guards(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !validName(name) {
		return
	}
	os.ReadFile("/data/" + name)

	report := r.FormValue("report")
	if err := checkReport(report); err != nil {
		return
	}
	os.ReadFile("/reports/" + report)

	if m := userRE.FindStringSubmatch(r.URL.Path); m != nil {
		os.ReadFile("/home/" + m[1])
	}
	k := r.FormValue("k")
	if _, ok := knownReports[k]; ok {
		os.ReadFile("/k/" + k)
	}
	os.ReadFile("/uploads/" + filepath.Base(r.FormValue("f")))
	if root, err := os.OpenRoot("/uploads"); err == nil {
		root.Open(r.FormValue("f"))
	}
	n, _ := strconv.Atoi(r.FormValue("n"))
	os.ReadFile(fmt.Sprintf("/pages/%d", n))

	var args map[string]any
	json.NewDecoder(r.Body).Decode(&args)
	if err := validateArgs(args); err != nil {
		return
	}
	os.ReadFile(args["path"].(string))
}

func weakGuards(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !looseName(name) {
		return
	}
	os.ReadFile("/data/" + name) // want `a file path in os.ReadFile, from a form value`
	if m := fileRE.FindStringSubmatch(r.URL.Path); m != nil {
		os.ReadFile("/files/" + m[1]) // want `a file path in os.ReadFile, from the request URL`
	}
	// A capture group of safe characters in a pattern that is not: the
	// group is clean, the whole match is not.
	if m := videoRE.FindStringSubmatch(r.FormValue("url")); len(m) > 1 {
		os.MkdirAll("/tmp/video-"+m[1], 0o755)
		os.MkdirAll("/tmp/match-"+m[0], 0o755) // want `a file path in os.MkdirAll, from a form value`
	}
}
