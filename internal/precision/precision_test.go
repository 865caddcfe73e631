package precision

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// findings makes n findings of rule at severity in source, fingerprints
// numbered from first.
func findings(source, rule, severity string, first, n int) []Finding {
	var out []Finding
	for i := first; i < first+n; i++ {
		out = append(out, Finding{Source: source, Rule: rule, Severity: severity,
			File: "f.go", Line: i, Fingerprint: fmt.Sprintf("%016x", i)})
	}
	return out
}

func fps(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Source+"/"+f.Fingerprint)
	}
	return out
}

func TestSampleIsSeededAndCapped(t *testing.T) {
	scans := []*Scan{{Source: "p", Findings: slices.Concat(
		findings("p", "GO101", "error", 0, 100),
		findings("p", "GO202", "warning", 100, 3),
		findings("p", "GO202", "note", 200, 4),
	)}}
	pop := Population(scans, []string{"error", "warning"})
	if len(pop) != 2 {
		t.Fatalf("strata %v, want GO101/error and GO202/warning only", pop)
	}
	a := Sample(pop, Sizes{"": 5}, 1)
	b := Sample(pop, Sizes{"": 5}, 1)
	c := Sample(pop, Sizes{"": 5}, 2)
	go101 := Stratum{"GO101", "error"}
	if got := len(a[go101]); got != 5 {
		t.Errorf("GO101 sample has %d findings, want 5", got)
	}
	if got := len(a[Stratum{"GO202", "warning"}]); got != 3 {
		t.Errorf("GO202 sample has %d findings, want all 3", got)
	}
	if !slices.Equal(fps(a[go101]), fps(b[go101])) {
		t.Errorf("same seed, different samples: %v and %v", fps(a[go101]), fps(b[go101]))
	}
	if slices.Equal(fps(a[go101]), fps(c[go101])) {
		t.Errorf("seeds 1 and 2 drew the same sample %v", fps(a[go101]))
	}
	// Not the first five by position: the sample is spread over the stratum.
	if slices.Equal(fps(a[go101]), fps(findings("p", "GO101", "error", 0, 5))) {
		t.Errorf("sample is the first five findings in file order")
	}

	// The order the scan lists findings in does not matter.
	rev := slices.Clone(scans[0].Findings)
	slices.Reverse(rev)
	d := Sample(Population([]*Scan{{Source: "p", Findings: rev}}, []string{"error", "warning"}), Sizes{"": 5}, 1)
	if !slices.Equal(fps(a[go101]), fps(d[go101])) {
		t.Errorf("reordered scan, different sample: %v and %v", fps(a[go101]), fps(d[go101]))
	}
}

// A finding keeps its place in the sample when others disappear, so the
// judgments of a baseline carry over to a later scan.
func TestSampleIsStableWhenFindingsGo(t *testing.T) {
	all := findings("p", "OAS201", "warning", 0, 50)
	st := Stratum{"OAS201", "warning"}
	before := Sample(Population([]*Scan{{Source: "p", Findings: all}}, []string{"warning"}), Sizes{"": 5}, 7)[st]
	dropped := before[2]
	var fewer []Finding
	for _, f := range all {
		if f.Fingerprint != dropped.Fingerprint {
			fewer = append(fewer, f)
		}
	}
	after := Sample(Population([]*Scan{{Source: "p", Findings: fewer}}, []string{"warning"}), Sizes{"": 5}, 7)[st]
	want := slices.Concat(before[:2], before[3:])
	if !slices.Equal(fps(after[:4]), fps(want)) {
		t.Errorf("after dropping %s: sample %v, want %v then one more", dropped.Fingerprint, fps(after), fps(want))
	}
	if slices.Contains(fps(after), "p/"+dropped.Fingerprint) {
		t.Errorf("dropped finding still sampled")
	}
}

func TestPopulationCountsAFingerprintOnce(t *testing.T) {
	f := Finding{Source: "p", Rule: "GO405", Severity: "error", File: "a.go", Line: 9, Fingerprint: "00000000000000aa"}
	g := f
	g.Line = 3
	h := f
	h.Source = "q" // same fingerprint, another project: another finding
	pop := Population([]*Scan{{Source: "p", Findings: []Finding{f, g}}, {Source: "q", Findings: []Finding{h}}}, []string{"error"})
	got := pop[Stratum{"GO405", "error"}]
	if len(got) != 2 || got[0].Line != 3 || got[1].Source != "q" {
		t.Errorf("population %+v, want p's first occurrence (line 3) and q's", got)
	}
}

func TestMeasureJoin(t *testing.T) {
	s, err := ReadScanFile("proj", "testdata/scan.json")
	if err != nil {
		t.Fatal(err)
	}
	if s.Problems != 1 || len(s.Findings) != 6 {
		t.Fatalf("scan: %d problems, %d findings; want 1 and 6", s.Problems, len(s.Findings))
	}
	js, err := ReadJudgments("testdata/judgments.tsv")
	if err != nil {
		t.Fatal(err)
	}
	scans := []*Scan{s}
	pop := Population(scans, []string{"error", "warning"})
	m := Measure(scans, pop, Sample(pop, Sizes{"": 5}, 1), js)

	want := []Row{
		{Stratum{"GO101", "error"}, Tally{Population: 3, Sampled: 3, Judged: 2, TP: 1, FP: 1}},
		{Stratum{"GO202", "warning"}, Tally{Population: 2, Sampled: 2, Judged: 1, Noise: 1}},
	}
	if !slices.Equal(m.Rows, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", m.Rows, want)
	}
	if got := fps(m.Unjudged); !slices.Equal(sorted(got), []string{"proj/00000000000000a3", "proj/00000000000000b1"}) {
		t.Errorf("unjudged %v, want a3 and b1", got)
	}
	// b9 is at the line b2 was judged at, by the same rule: a reworded message.
	if len(m.Moved) != 1 || m.Moved[0].Finding.Fingerprint != "00000000000000b9" || m.Moved[0].Judgment.Fingerprint != "00000000000000b2" {
		t.Errorf("moved %+v, want b9 matched to the judgment of b2", m.Moved)
	}
	// d1 was judged in proj and is gone; e1 is of a source not scanned.
	if len(m.Gone) != 1 || m.Gone[0].Fingerprint != "00000000000000d1" {
		t.Errorf("gone %+v, want d1 only", m.Gone)
	}
	// c1 is a note now: still reported, judged, outside the sampled severities.
	if n := m.Present["note"]; n.Judged != 1 || n.Noise != 1 {
		t.Errorf("judged notes %+v, want c1", n)
	}
	if m.OutsideSample != 0 {
		t.Errorf("outside sample %d, want 0", m.OutsideSample)
	}
	// With n = 1 each stratum samples one finding; the judged ones left out
	// are counted.
	m1 := Measure(scans, pop, Sample(pop, Sizes{"": 1}, 1), js)
	if got := m1.Rows[0].Sampled + m1.Rows[1].Sampled; got != 2 {
		t.Errorf("n=1 sampled %d, want 2", got)
	}
	judgedIn := m1.Rows[0].Judged + m1.Rows[1].Judged
	if m1.OutsideSample != 3-judgedIn {
		t.Errorf("n=1: %d judged in sample, %d outside; want 3 judged errors and warnings in all", judgedIn, m1.OutsideSample)
	}

	if m.Documented, m.Defaults, err = ReadDocumentedPrecision("testdata/rules"); err != nil {
		t.Fatal(err)
	}
	if len(m.Documented) != 2 || m.Documented["GO101"] != "high" || m.Defaults["GO101"] != "error" || m.Defaults["GO202"] != "error" {
		t.Errorf("documented precision %v, default severities %v; want GO101 and GO202 high, at error", m.Documented, m.Defaults)
	}
	var b strings.Builder
	if err := m.Write(&b, scans); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"| proj | 3 | 2 | 1 | 1 |",
		"| GO101 | error | 3 | 3 | 2 | 1 | 0 | 1 | 50% | high | medium (overstated) |",
		// GO202's warnings are graded down from its default (error): shown,
		// not held against the documented precision.
		"| GO202 | warning | 2 | 2 | 1 | 0 | 1 | 0 | 0% | high | low (graded, not compared) |",
		"- GO101 at error: documented high, sample 50% of 2",
		"| error | 3 | 3 | 2 | 1 | 0 | 1 | 50% | 50% (of 3) |",
		"| warning GO | 2 | 2 | 1 | 0 | 1 | 0 | 0% | 0% (of 2) |",
		"00000000000000a3\tGO101\tproj:cmd/b.go:5\t?\t[error] route c has no authentication",
		"- TP OAS101 proj:api.yaml:4 (00000000000000d1): public write endpoint",
	} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("report lacks line %q:\n%s", line, b.String())
		}
	}
	if strings.Contains(b.String(), "GO202 at warning") {
		t.Errorf("a graded-down slice is listed as overstated:\n%s", b.String())
	}
}

func sorted(s []string) []string { slices.Sort(s); return s }

func TestGroupArithmetic(t *testing.T) {
	rows := []Row{
		{Stratum{"OAS101", "error"}, Tally{Population: 10, Sampled: 2, Judged: 2, TP: 2}},
		{Stratum{"OAS201", "error"}, Tally{Population: 30, Sampled: 2, Judged: 2, TP: 1, Noise: 1}},
		{Stratum{"GO101", "error"}, Tally{Population: 60, Sampled: 2}}, // nothing judged
		{Stratum{"OAS201", "warning"}, Tally{Population: 5, Sampled: 4, Judged: 4, TP: 1, FP: 3}},
	}
	gs := group(rows, func(st Stratum) string { return st.Severity })
	if len(gs) != 2 || gs[0].Name != "error" || gs[1].Name != "warning" {
		t.Fatalf("groups %+v", gs)
	}
	e := gs[0]
	if e.Population != 100 || e.Sampled != 6 || e.Judged != 4 || e.TP != 3 || e.Noise != 1 || e.Covered != 40 {
		t.Errorf("error group %+v", e)
	}
	if p, _ := e.Precision(); p != 0.75 {
		t.Errorf("sample precision %v, want 3/4", p)
	}
	if math.Abs(e.Weighted-0.625) > 1e-9 { // (10×1 + 30×0.5) / 40
		t.Errorf("weighted precision %v, want 0.625", e.Weighted)
	}
	if p, ok := (Tally{}).Precision(); ok || p != 0 {
		t.Errorf("precision of nothing judged: %v, %v", p, ok)
	}
	if k := Kind("OAS201"); k != "OAS" {
		t.Errorf("Kind(OAS201) = %q", k)
	}
}

func TestReadProjects(t *testing.T) {
	ps, err := ReadProjects("testdata/projects.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[0].Name != "alpha" || ps[0].Set != "tuning" || ps[1].Subdir != "services/api" || ps[1].Commit[:6] != "fedcba" || ps[2].Set != "fresh" {
		t.Errorf("projects %+v", ps)
	}
	line := "alpha\ttuning\thttps://github.com/o/alpha\t0123456789abcdef0123456789abcdef01234567\t.\n"
	for name, text := range map[string]string{
		"set":    strings.Replace(line, "tuning", "other", 1),
		"commit": strings.Replace(line, "0123456789abcdef01234567", "main", 1),
		"subdir": strings.Replace(line, "\t.\n", "\t../x\n", 1),
		"twice":  line + line,
		"fields": "alpha\ttuning\n",
		"corpus": strings.Replace(line, "alpha", "corpus", 1),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "projects.tsv")
			os.WriteFile(p, []byte(text), 0o644)
			if _, err := ReadProjects(p); err == nil || !strings.Contains(err.Error(), p+":") {
				t.Errorf("error %v, want one naming %s and the line", err, p)
			}
		})
	}
}

func TestReadJudgmentsErrors(t *testing.T) {
	ok := "00000000000000a1\tGO101\tproj:cmd/a.go:10\tTP\treason\n"
	for name, text := range map[string]string{
		"verdict":     strings.Replace(ok, "TP", "maybe", 1),
		"reason":      strings.Replace(ok, "reason", " ", 1),
		"location":    strings.Replace(ok, "proj:cmd/a.go:10", "cmd/a.go", 1),
		"line":        strings.Replace(ok, ":10", ":ten", 1),
		"fingerprint": strings.Replace(ok, "00000000000000a1", "xyz", 1),
		"twice":       ok + ok,
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "j.tsv")
			os.WriteFile(p, []byte(text), 0o644)
			if _, err := ReadJudgments(p); err == nil || !strings.Contains(err.Error(), p+":") {
				t.Errorf("error %v, want one naming %s and the line", err, p)
			}
		})
	}
	loc, err := ParseLocation("corpus:large/a:b.yaml:12")
	if err != nil || loc != (Location{"corpus", "large/a:b.yaml", 12}) {
		t.Errorf("ParseLocation = %+v, %v", loc, err)
	}
}

func TestReadScanRejectsOtherVersions(t *testing.T) {
	if _, err := ReadScan("p", strings.NewReader(`{"version": 2, "findings": []}`)); err == nil {
		t.Error("version 2 read without error")
	}
	if _, err := ReadScan("p", strings.NewReader(`{"version": 1, "findings": [`)); err == nil {
		t.Error("truncated report read without error")
	}
}

// The repository's own projects and judgments files parse, and every
// judgment names a source the projects file lists (or the corpus).
func TestRepositoryFiles(t *testing.T) {
	ps, err := ReadProjects("../../docs/precision/projects.tsv")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{Corpus: true}
	sets := map[string]int{}
	for _, p := range ps {
		names[p.Name] = true
		sets[p.Set]++
	}
	if sets["tuning"] == 0 || sets["acceptance"] < 3 {
		t.Errorf("projects by set %v: want the tuning projects and at least three for acceptance", sets)
	}
	js, err := ReadJudgments("../../docs/precision/judgments.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range js {
		if !names[j.Location.Source] {
			t.Errorf("judgments line %d: source %q is not in projects.tsv", j.Line, j.Location.Source)
		}
	}
}

// OpenAPI findings match judgments by fingerprint only: every finding of a
// one-line JSON document is on line 1, so the line says nothing.
func TestMeasureMatchesSpecFindingsByFingerprintOnly(t *testing.T) {
	judged := Finding{Source: "corpus", Rule: "OAS101", Severity: "error", File: "a.json", Line: 1, Pointer: "/paths/~1a/get", Fingerprint: "00000000000000f1"}
	other := Finding{Source: "corpus", Rule: "OAS101", Severity: "error", File: "a.json", Line: 1, Pointer: "/paths/~1b/get", Fingerprint: "00000000000000f2"}
	scans := []*Scan{{Source: "corpus", Findings: []Finding{other, judged}}}
	js := []Judgment{{Fingerprint: "00000000000000f1", Rule: "OAS101", Location: judged.Location(), Verdict: FP, Reason: "r"}}
	pop := Population(scans, []string{"error"})
	m := Measure(scans, pop, Sample(pop, Sizes{"": 5}, 1), js)
	if len(m.Moved) != 0 || len(m.Unjudged) != 1 || m.Unjudged[0].Fingerprint != "00000000000000f2" || m.Rows[0].FP != 1 {
		t.Errorf("moved %+v, unjudged %+v, rows %+v: want f1 judged FP by fingerprint and f2 unjudged", m.Moved, m.Unjudged, m.Rows)
	}
	// Without the judged finding, its judgment is gone, not moved to f2.
	scans[0].Findings = []Finding{other}
	pop = Population(scans, []string{"error"})
	m = Measure(scans, pop, Sample(pop, Sizes{"": 5}, 1), js)
	if len(m.Gone) != 1 || len(m.Unjudged) != 1 {
		t.Errorf("gone %+v, unjudged %+v: want the judgment gone and f2 unjudged", m.Gone, m.Unjudged)
	}
}

func TestSampleSizesBySeverity(t *testing.T) {
	scans := []*Scan{{Source: "p", Findings: slices.Concat(
		findings("p", "GO101", "error", 0, 20),
		findings("p", "GO101", "warning", 100, 20),
	)}}
	pop := Population(scans, []string{"error", "warning"})
	z, err := ParseSizes("3,error=8")
	if err != nil {
		t.Fatal(err)
	}
	s := Sample(pop, z, 1)
	if e, w := len(s[Stratum{"GO101", "error"}]), len(s[Stratum{"GO101", "warning"}]); e != 8 || w != 3 {
		t.Errorf("sampled %d errors and %d warnings, want 8 and 3", e, w)
	}
	// The first three errors of the larger sample are the smaller sample.
	small := Sample(pop, Sizes{"": 3}, 1)
	if !slices.Equal(fps(s[Stratum{"GO101", "error"}][:3]), fps(small[Stratum{"GO101", "error"}])) {
		t.Errorf("n=8 does not extend n=3")
	}
	if z.String() != "3,error=8" {
		t.Errorf("String() = %q", z.String())
	}
	for _, bad := range []string{"0", "x", "error=", "5,5", "error=-1"} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q) succeeded", bad)
		}
	}
}

func TestShortenKeepsRunesWhole(t *testing.T) {
	long := strings.Repeat("a → ", 100)
	got := shorten(long, 161)
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != 162 || !strings.HasSuffix(got, "…") {
		t.Errorf("shorten: %q", got)
	}
	if shorten("short", 160) != "short" {
		t.Error("short message changed")
	}
}

func TestLevels(t *testing.T) {
	for p, want := range map[float64]string{1: "very-high", 0.9: "very-high", 0.89: "high", 0.75: "high", 0.5: "medium", 0.49: "low", 0: "low"} {
		if got := Level(p); got != want {
			t.Errorf("Level(%v) = %s, want %s", p, got, want)
		}
	}
	if !Overstated("very-high", 0.8) || Overstated("high", 0.8) || Overstated("low", 0) || Overstated("", 0) {
		t.Error("Overstated disagrees with Level")
	}
}
