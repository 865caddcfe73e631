package engine

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"example.com/wrap"
)

type Req struct {
	Cmd  string
	Mode string
	N    int
}

// Unmarshal writes arg 0 into what arg 1 points to.
func unmarshal(w http.ResponseWriter, r *http.Request) { // want `unmarshal: taint\(p1.Body⇒command execution\)`
	b, _ := io.ReadAll(r.Body)
	var req Req
	json.Unmarshal(b, &req)
	exec.Command(req.Cmd).Run() // want `command execution from the request body`
}

// Decode writes the decoder's input into its argument.
func decode(w http.ResponseWriter, r *http.Request) { // want `decode: taint\(p1.Body⇒a file path\)`
	var req Req
	json.NewDecoder(r.Body).Decode(&req)
	os.Remove(req.Cmd) // want `a file path from the request body`
	os.Remove(strconv.Itoa(req.N))
}

// decodeInto is a helper with an out-parameter.
func decodeInto(r *http.Request, v any) error { // want `decodeInto: taint\(p0.Body→\*p1 request data@\*p1\)`
	return json.NewDecoder(r.Body).Decode(v)
}

func outParam(w http.ResponseWriter, r *http.Request) { // want `outParam: taint\(p1.Body⇒command execution\)`
	var req Req
	decodeInto(r, &req)
	exec.Command(req.Cmd) // want `command execution from the request body`
}

// Fields: a fixed field next to a tainted one stays clean.
type Prompt struct {
	System string
	User   []string
}

func fields(r *http.Request) {
	p := &Prompt{System: "fixed"}
	p.User = append(p.User, r.FormValue("q"))
	exec.Command(p.System)
	exec.Command(p.User[0]) // want `command execution from a form value`
}

// Methods: the receiver collects data.
func (p *Prompt) Add(s string) { p.User = append(p.User, s) } // want `Add: taint\(p1→p0.User\)`

func (p *Prompt) Text() string { return strings.Join(p.User, "\n") } // want `Text: taint\(p0.User→result\)`

func receiver(r *http.Request) { // want `receiver: taint\(p0.URL⇒command execution\)`
	var p Prompt
	p.Add(r.URL.Query().Get("q"))
	exec.Command(p.Text()) // want `command execution from the request URL`
}

// Closures share the enclosing function's state.
func closure(r *http.Request) {
	q := r.FormValue("q")
	run := func(s string) { exec.Command(s).Run() } // want `command execution from a form value`
	run(q)
	var captured string
	set := func() { captured = r.PathValue("id") }
	set()
	os.ReadFile(captured) // want `a file path from a path parameter`
}

// Helpers of the same package are summarised.
func build(s string) string { return "ls " + s } // want `build: taint\(p0→result\)`

func runIt(s string) { exec.Command("bash", "-c", s).Run() } // want `runIt: taint\(p0⇒command execution\)`

func helpers(r *http.Request) {
	runIt(build(r.FormValue("q"))) // want `command execution from a form value`
}

// Other packages through facts.
func crossPackage(db *sql.DB, r *http.Request) {
	wrap.Shell(r.FormValue("cmd"))                         // want `command execution from a form value`
	db.Query("select * from t where a = " + wrap.Query(r)) // want `a SQL statement from a form value`
	db.Query(wrap.Upper(r.FormValue("x")))                 // want `a SQL statement from a form value`
	db.Query(wrap.Fixed(r.FormValue("x")))
}

// Sanitizers: parsed integers, allow-lists, switches, constant commands.
var allowed = map[string]bool{"ls": true, "date": true}

func sanitized(r *http.Request) { // want `sanitized: taint\(p0.Body⇒command execution\)`
	n, _ := strconv.Atoi(r.FormValue("n"))
	os.ReadFile("/data/" + strconv.Itoa(n))
	c := r.FormValue("c")
	if !allowed[c] {
		return
	}
	exec.Command(c)
	var req Req
	json.NewDecoder(r.Body).Decode(&req)
	switch req.Mode {
	case "fast", "slow":
	default:
		return
	}
	exec.Command(req.Mode)
	exec.Command("git", "log", req.Cmd)
	if req.Cmd == "" {
		return
	}
	exec.Command(req.Cmd) // want `command execution from the request body`
}

// Field-sensitive summaries: a helper that uses one field of a struct
// parameter as a path is a flow only for callers whose value has that
// field untrusted, here and through facts.
type Session struct {
	Name    string // never set from a request
	Message string
}

func load(s *Session) ([]byte, error) { // want `load: taint\(p0.Name→result1 p0.Name⇒a file path\)`
	println(s.Message)
	return os.ReadFile("/sessions/" + s.Name)
}

func loadByValue(s Session) ([]byte, error) { // want `loadByValue: taint\(p0.Name→result1 p0.Name⇒a file path\)`
	return os.ReadFile(s.Name)
}

func send(s *Session) { load(s) } // want `send: taint\(p0.Name⇒a file path\)`

func fieldSensitive(r *http.Request) {
	s := &Session{Message: r.FormValue("m")}
	send(s)
	loadByValue(*s)
	wrap.Prepare(&wrap.Job{Title: r.FormValue("t")})
	named := &Session{Name: r.FormValue("n")}
	send(named)                                    // want `a file path from a form value`
	loadByValue(Session{Name: r.FormValue("n")})   // want `a file path from a form value`
	wrap.Prepare(&wrap.Job{Dir: r.FormValue("d")}) // want `a file path from a form value`
}
