package cli

import (
	"fmt"
	"strings"
	"testing"
)

// TestByteCopyBaseline: a baseline recorded while a document and its copy
// differed stays quiet once the copy is byte-identical (the copy is
// skipped, so its entries are not stale), and the copy's findings are not
// reported again.
func TestByteCopyBaseline(t *testing.T) {
	project(t, map[string]string{
		"api/openapi.yaml":         specNoAuth,
		"site/public/openapi.yaml": strings.Replace(specNoAuth, "title: Shop", "title: Shop docs", 1),
	})
	if code, _, stderr := run(t, false, nil, "scan", "--write-baseline", "base.json"); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	writeTestFile(t, "site/public/openapi.yaml", specNoAuth)
	code, out, stderr := run(t, false, nil, "scan", "--baseline", "base.json", "--format", "json")
	if code != ExitOK || strings.Contains(out, "match no finding") || strings.Contains(out, "matches no finding") {
		t.Errorf("baseline after the copy became identical: exit %d\n%s\n%s", code, out, stderr)
	}
	if !strings.Contains(out, "skipped: a byte-identical copy of api/openapi.yaml, reported once") {
		t.Errorf("no notice names the copy:\n%s", out)
	}
}

// TestByteCopyShards: the copy is dropped before the inputs are split, so
// that whichever shard the copy falls in, the shards' merged report is the
// unsharded one: the first path in sorted order is reported, once.
func TestByteCopyShards(t *testing.T) {
	files := map[string]string{}
	for _, dir := range []string{"a", "b", "c", "d", "e", "f"} {
		files[dir+"/openapi.yaml"] = specNoAuth
	}
	project(t, files)
	base := []string{"scan", "-q", "--fail-on", "none", "--format", "json"}
	_, whole, _ := run(t, false, nil, base...)
	for _, f := range decodeScan(t, whole).Findings {
		if f.Location.File != "a/openapi.yaml" {
			t.Fatalf("unsharded: a finding of %s, want those of a/openapi.yaml only", f.Location.File)
		}
	}
	var shards []string
	for i := 1; i <= 3; i++ {
		name := fmt.Sprintf("s%d.json", i)
		run(t, false, nil, append(base, "--shard", fmt.Sprintf("%d/3", i), "-o", name)...)
		shards = append(shards, name)
	}
	if code, merged, stderr := run(t, false, nil, append([]string{"merge"}, shards...)...); code != ExitOK || merged != whole {
		t.Errorf("merged: exit %d %s\n%s", code, stderr, firstDiff(whole, merged))
	}
}
