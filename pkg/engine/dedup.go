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
	notices = append(notices, sameBytes(inputs, drop)...)
	for i, in := range inputs {
		if !drop[i] {
			kept = append(kept, in)
		}
	}
	return kept, notices
}

// sameBytes marks in drop the documents that are byte for byte a copy of
// another one found elsewhere in the scan (a docs site keeping its own copy
// of the API's description, a vendored spec): reported twice, every finding
// would be read twice. Only documents of one size are read and compared.
// A copy in another directory whose $refs reach other files is kept: its
// references may resolve to other documents there.
func sameBytes(inputs []Input, drop map[int]bool) (notices []lint.Problem) {
	bySize := map[int64][]int{}
	for i, in := range inputs {
		if in.Kind == KindOpenAPI && !drop[i] && in.Size > 0 {
			bySize[in.Size] = append(bySize[in.Size], i)
		}
	}
	for _, size := range slices.Sorted(maps.Keys(bySize)) {
		idx := bySize[size]
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(a, b int) int { return strings.Compare(inputs[a].Abs, inputs[b].Abs) })
		type doc struct {
			sum   [sha256.Size]byte
			local bool // every $ref points into the document itself
			ok    bool
		}
		docs := make([]doc, len(idx))
		for k, i := range idx {
			data, err := regfile.ReadFile(inputs[i].Abs, size, 0)
			if err != nil {
				continue // the loader reports it
			}
			docs[k] = doc{sum: sha256.Sum256(data), local: localRefsOnly(data), ok: true}
		}
		for k := 1; k < len(idx); k++ {
			for j := 0; j < k; j++ {
				a, b := inputs[idx[j]], inputs[idx[k]]
				if !docs[k].ok || !docs[j].ok || drop[idx[j]] || docs[k].sum != docs[j].sum {
					continue
				}
				if !docs[k].local && filepath.Dir(a.Abs) != filepath.Dir(b.Abs) {
					continue
				}
				drop[idx[k]] = true
				notices = append(notices, lint.Problem{
					File:    relTo(b.Root, b.Abs),
					Message: "skipped: a byte-identical copy of " + relTo(a.Root, a.Abs) + ", reported once",
				})
				break
			}
		}
	}
	return notices
}

// localRefsOnly reports whether every $ref in a document's text points
// into the document itself ("#/components/..."). It reads the text, not
// a parse: a value it cannot read counts as a reference elsewhere.
func localRefsOnly(data []byte) bool {
	const key = "$ref"
	for rest := data; ; {
		i := bytes.Index(rest, []byte(key))
		if i < 0 {
			return true
		}
		rest = rest[i+len(key):]
		v := bytes.TrimLeft(rest, "\"' \t")
		if len(v) == 0 || v[0] != ':' {
			continue // the word in a description, not a key
		}
		v = bytes.TrimLeft(v[1:], " \t\"'")
		if len(v) == 0 || v[0] != '#' {
			return false
		}
	}
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
