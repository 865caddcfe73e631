//go:build unix

package baseline

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestChangedSinceNonRegularFile checks that a tracked file replaced in the
// working tree by a named pipe, or by a link to one, counts as changed
// throughout, and that comparing it does not block: the file is opened
// without blocking and refused from what the open descriptor is.
func TestChangedSinceNonRegularFile(t *testing.T) {
	dir := gitRepo(t, map[string]string{"api/a.yaml": "a1\n", "api/b.yaml": "b1\n", "api/c.yaml": "c1\n"})
	pipe := filepath.Join(dir, "api/a.yaml")
	os.Remove(pipe)
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Remove(filepath.Join(dir, "api/b.yaml"))
	if err := os.Symlink("a.yaml", filepath.Join(dir, "api/b.yaml")); err != nil {
		t.Fatal(err)
	}
	c, err := ChangedSince(context.Background(), dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan [3]bool, 1)
	go func() {
		keep := func(f string) bool { return c.Keep(lint.Finding{Location: lint.Location{File: f, Line: 1}}) }
		got <- [3]bool{keep("api/a.yaml"), keep("api/b.yaml"), keep("api/c.yaml")}
	}()
	select {
	case g := <-got:
		if g != [3]bool{true, true, false} {
			t.Errorf("kept pipe, link to it, unchanged file = %v; want true, true, false", g)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("comparing a named pipe blocked")
	}
}
