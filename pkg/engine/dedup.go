package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// sameDocuments drops a document that another input holds with the same
// content in another format: swagger.json next to swagger.yaml, as
// generators often write both. Only documents of one directory with one
// name are compared, so the cost is paid only where the case can arise.
// The one kept is the first by path; the other is named in a notice.
func sameDocuments(inputs []Input) (kept []Input, notices []lint.Problem) {
	groups := map[string][]int{}
	for i, in := range inputs {
		if in.Kind == KindOpenAPI {
			key := strings.TrimSuffix(in.Abs, filepath.Ext(in.Abs))
			groups[key] = append(groups[key], i)
		}
	}
	drop := map[int]bool{}
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		idx := groups[key]
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(a, b int) int { return strings.Compare(inputs[a].Abs, inputs[b].Abs) })
		sums := make([][]byte, len(idx))
		for k, i := range idx {
			sums[k] = contentSum(inputs[i].Abs, inputs[i].Size)
		}
		for k := 1; k < len(idx); k++ {
			for j := 0; j < k; j++ {
				if sums[k] != nil && !drop[idx[j]] && bytes.Equal(sums[k], sums[j]) {
					drop[idx[k]] = true
					notices = append(notices, lint.Problem{
						File:    relTo(inputs[idx[k]].Root, inputs[idx[k]].Abs),
						Message: "skipped: the same document as " + relTo(inputs[idx[j]].Root, inputs[idx[j]].Abs) + " in another format, reported once",
					})
					break
				}
			}
		}
	}
	for i, in := range inputs {
		if !drop[i] {
			kept = append(kept, in)
		}
	}
	return kept, notices
}

// contentSum is a digest of a document's content whatever its format: the
// YAML or JSON parsed, then written as JSON with sorted keys. nil when the
// file cannot be read or parsed (the loader reports that).
func contentSum(path string, size int64) []byte {
	// Only documents discovery read already come here, and they were within
	// the size limit then; the size of the input is the limit now.
	data, err := regfile.ReadFile(path, size, 0)
	if err != nil {
		return nil
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil
	}
	canon, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(canon)
	return sum[:]
}
