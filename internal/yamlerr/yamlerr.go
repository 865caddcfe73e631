// Package yamlerr reads the position out of a go-yaml error, for the
// loaders that report a YAML file's syntax error as file:line:column.
package yamlerr

import (
	"regexp"
	"strconv"
	"strings"
)

var pos = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

// Split finds the line and column a go-yaml error names (0 when it names
// none), and returns its message on one line without the "yaml: " prefix
// and the position it named.
func Split(err error) (line, col int, msg string) {
	msg = strings.Join(strings.Fields(strings.TrimPrefix(err.Error(), "yaml: ")), " ")
	if m := pos.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			col, _ = strconv.Atoi(m[2])
		}
		if strings.HasPrefix(msg, m[0]+": ") {
			msg = msg[len(m[0])+2:]
		}
	}
	return line, col, msg
}
