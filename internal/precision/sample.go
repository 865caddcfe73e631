package precision

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
	"strconv"
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

// Sample draws up to n findings of each stratum: those of lowest rank for the
// seed. Each stratum's sample is ordered by rank.
func Sample(pop map[Stratum][]Finding, n int, seed int64) map[Stratum][]Finding {
	out := map[Stratum][]Finding{}
	for _, st := range slices.SortedFunc(maps.Keys(pop), compareStrata) {
		fs := slices.Clone(pop[st])
		slices.SortFunc(fs, func(a, b Finding) int {
			return cmp.Or(cmp.Compare(rank(seed, a), rank(seed, b)),
				cmp.Compare(a.Source, b.Source), cmp.Compare(a.Fingerprint, b.Fingerprint))
		})
		out[st] = fs[:min(n, len(fs))]
	}
	return out
}

var severityOrder = map[string]int{"error": 0, "warning": 1, "note": 2}

func compareStrata(a, b Stratum) int {
	return cmp.Or(cmp.Compare(severityOrder[a.Severity], severityOrder[b.Severity]), cmp.Compare(a.Rule, b.Rule))
}
