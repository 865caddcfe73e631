package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestCLIDocsAreCurrent fails when a command, flag or help text changed and
// docs/cli was not regenerated, or when docs/cli has a page of a command
// that is gone.
func TestCLIDocsAreCurrent(t *testing.T) {
	fresh := t.TempDir()
	if err := CLIDocs(fresh); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "cli")
	want := readDir(t, fresh)
	got := readDir(t, dir)
	for name, content := range want {
		switch old, ok := got[name]; {
		case !ok:
			t.Errorf("docs/cli/%s is missing: run go run ./cmd/gen-docs", name)
		case old != content:
			t.Errorf("docs/cli/%s is stale: run go run ./cmd/gen-docs", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("docs/cli/%s belongs to no command: run go run ./cmd/gen-docs, which deletes it", name)
		}
	}
	if len(want) < 2 {
		t.Fatalf("generated only %d pages", len(want))
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// TestManPages: a man page per command, with the release's date when
// SOURCE_DATE_EPOCH gives one, and the command's help in it; each page
// formats without a warning when groff is there (with preconv, -k, as
// man-db runs it: the help has UTF-8 in it).
func TestManPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	dir := t.TempDir()
	if err := ManPages(dir); err != nil {
		t.Fatal(err)
	}
	var want []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		want = append(want, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(docRoot())
	slices.Sort(want)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("man pages %q, want %q", got, want)
	}
	scan, err := os.ReadFile(filepath.Join(dir, "apiaudit-scan.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`.TH "APIAUDIT" "1" "Jan 2026" "apiaudit" "apiaudit manual"`, `\fB--shard\fP`, "apiaudit-scan - Audit", "Scan walks each PATH"} {
		if !strings.Contains(string(scan), s) {
			t.Errorf("apiaudit-scan.1 lacks %q", s)
		}
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Log("no groff: pages not formatted")
		return
	}
	for _, name := range got {
		cmd := exec.Command(groff, "-k", "-man", "-Tutf8", "-ww", "-z", filepath.Join(dir, name))
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("groff %s: %v\n%s", name, err, out)
		}
	}
}
