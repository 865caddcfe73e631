package gosrc

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func globMatch(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }

// naiveSuppressing is what suppressing did before the index: every ignore
// of the file, for every finding.
func naiveSuppressing(igs []Ignore, f lint.Finding) *Ignore {
	var best *Ignore
	for i := range igs {
		ig := &igs[i]
		if ig.Rule == "" || ig.Reason == "" || !ig.Covers(f.Location.Line) || !globMatch(ig.Rule, f.RuleID) {
			continue
		}
		ig.Used = true
		if best == nil || closer(ig, best, f.Location.Line) {
			best = ig
		}
	}
	return best
}

// TestIgnoreIndexAgreesWithScan checks, on random files of line and
// declaration ignores (nested groups and overlapping spans included), that
// the index picks the same ignore for every finding and marks the same
// ignores used as trying every ignore of the file does.
func TestIgnoreIndexAgreesWithScan(t *testing.T) {
	rules := []string{"GO201", "GO202", "GO301", "GO2*", "", "GO40?"}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		var igs []Ignore
		for range r.IntN(40) {
			ig := Ignore{Rule: rules[r.IntN(len(rules))], Reason: "r", At: lint.Location{File: "a.go", Line: 1 + r.IntN(60)}}
			if r.IntN(8) == 0 {
				ig.Reason = ""
			}
			if r.IntN(2) == 0 {
				ig.Decl = "f"
				ig.FirstLine = ig.At.Line + r.IntN(2)
				ig.LastLine = ig.FirstLine + r.IntN(20)
			}
			igs = append(igs, ig)
		}
		naive := append([]Ignore(nil), igs...)
		x := newIgnoreIndex(igs, allIndices(len(igs)))
		for line := 1; line <= 90; line++ {
			for _, id := range []string{"GO201", "GO202", "GO301", "GO405"} {
				f := lint.Finding{RuleID: id, Location: lint.Location{File: "a.go", Line: line}}
				got, want := suppressing(x, f, globMatch), naiveSuppressing(naive, f)
				if (got == nil) != (want == nil) || got != nil && (got.At != want.At || got.Rule != want.Rule || got.FirstLine != want.FirstLine || got.LastLine != want.LastLine) {
					t.Fatalf("seed %d, %s line %d: index %+v, scan %+v", seed, id, line, got, want)
				}
			}
		}
		for i := range igs {
			if igs[i].Used != naive[i].Used {
				t.Fatalf("seed %d: ignore %+v used %v by the index, %v by the scan", seed, igs[i], igs[i].Used, naive[i].Used)
			}
		}
	}
}

// TestIgnoreIndexWork checks that matching grows with the ignores around
// a finding, not with all the ignores of its file: 20,000 ignores on
// their own lines and 40,000 findings in one file take at most a few
// candidate ignores per finding (the scan took 800 million).
func TestIgnoreIndexWork(t *testing.T) {
	const n = 20_000
	igs := make([]Ignore, n)
	for i := range igs {
		igs[i] = Ignore{Rule: fmt.Sprintf("GO%d", 200+i%10), Reason: "r", At: lint.Location{File: "a.go", Line: 2*i + 1},
			Decl: "f", FirstLine: 2*i + 2, LastLine: 2*i + 2}
	}
	x := newIgnoreIndex(igs, allIndices(n))
	visits, suppressed := 0, 0
	for i := range 2 * n {
		f := lint.Finding{RuleID: fmt.Sprintf("GO%d", 200+(i/2)%10), Location: lint.Location{File: "a.go", Line: i + 1}}
		x.covering(f.Location.Line, f.RuleID, func(int) { visits++ })
		if suppressing(x, f, globMatch) != nil {
			suppressed++
		}
	}
	if suppressed != 2*n {
		t.Errorf("%d of %d findings suppressed", suppressed, 2*n)
	}
	if visits > 4*2*n {
		t.Errorf("%d candidate ignores for %d findings", visits, 2*n)
	}
}
