package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestShardMerge: the JSON reports of 4 shards, merged, are byte for byte
// the report of the unsharded scan, on the bundled examples (OpenAPI and Go)
// and, when /work/shared is there and APIAUDIT_SHARD_CORPUS is set, on the
// shared OpenAPI corpus.
func TestShardMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("scans the examples five times")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{"examples": filepath.Join(root, "examples")}
	// The shared corpus (78 MB, about ten minutes for five scans on a
	// shared machine) runs only when asked: .ci/run asks.
	corpus := filepath.Join(root, "..", "shared", "corpus", "openapi")
	if _, err := os.Stat(corpus); err == nil && os.Getenv("APIAUDIT_SHARD_CORPUS") != "" {
		cases["corpus"] = corpus
	}
	for name, dir := range cases {
		t.Run(name, func(t *testing.T) {
			t.Chdir(root)
			out := t.TempDir()
			base := []string{"scan", "--no-config", "--fail-on", "none", "-q", "--format", "json", dir}
			code, whole, stderr := run(t, false, nil, base...)
			if code == ExitError && whole == "" {
				t.Fatalf("unsharded: exit %d: %s", code, stderr)
			}
			var shards []string
			nonEmpty := 0
			for i := 1; i <= 4; i++ {
				file := filepath.Join(out, "shard"+strconv.Itoa(i)+".json")
				args := append([]string{"scan", "--shard", strconv.Itoa(i) + "/4", "-o", file}, base[1:]...)
				if code, _, stderr := run(t, false, nil, args...); code == ExitError && !strings.Contains(stderr, "problem") {
					if _, err := os.Stat(file); err != nil {
						t.Fatalf("shard %d: exit %d: %s", i, code, stderr)
					}
				}
				data, _ := os.ReadFile(file)
				if !strings.Contains(string(data), `"documents": 0,`) || !strings.Contains(string(data), `"modules": 0,`) {
					nonEmpty++
				}
				shards = append(shards, file)
			}
			if nonEmpty < 2 {
				t.Errorf("only %d of 4 shards scanned anything: the split does not split", nonEmpty)
			}
			code, merged, stderr := run(t, false, nil, append([]string{"merge"}, shards...)...)
			if code != ExitOK {
				t.Fatalf("merge: exit %d: %s", code, stderr)
			}
			if merged != whole {
				t.Errorf("merged shards differ from the unsharded report:\n%s", firstDiff(whole, merged))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

func TestShardFlag(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})
	for _, bad := range []string{"0/4", "5/4", "a/b", "1", "1/0"} {
		if code, _, stderr := run(t, false, nil, "scan", "--shard", bad); code != ExitError || !strings.Contains(stderr, "--shard") {
			t.Errorf("--shard %s: exit %d, %s", bad, code, stderr)
		}
	}
	// One document and two shards: one shard is empty, and that is not an
	// error, as long as the scan as a whole has something to scan.
	codes := 0
	for _, s := range []string{"1/2", "2/2"} {
		code, out, stderr := run(t, false, nil, "scan", "--fail-on", "none", "--shard", s)
		if code != ExitOK {
			t.Errorf("--shard %s: exit %d\n%s\n%s", s, code, out, stderr)
		}
		if strings.Contains(out, "scanned 1 OpenAPI document") {
			codes++
		}
	}
	if codes != 1 {
		t.Errorf("the document was scanned by %d shards, want 1", codes)
	}
	if code, _, stderr := run(t, false, nil, "merge", "shop.yaml"); code != ExitError || !strings.Contains(stderr, "not an apiaudit JSON report") {
		t.Errorf("merge of a non-report: exit %d, %s", code, stderr)
	}
}
