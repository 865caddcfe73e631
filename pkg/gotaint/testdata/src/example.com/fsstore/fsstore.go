// Package fsstore keeps items as files; Entity implements
// store.Storage through an embedded struct.
package fsstore

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

// Base holds the directory.
type Base struct{ Dir string }

func (b *Base) Delete(name string) error { // want `Delete: taint\(p0.Dir⇒a file path p1⇒a file path\)`
	return os.RemoveAll(b.path(name))
}

func (b *Base) path(name string) string { // want `path: taint\(p0.Dir→result p1→result\)`
	return filepath.Join(b.Dir, name)
}

// Item is what is stored.
type Item struct{ Body string }

// Entity is a Storage[Item].
type Entity struct{ Base }

func (e *Entity) Get(name string) (*Item, error) { // want `Get: taint\(p1→result1\)`
	return &Item{Body: name}, nil
}

// Shell runs command lines with a shell found at run time.
type Shell struct{ Bin string }

func (s Shell) Run(line string) error { // want `Run: taint\(p0.Bin⇒command execution p1⇒command execution\)`
	return exec.Command(s.Bin, "-c", line).Run()
}

// Echo runs a fixed program with the line as its argument: no shell.
type Echo struct{}

func (Echo) Run(line string) error {
	return exec.Command("echo", line).Run()
}

// Web fetches pages over HTTP: what it returns is untrusted.
type Web struct{}

func (Web) Fetch(u string) (string, error) { // want `Fetch: taint\(.*retrieved content@result.*\)`
	resp, err := http.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
