// Package gowrap lets apiaudit stand in front of the go command that
// go/packages starts, so that the go command dies with apiaudit even when
// apiaudit is killed with SIGKILL.
//
// go/packages runs `go list` itself, through an exec.Cmd apiaudit never
// sees, so it cannot ask the kernel for a parent-death signal as it does
// for the programs it starts (internal/childproc). Instead, for a scan
// that loads Go, childproc.WrapGo puts a directory first on apiaudit's
// PATH that holds one link, named go, to apiaudit's own executable. A
// program that imports this package and is started through that link
// becomes the go command before the rest of it initialises: this
// package's init asks for SIGKILL on its parent's death, checks that the
// parent is still the apiaudit that set it up, restores the environment
// as the caller made it (PATH without the directory, none of the
// variables below), and replaces itself with the real go binary, found on
// PATH when the link was made. The parent-death signal is kept across
// exec, so `go list` is killed when apiaudit dies.
//
// The package imports only what the runtime initialises first, so that
// its init runs before the packages of the rest of the program (Go
// initialises, among the packages whose imports are done, the first by
// import path): starting the wrapper costs the runtime's start-up, not
// apiaudit's.
package gowrap

import (
	"os"
	"syscall"
)

// The variables through which childproc.WrapGo tells the wrapper what to
// run; the wrapper removes them before it runs the go command.
const (
	EnvGo     = "APIAUDIT_GO_WRAP_GO"     // absolute path of the real go binary
	EnvDir    = "APIAUDIT_GO_WRAP_DIR"    // the directory put first on PATH
	EnvParent = "APIAUDIT_GO_WRAP_PARENT" // apiaudit's process id
)

// Linked is true in every program that links this package: only such a
// program can be started as the wrapper.
var Linked = true

func init() {
	real, ok := syscall.Getenv(EnvGo)
	if !ok || len(os.Args) == 0 || base(os.Args[0]) != "go" {
		return
	}
	dir, _ := syscall.Getenv(EnvDir)
	parent, _ := syscall.Getenv(EnvParent)
	// The main goroutine runs init on the main thread, the one that calls
	// exec: the parent-death signal belongs to a thread, and the thread
	// that execs is the one the go command continues as.
	if err := setPdeathsig(); err != nil {
		fail("cannot ask for a parent-death signal", err)
	}
	if itoa(syscall.Getppid()) != parent {
		// apiaudit died before the signal was asked for.
		syscall.Exit(1)
	}
	argv := append([]string{"go"}, os.Args[1:]...)
	err := syscall.Exec(real, argv, Environ(syscall.Environ(), dir))
	fail("cannot run "+real, err)
}

// Environ is env as the caller of the wrapper made it: without the
// wrapper's variables, and with dir taken off the front of PATH.
func Environ(env []string, dir string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		switch {
		case hasPrefix(kv, EnvGo+"="), hasPrefix(kv, EnvDir+"="), hasPrefix(kv, EnvParent+"="):
			continue
		case hasPrefix(kv, "PATH=") && dir != "":
			p := kv[len("PATH="):]
			if p == dir {
				p = ""
			} else if hasPrefix(p, dir+":") {
				p = p[len(dir)+1:]
			}
			kv = "PATH=" + p
		}
		out = append(out, kv)
	}
	return out
}

func fail(what string, err error) {
	os.Stderr.WriteString("apiaudit: go command wrapper: " + what + ": " + err.Error() + "\n")
	syscall.Exit(127)
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func base(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
