// Package gostub sets up Go modules for tests that scan code built on an
// SDK: the SDK's stub, from testdata/gostubs, copied into the test's
// directory, and a module of the test's own that requires the SDK and
// replaces it with the stub. The tests of pkg/cli (tools lock) and
// pkg/engine (catalog rules on Go servers) share it.
package gostub

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// root is testdata/gostubs/src of this repository, found from this file so
// that it does not depend on the test's working directory.
func root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("gostub: cannot locate the repository")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "gostubs", "src")
}

// Copy copies the stub of module (such as "github.com/mark3labs/mcp-go")
// into dir, with a go.mod naming the module.
func Copy(t testing.TB, module, dir string) {
	t.Helper()
	from := filepath.Join(root(t), filepath.FromSlash(module))
	if _, err := os.Stat(from); err != nil {
		t.Fatalf("gostub: no stub of %s: %v", module, err)
	}
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// GoMod is the go.mod of module path requiring each of sdks, replaced by
// its stub under ./stubs/<last element of its path> (where Module copies
// it).
func GoMod(path string, sdks ...string) string {
	var req, repl strings.Builder
	for _, m := range sdks {
		req.WriteString("require " + m + " v0.0.0\n")
		repl.WriteString("replace " + m + " => ./stubs/" + stubDir(m) + "\n")
	}
	return "module " + path + "\n\ngo 1.26\n\n" + req.String() + "\n" + repl.String()
}

// Module writes, in dir, a module named path that requires each of sdks
// (their stubs copied under dir/stubs, see GoMod), and the files given
// (slash-separated paths relative to dir, and their text). Scans of dir
// should exclude stubs/**.
func Module(t testing.TB, dir, path string, files map[string]string, sdks ...string) {
	t.Helper()
	for _, m := range sdks {
		Copy(t, m, filepath.Join(dir, "stubs", stubDir(m)))
	}
	Write(t, dir, "go.mod", GoMod(path, sdks...))
	for name, text := range files {
		Write(t, dir, name, text)
	}
}

// Write writes text to the file name (slash-separated, relative to dir),
// making its directory.
func Write(t testing.TB, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func stubDir(module string) string { return module[strings.LastIndex(module, "/")+1:] }
