package precision

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Stratum is what the sample is drawn per: a rule at a severity.
type Stratum struct {
	Rule     string
	Severity string
}

// key identifies a finding across scans of the same source.
type key struct{ source, fingerprint string }

// rank orders findings for sampling: a hash of the seed, the source and the
// fingerprint. The order depends on nothing else, so a finding keeps its
// place when others come or go, and a sample of the same scans with the same
// seed is the same sample. A later scan in which some findings disappeared
// keeps every sampled finding that is still there, and judgments carry over.
func rank(seed int64, f Finding) uint64 {
	sum := sha256.Sum256([]byte(strconv.FormatInt(seed, 10) + "\x00" + f.Source + "\x00" + f.Fingerprint))
	return binary.BigEndian.Uint64(sum[:8])
}

// Population groups findings by stratum, keeping only the severities asked
// for. Findings that share a source and fingerprint (apiaudit reports the same
// message in the same function more than once) count once: the first by file
// and line stands for them.
func Population(scans []*Scan, severities []string) map[Stratum][]Finding {
	out := map[Stratum][]Finding{}
	seen := map[key]bool{}
	for _, s := range scans {
		fs := slices.Clone(s.Findings)
		slices.SortStableFunc(fs, func(a, b Finding) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		for _, f := range fs {
			if !slices.Contains(severities, f.Severity) || seen[key{f.Source, f.Fingerprint}] {
				continue
			}
			seen[key{f.Source, f.Fingerprint}] = true
			st := Stratum{f.Rule, f.Severity}
			out[st] = append(out[st], f)
		}
	}
	return out
}

// Sizes says how many findings to sample per rule at each severity; the key
// "" holds the size for severities not named.
type Sizes map[string]int

// ParseSizes reads "5", "error=10,warning=5" or "5,error=10".
func ParseSizes(s string) (Sizes, error) {
	z := Sizes{}
	for _, part := range strings.Split(s, ",") {
		sev, num, named := strings.Cut(strings.TrimSpace(part), "=")
		if !named {
			sev, num = "", sev
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("sample size %q: want a positive number, or severity=number", part)
		}
		if _, dup := z[sev]; dup {
			return nil, fmt.Errorf("sample size %q: given twice", part)
		}
		z[sev] = n
	}
	return z, nil
}

// For is the sample size of a rule at severity sev.
func (z Sizes) For(sev string) int {
	if n, ok := z[sev]; ok {
		return n
	}
	return z[""]
}

func (z Sizes) String() string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(z)) {
		if k == "" {
			parts = append(parts, strconv.Itoa(z[k]))
		} else {
			parts = append(parts, fmt.Sprintf("%s=%d", k, z[k]))
		}
	}
	return strings.Join(parts, ",")
}

// Sample draws up to sizes.For(severity) findings of each stratum: those of
// lowest rank for the seed. Each stratum's sample is ordered by rank.
func Sample(pop map[Stratum][]Finding, sizes Sizes, seed int64) map[Stratum][]Finding {
	out := map[Stratum][]Finding{}
	for _, st := range slices.SortedFunc(maps.Keys(pop), compareStrata) {
		fs := slices.Clone(pop[st])
		slices.SortFunc(fs, func(a, b Finding) int {
			return cmp.Or(cmp.Compare(rank(seed, a), rank(seed, b)),
				cmp.Compare(a.Source, b.Source), cmp.Compare(a.Fingerprint, b.Fingerprint))
		})
		out[st] = fs[:min(sizes.For(st.Severity), len(fs))]
	}
	return out
}

var severityOrder = map[string]int{"error": 0, "warning": 1, "note": 2}

func compareStrata(a, b Stratum) int {
	return cmp.Or(cmp.Compare(severityOrder[a.Severity], severityOrder[b.Severity]), cmp.Compare(a.Rule, b.Rule))
}
