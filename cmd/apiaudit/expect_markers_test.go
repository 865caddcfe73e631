package main

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// hashExpect is the expect marker of files that take # comments (YAML,
// TOML); the JSONC client configurations use // comments.
var (
	hashExpect  = regexp.MustCompile(`# apiaudit: expect (MCP\d{3})\b`)
	slashExpect = regexp.MustCompile(`// apiaudit: expect (MCP\d{3})\b`)
)

// expectMarkers reads the expect markers of the files under root/dir (or
// the file root/dir itself) whose extension is one of exts: one
// "file:line RULE" entry a marker, the file relative to root with forward
// slashes, as the JSON report names it when scanned from root.
func expectMarkers(t *testing.T, root, dir string, marker *regexp.Regexp, exts ...string) []string {
	t.Helper()
	var want []string
	err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains(exts, filepath.Ext(path)) {
			return err
		}
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		defer fh.Close()
		rel, _ := filepath.Rel(root, path)
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			for _, m := range marker.FindAllStringSubmatch(sc.Text(), -1) {
				want = append(want, filepath.ToSlash(rel)+":"+strconv.Itoa(n)+" "+m[1])
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}
