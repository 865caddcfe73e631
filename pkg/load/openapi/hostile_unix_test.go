//go:build unix

package openapi

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRefToNonRegularFile checks that a $ref to a named pipe, directly or
// through a link inside the root, or to a directory, is refused with a
// problem at the $ref, and never blocks: the file is opened without
// blocking and refused from what the open descriptor is, so a file
// swapped for a pipe after any check is refused too.
func TestRefToNonRegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Symlink("pipe.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"pipe.yaml": "$ref to pipe.yaml: not a regular file (a named pipe)",
		"link.yaml": "$ref to link.yaml: not a regular file (a named pipe)",
		"dir.yaml":  "$ref to dir.yaml: a directory named like a file",
	} {
		spec := filepath.Join(dir, "api.yaml")
		doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '" + target + "#/S'}\n"
		if err := os.WriteFile(spec, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		errc := make(chan error, 1)
		go func() {
			_, err := Load(context.Background(), spec, "3.0", Options{Root: dir})
			errc <- err
		}()
		select {
		case err := <-errc:
			if err == nil || err.Error() != "api.yaml:11:24: "+want {
				t.Errorf("%s: err = %v; want %q at 11:24", target, err, want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: the load blocked", target)
		}
	}
}
