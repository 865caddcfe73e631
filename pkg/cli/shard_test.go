package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestShardMerge: the JSON reports of 4 shards, merged, are byte for byte
// the report of the unsharded scan, and so are their SARIF reports, on the bundled examples (OpenAPI and Go)
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
			wholeSARIF := filepath.Join(out, "whole.sarif")
			code, whole, stderr := run(t, false, nil, append(base, "--output-sarif", wholeSARIF)...)
			if code == ExitError && whole == "" {
				t.Fatalf("unsharded: exit %d: %s", code, stderr)
			}
			var shards, sarifShards []string
			nonEmpty := 0
			for i := 1; i <= 4; i++ {
				file := filepath.Join(out, "shard"+strconv.Itoa(i)+".json")
				sarifFile := filepath.Join(out, "shard"+strconv.Itoa(i)+".sarif")
				args := append([]string{"scan", "--shard", strconv.Itoa(i) + "/4", "-o", file, "--output-sarif", sarifFile}, base[1:]...)
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
				sarifShards = append(sarifShards, sarifFile)
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
			code, merged, stderr = run(t, false, nil, append([]string{"merge"}, sarifShards...)...)
			if code != ExitOK {
				t.Fatalf("merge SARIF: exit %d: %s", code, stderr)
			}
			wantSARIF, err := os.ReadFile(wholeSARIF)
			if err != nil {
				t.Fatal(err)
			}
			if merged != string(wantSARIF) {
				t.Errorf("merged SARIF shards differ from the unsharded SARIF report:\n%s", firstDiff(string(wantSARIF), merged))
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

// TestShardMergeStaleBaseline: each shard sees part of the stale baseline
// entries and says so in its report; merged, the JSON and SARIF reports
// carry the one notice of the unsharded scan, which counts them all.
func TestShardMergeStaleBaseline(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"a", "b", "c", "d", "e", "f"} {
		// Distinct titles: byte-identical copies would be reported once.
		files[name+"/shop.yaml"] = strings.Replace(specNoAuth, "title: Shop", "title: Shop "+name, 1)
	}
	project(t, files)
	if code, _, stderr := run(t, false, nil, "scan", "--write-baseline", "base.json"); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	// Fix every document but one: their entries are stale.
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		writeTestFile(t, name+"/shop.yaml", "openapi: 3.0.3\ninfo: {title: Shop "+name+", version: \"1\"}\npaths: {}\n")
	}
	base := []string{"scan", "-q", "--fail-on", "none", "--baseline", "base.json", "--format", "json"}
	_, whole, _ := run(t, false, nil, append(base, "--output-sarif", "whole.sarif")...)
	if !strings.Contains(whole, "10 baseline entries match no finding") {
		t.Fatalf("unsharded: no stale notice for the 10 entries:\n%s", whole)
	}
	var jsons, sarifs []string
	staleShards := 0
	for i := 1; i <= 3; i++ {
		j, s := fmt.Sprintf("s%d.json", i), fmt.Sprintf("s%d.sarif", i)
		run(t, false, nil, append(base, "--shard", fmt.Sprintf("%d/3", i), "-o", j, "--output-sarif", s)...)
		data, err := os.ReadFile(j)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "match no finding") || strings.Contains(string(data), "matches no finding") {
			staleShards++
		}
		jsons, sarifs = append(jsons, j), append(sarifs, s)
	}
	if staleShards < 2 {
		t.Fatalf("%d shards have stale entries, want 2 or more for the test to mean anything", staleShards)
	}
	if code, merged, stderr := run(t, false, nil, append([]string{"merge"}, jsons...)...); code != ExitOK || merged != whole {
		t.Errorf("merged JSON: exit %d %s\n%s", code, stderr, firstDiff(whole, merged))
	}
	wantSARIF, _ := os.ReadFile("whole.sarif")
	if code, merged, stderr := run(t, false, nil, append([]string{"merge"}, sarifs...)...); code != ExitOK || merged != string(wantSARIF) {
		t.Errorf("merged SARIF: exit %d %s\n%s", code, stderr, firstDiff(string(wantSARIF), merged))
	}
	// Shards of scans with different baselines, or a mix of formats, are
	// not one scan.
	run(t, false, nil, "scan", "-q", "--fail-on", "none", "--write-baseline", "other.json")
	run(t, false, nil, append(base[:len(base)-4], "--baseline", "other.json", "--format", "json", "--shard", "1/3", "-o", "other1.json")...)
	if code, _, stderr := run(t, false, nil, "merge", "other1.json", jsons[1], jsons[2]); code != ExitError || !strings.Contains(stderr, "another baseline") {
		t.Errorf("merge of shards with two baselines: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, false, nil, "merge", jsons[0], sarifs[1]); code != ExitError || !strings.Contains(stderr, "merge the shards' reports of one format") {
		t.Errorf("merge of JSON and SARIF: exit %d, %s", code, stderr)
	}
}
