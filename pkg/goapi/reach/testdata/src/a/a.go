package a // want package:"stored: tool reaches command execution"

import (
	"net/http"
	"strings"

	"b"
)

func tool(cmd string) string { // want tool:"reaches command execution"
	b.Run(cmd)
	return cmd
}

func wrapper(s *b.Store) { // want wrapper:"reaches command execution, file removal, database write"
	s.Clear("/tmp")
	deep()
}

func deep() { // want deep:"reaches command execution"
	later()
}

func later() { // want later:"reaches command execution"
	_ = tool
}

func pure(s string) string { // silent
	return strings.ToUpper(s)
}

func send() { // want send:"reaches mutating HTTP request"
	http.NewRequest(http.MethodDelete, "http://x", nil)
}

func get() { // silent: GET does not change anything
	http.NewRequest("GET", "http://x", nil)
}

func recursive(n int) { // silent, and terminates
	if n > 0 {
		recursive(n - 1)
	}
}

// clean reaches what the implementations of b.Cleaner reach.
func clean(c b.Cleaner) { // want clean:"reaches file removal"
	c.Clean("/tmp/x")
}

// name calls an interface whose implementations reach nothing: silent.
func name(n b.Namer) string { return n.Name() }

// write calls a standard interface: not resolved, silent.
func write(w interface{ Write([]byte) (int, error) }) { w.Write(nil) }
