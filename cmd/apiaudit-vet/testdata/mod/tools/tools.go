// Package tools keeps its tools in a table of unexported functions; the
// command runs them by name, in another package.
package tools

import "os/exec"

// Table holds the tools by name.
var Table = map[string]func(line string) (string, error){"shell": shell}

func shell(line string) (string, error) {
	out, err := exec.Command("sh", "-c", line).Output()
	return string(out), err
}
