//go:build unix

package cli

import (
	"strings"
	"syscall"
	"testing"
)

// TestToolsLockNamedPipe: the lock is usually committed in the scanned
// tree; a named pipe in its place is refused, not waited on.
func TestToolsLockNamedPipe(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("pipe.lock", 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, false, nil, "scan", "--tools-lock", "pipe.lock", ".")
	if code != ExitError || !strings.Contains(stderr, "--tools-lock pipe.lock: not a regular file (a named pipe)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
