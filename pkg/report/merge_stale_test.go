package report

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestMergeStale: an entry that one shard calls stale (it read the file
// and found nothing) but another shard matched (a file that both read) is
// not stale for the whole scan; the notice counts the others, and names
// the first in the baseline's order.
func TestMergeStale(t *testing.T) {
	e := func(i int) lint.BaselineEntry {
		return lint.BaselineEntry{Index: i, Fingerprint: "fp" + string(rune('0'+i)), RuleID: "OAS101", File: "shared.yaml", Message: "m"}
	}
	shards := []*lint.BaselineUse{
		{Name: "base.json", Entries: 5, Stale: []lint.BaselineEntry{e(1), e(3)}, Matched: []int{}},
		nil, // a shard without a baseline (nothing to say)
		{Name: "base.json", Entries: 5, Stale: []lint.BaselineEntry{e(4)}, Matched: []int{3}},
	}
	old, merged, err := mergeStale(shards, []string{"s1", "s2", "s3"})
	if err != nil {
		t.Fatal(err)
	}
	if len(old) != 2 || !strings.HasPrefix(old[0].Message, "2 baseline entries") || !strings.HasPrefix(old[1].Message, "1 baseline entry matches") {
		t.Errorf("the shards' own notices: %q", old)
	}
	if merged == nil || !strings.HasPrefix(merged.Message, "2 baseline entries match no finding") || !strings.Contains(merged.Message, "the first: fp1 ") {
		t.Errorf("merged notice: %+v, want 2 entries (1 and 4; 3 matched by the third shard), the first fp1", merged)
	}
	shards[2].Matched = []int{1, 3, 4}
	if _, merged, _ := mergeStale(shards, []string{"s1", "s2", "s3"}); merged != nil {
		t.Errorf("every entry matched somewhere: notice %+v, want none", merged)
	}
	shards[2].Entries = 6
	if _, _, err := mergeStale(shards, []string{"s1", "s2", "s3"}); err == nil || !strings.Contains(err.Error(), "merge s3: another baseline") {
		t.Errorf("two baselines: %v", err)
	}
}
