package yamlerr

import (
	"errors"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		err       string
		line, col int
		msg       string
	}{
		{"yaml: line 3: mapping values are not allowed in this context", 3, 0, "mapping values are not allowed in this context"},
		{"yaml: line 7, column 12: did not find expected key", 7, 12, "did not find expected key"},
		{"yaml: control characters\n  are not allowed", 0, 0, "control characters are not allowed"},
	} {
		line, col, msg := Split(errors.New(tc.err))
		if line != tc.line || col != tc.col || msg != tc.msg {
			t.Errorf("%q: %d:%d %q, want %d:%d %q", tc.err, line, col, msg, tc.line, tc.col, tc.msg)
		}
	}
}
