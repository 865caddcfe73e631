package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/module"
)

// TestExampleVendorIsUpstream: examples/agent-gateway/vendor is what
// "go mod vendor" writes, byte for byte. Some of it is not gofmt-clean
// (segmentio/asm's base64.go predates Go 1.19's doc-comment format), and
// the gofmt step of CI skips vendor/ for that reason: a vendored file is
// the module's, the go-sdk needs it (through segmentio/encoding/json), and
// reformatting it would make vendor/ differ from its module until the next
// "go mod vendor" undid it. Each vendored module found in the module cache
// is compared file by file; modules not in the cache are skipped (the test
// needs no network).
func TestExampleVendorIsUpstream(t *testing.T) {
	vendor := filepath.Join("..", "..", "examples", "agent-gateway", "vendor")
	list, err := os.ReadFile(filepath.Join(vendor, "modules.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	cache := strings.TrimSpace(string(out))
	compared := 0
	sc := bufio.NewScanner(bytes.NewReader(list))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 || f[0] != "#" || strings.HasPrefix(f[1], "#") {
			continue
		}
		path, version := f[1], f[2]
		escPath, err1 := module.EscapePath(path)
		escVersion, err2 := module.EscapeVersion(version)
		if err1 != nil || err2 != nil {
			t.Errorf("modules.txt: %s %s: %v %v", path, version, err1, err2)
			continue
		}
		upstream := filepath.Join(cache, filepath.FromSlash(escPath)+"@"+escVersion)
		if _, err := os.Stat(upstream); err != nil {
			continue // not in this machine's module cache
		}
		mine := filepath.Join(vendor, filepath.FromSlash(path))
		err := filepath.WalkDir(mine, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(mine, p)
			if d.IsDir() {
				// A nested module's packages are vendored under their own
				// path and compared with it.
				if rel != "." && strings.Contains(string(list), "# "+path+"/"+filepath.ToSlash(rel)+" ") {
					return filepath.SkipDir
				}
				return nil
			}
			got, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			want, err := os.ReadFile(filepath.Join(upstream, rel))
			if err != nil {
				t.Errorf("%s: vendored, but not in %s@%s: %v", filepath.ToSlash(filepath.Join(path, rel)), path, version, err)
				return nil
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s@%s: vendor/ must be what go mod vendor writes", filepath.ToSlash(filepath.Join(path, rel)), path, version)
			}
			compared++
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	}
	if compared == 0 {
		t.Skip("no vendored module of the example is in the module cache")
	}
	t.Logf("%d vendored files compared with the module cache", compared)
}
