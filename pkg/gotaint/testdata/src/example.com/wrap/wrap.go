// Package wrap holds helpers that callers in another package use.
package wrap

import (
	"net/http"
	"os"
	"os/exec"
	"strings"
)

// Shell runs a command line.
func Shell(line string) error { // want `Shell: taint\(p0⇒command execution\)`
	return exec.Command("sh", "-c", line).Run()
}

// Query returns the q parameter.
func Query(r *http.Request) string { // want `Query: taint\(request data@result\)`
	return r.FormValue("q")
}

// Upper passes its argument through.
func Upper(s string) string { // want `Upper: taint\(p0→result\)`
	return strings.ToUpper(s)
}

// Fixed ignores its argument.
func Fixed(s string) string {
	return "fixed"
}

// Job is filled in by callers; only Dir is used as a path.
type Job struct {
	Dir   string
	Title string
}

// Prepare creates the job's directory; the title is only logged.
func Prepare(j *Job) error { // want `Prepare: taint\(p0.Dir⇒a file path\)`
	println(j.Title)
	return os.MkdirAll(j.Dir, 0o755)
}
