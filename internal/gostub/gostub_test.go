package gostub

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModule checks the module Module writes: the go.mod requires and
// replaces the SDK with its stub, which is copied with a go.mod of its
// own, and the test's files are where they were asked to be.
func TestModule(t *testing.T) {
	dir := t.TempDir()
	Module(t, dir, "example.com/srv", map[string]string{"cmd/srv/main.go": "package main\n"}, "github.com/mark3labs/mcp-go")
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"module example.com/srv\n", "require github.com/mark3labs/mcp-go v0.0.0\n", "replace github.com/mark3labs/mcp-go => ./stubs/mcp-go\n"} {
		if !strings.Contains(string(mod), want) {
			t.Errorf("go.mod lacks %q:\n%s", want, mod)
		}
	}
	stubMod, err := os.ReadFile(filepath.Join(dir, "stubs", "mcp-go", "go.mod"))
	if err != nil || !strings.HasPrefix(string(stubMod), "module github.com/mark3labs/mcp-go\n") {
		t.Errorf("stub go.mod: %v\n%s", err, stubMod)
	}
	if _, err := os.Stat(filepath.Join(dir, "stubs", "mcp-go", "mcp")); err != nil {
		t.Errorf("the stub's mcp package was not copied: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cmd", "srv", "main.go")); err != nil {
		t.Error(err)
	}
}
