//go:build unix

package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// done fails the test if f does not return within a generous time: the
// failure this package prevents is a read that blocks forever.
func done(t *testing.T, what string, f func()) {
	t.Helper()
	ch := make(chan struct{})
	go func() { f(); close(ch) }()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

func TestRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(dir, "api.yaml")
	if err := os.WriteFile(reg, []byte("openapi: 3.0.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	regLink := filepath.Join(dir, "reglink.yaml")
	if err := os.Symlink(reg, regLink); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		flags Flags
		want  string // "" for a successful read
	}{
		{fifo, 0, "not a regular file (a named pipe)"},
		{link, 0, "not a regular file (a named pipe)"},
		{link, NoFollow, "not a regular file (a symbolic link)"},
		{"/dev/zero", 0, "not a regular file (a device)"},
		{dir, 0, "a directory named like a file"},
		{reg, NoFollow, ""},
		{regLink, 0, ""},
		{regLink, NoFollow, "not a regular file (a symbolic link)"},
	} {
		var data []byte
		var err error
		done(t, c.name, func() { data, err = ReadFile(c.name, 1<<20, c.flags) })
		switch {
		case c.want == "" && (err != nil || string(data) != "openapi: 3.0.3\n"):
			t.Errorf("%s: %q, %v", c.name, data, err)
		case c.want != "" && (err == nil || err.Error() != c.want || !IsRefused(err)):
			t.Errorf("%s (flags %d): got %v, want %q", c.name, c.flags, err, c.want)
		}
	}
}

func TestSizeLimit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(name, []byte(strings.Repeat("x", 3000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(name, 3000, 0); err != nil || len(data) != 3000 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
	_, err := ReadFile(name, 2048, 0)
	var tl *TooLargeError
	if !errors.As(err, &tl) || err.Error() != "the file is 3KB, over the 2KB limit" {
		t.Errorf("over the limit: %v", err)
	}
	// A file that grows after fstat is still cut at the limit.
	f, info, err := Open(name, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.WriteFile(name, []byte(strings.Repeat("x", 9000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAll(f, info.Size(), name, 4096); !errors.As(err, &tl) {
		t.Errorf("a file grown past the limit after it was opened: %v", err)
	}
}

// TestSwapRace swaps a name between a regular file and a named pipe while
// it is read: every read either gets the file's text or refuses the pipe,
// and none blocks. Checking the name before opening it, as the three
// readers did, blocks on the first open that meets the pipe.
func TestSwapRace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "api.yaml")
	reg := filepath.Join(dir, "reg")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.WriteFile(reg, []byte("openapi: 3.0.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(reg, name); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tmp := filepath.Join(dir, "tmp")
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			src := reg
			if i%2 == 1 {
				src = fifo
			}
			os.Remove(tmp)
			if os.Link(src, tmp) == nil {
				os.Rename(tmp, name)
			}
		}
	}()
	var read, refused int
	done(t, "reading a name swapped with a pipe", func() {
		for i := 0; i < 2000; i++ {
			data, err := ReadFile(name, 1<<20, NoFollow)
			switch {
			case err == nil && string(data) == "openapi: 3.0.3\n":
				read++
			case IsRefused(err):
				refused++
			case errors.Is(err, os.ErrNotExist):
			default:
				t.Errorf("read %d: %q, %v", i, data, err)
			}
		}
	})
	close(stop)
	wg.Wait()
	t.Logf("%d reads of the file, %d of the pipe refused", read, refused)
	if read == 0 || refused == 0 {
		t.Logf("the swap did not interleave both ways this time")
	}
}
