package engine

import (
	"cmp"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// versionToken is a version written in a document's file name: a date
// (2024-10-01, 20241001), a v-number (v2, v1.3) or a dotted number (2.22,
// 3.1.0), at the start of the name or after a separator. A bare number
// glued to a word (openapi3, service1) is not one: it names, it does not
// date.
var versionToken = regexp.MustCompile(`(?:^|[-_.])(\d{4}-\d{2}-\d{2}|\d{8}|v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)(?:$|[-_.])`)

// versionDir is a directory named by a version alone (2.14, v3,
// 2024-10-01).
var versionDir = regexp.MustCompile(`^(?:\d{4}-\d{2}-\d{2}|\d{8}|v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)$`)

// markOlderVersions finds the descriptions that are older versions of
// another one in the scan: documents of one directory whose names differ
// only in a version (fapi/2021-02-05.yml and fapi/2025-11-10.yml;
// api-v1.yaml and api-v2.yaml), or documents of one name in sibling
// directories named by versions (descriptions/2.9/api.yaml and
// descriptions/2.14/api.yaml). Repositories of published APIs keep every
// version they shipped, frozen: the newest is the one its authors edit,
// and a finding repeated in each older copy is read once per copy. It sets
// Newest on each older one. Names are enough: the documents are not read.
func markOlderVersions(inputs []Input) {
	type member struct {
		i       int
		version []int
	}
	groups := map[string][]member{}
	for i, in := range inputs {
		if in.Kind != KindOpenAPI {
			continue
		}
		base := filepath.Base(in.Abs)
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		if loc := lastToken(stem); loc != nil {
			key := filepath.Join(filepath.Dir(in.Abs), stem[:loc[0]]+"#"+stem[loc[1]:]+filepath.Ext(base))
			groups[key] = append(groups[key], member{i, versionNumbers(stem[loc[0]:loc[1]])})
			continue
		}
		// The nearest directory under the scan root named by a version
		// alone.
		rel := filepath.ToSlash(relTo(in.Root, in.Abs))
		els := strings.Split(rel, "/")
		for k := len(els) - 2; k >= 0; k-- {
			if versionDir.MatchString(els[k]) {
				key := strings.Join(els[:k], "/") + "/#/" + strings.Join(els[k+1:], "/")
				groups[in.Root+"\x00"+key] = append(groups[in.Root+"\x00"+key], member{i, versionNumbers(els[k])})
				break
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		g := groups[key]
		if len(g) < 2 {
			continue
		}
		newest := slices.MaxFunc(g, func(a, b member) int {
			if c := slices.Compare(a.version, b.version); c != 0 {
				return c
			}
			return cmp.Compare(inputs[a.i].Abs, inputs[b.i].Abs)
		})
		for _, m := range g {
			if m.i != newest.i && slices.Compare(m.version, newest.version) < 0 {
				inputs[m.i].Newest = relTo(inputs[newest.i].Root, inputs[newest.i].Abs)
			}
		}
	}
}

// lastToken is the position of the last version token in a file stem, or
// nil.
func lastToken(stem string) []int {
	all := versionToken.FindAllStringSubmatchIndex(stem, -1)
	if len(all) == 0 {
		return nil
	}
	m := all[len(all)-1]
	return m[2:4]
}

// versionNumbers reads a version token as numbers to compare: 2024-10-01
// is [2024 10 1], v1.3 is [1 3], 20241001 is [2024 10 1].
func versionNumbers(tok string) []int {
	tok = strings.TrimPrefix(tok, "v")
	if len(tok) == 8 && !strings.ContainsAny(tok, ".-") {
		tok = tok[:4] + "-" + tok[4:6] + "-" + tok[6:]
	}
	var out []int
	for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '.' || r == '-' }) {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// asOlderVersion lowers the findings of an older version of a description
// to notes, saying which version is reported at full severity. Their
// fingerprints stay: the finding is the same one, read at another level.
func asOlderVersion(findings []lint.Finding, newest string) {
	for i, f := range findings {
		if f.Severity == lint.SeverityError || f.Severity == lint.SeverityWarning {
			f.Severity = lint.SeverityNote
			f.Message += " (a note: an older version of the description; the newest, " + newest + ", is reported at full severity)"
			findings[i] = f
		}
	}
}
