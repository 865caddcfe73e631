package precision

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Tally counts a stratum's findings, its sample and the sample's verdicts.
type Tally struct {
	Population int // findings in the stratum
	Sampled    int
	Judged     int // sampled findings with a judgment
	TP, Noise  int
	FP         int
}

func (t *Tally) add(u Tally) {
	t.Population += u.Population
	t.Sampled += u.Sampled
	t.Judged += u.Judged
	t.TP += u.TP
	t.Noise += u.Noise
	t.FP += u.FP
}

// Precision is TP / judged, and false when nothing is judged.
func (t Tally) Precision() (float64, bool) {
	if t.Judged == 0 {
		return 0, false
	}
	return float64(t.TP) / float64(t.Judged), true
}

// Row is a stratum's tally.
type Row struct {
	Stratum
	Tally
}

// Group is the tally of several strata (a severity, or a kind of rule at a
// severity), with the precision each stratum shows weighted by its population.
type Group struct {
	Name string
	Tally
	// Weighted is sum(population × precision) / sum(population) over the
	// strata with at least one judged finding: an estimate for all findings
	// rather than for the sample, whose strata are equal in size.
	Weighted float64
	// Covered is the population of the strata Weighted is computed from.
	Covered int
}

// Moved is a sampled finding whose fingerprint is not the one judged, but
// whose rule, file and line are: most often a Go finding whose message was
// reworded. The judgment counts; a reviewer should check it still holds.
type Moved struct {
	Finding  Finding
	Judgment Judgment
}

// Measurement is the result of joining a sample with the judgments.
type Measurement struct {
	Rows       []Row   // per stratum, errors first, then by rule
	Severities []Group // per severity
	Kinds      []Group // per severity and kind of rule (GO, OAS, MCP)
	Unjudged   []Finding
	Moved      []Moved
	// Gone are judgments of a scanned source whose finding no longer appears
	// at any severity, by fingerprint or by rule, file and line.
	Gone []Judgment
	// OutsideSample counts judged findings that are still reported but not in
	// this sample (a smaller n, a new severity, or findings of lower rank
	// that came in).
	OutsideSample int
	// Verdicts of every judged finding found in the scans, sampled or not,
	// by its current severity.
	Present map[string]Tally
	// Documented is each rule's documented precision, when the caller has
	// it (ReadDocumentedPrecision); the report compares it with the sample
	// of the rule's findings at its default severity (Defaults). Findings
	// that context graded away from the default are shown beside it and not
	// compared: the rule already says, in their messages, that it is less
	// (or more) sure of them. With no default known, every severity is
	// compared.
	Documented map[string]string
	Defaults   map[string]string
}

// Measure joins the sample with the judgments. scans are every scan the
// sample was drawn from: judgments of other sources are neither counted nor
// reported gone.
func Measure(scans []*Scan, pop, sample map[Stratum][]Finding, judgments []Judgment) *Measurement {
	// Each finding (by source and fingerprint) gets at most one judgment,
	// and each judgment at most one finding: first by fingerprint, then,
	// for Go findings only, by rule, file and line. OpenAPI fingerprints
	// come from the JSON pointer, which rewording a message leaves alone,
	// and their lines are no identity (a one-line JSON document puts every
	// finding on line 1).
	type where struct {
		source, rule, file string
		line               int
	}
	byKey := map[key]int{}
	byPlace := map[where]int{}
	for i, j := range judgments {
		byKey[key{j.Location.Source, j.Fingerprint}] = i
		w := where{j.Location.Source, j.Rule, j.Location.File, j.Location.Line}
		if _, dup := byPlace[w]; dup {
			byPlace[w] = -1 // two judgments at one place: neither matches by place
		} else {
			byPlace[w] = i
		}
	}
	match := map[key]int{}
	moved := map[key]bool{}
	used := map[int]bool{}
	var current []Finding // each finding once, in scan order
	for _, s := range scans {
		for _, f := range s.Findings {
			k := key{f.Source, f.Fingerprint}
			if _, seen := match[k]; seen {
				continue
			}
			match[k] = -1
			current = append(current, f)
			if i, ok := byKey[k]; ok {
				match[k] = i
				used[i] = true
			}
		}
	}
	for _, f := range current {
		k := key{f.Source, f.Fingerprint}
		if match[k] >= 0 || f.Pointer != "" {
			continue
		}
		if i, ok := byPlace[where{f.Source, f.Rule, f.File, f.Line}]; ok && i >= 0 && !used[i] {
			match[k] = i
			moved[k] = true
			used[i] = true
		}
	}

	m := &Measurement{Present: map[string]Tally{}}
	sampled := map[key]bool{}
	for _, st := range slices.SortedFunc(maps.Keys(pop), compareStrata) {
		r := Row{Stratum: st}
		r.Population = len(pop[st])
		for _, f := range sample[st] {
			k := key{f.Source, f.Fingerprint}
			sampled[k] = true
			r.Sampled++
			i := match[k]
			if i < 0 {
				m.Unjudged = append(m.Unjudged, f)
				continue
			}
			j := judgments[i]
			if moved[k] {
				m.Moved = append(m.Moved, Moved{f, j})
			}
			r.Judged++
			count(&r.Tally, j.Verdict)
		}
		m.Rows = append(m.Rows, r)
	}

	sampledSeverity := map[string]bool{}
	for st := range pop {
		sampledSeverity[st.Severity] = true
	}
	for _, f := range current {
		k := key{f.Source, f.Fingerprint}
		i := match[k]
		if i < 0 {
			continue
		}
		t := m.Present[f.Severity]
		t.Judged++
		count(&t, judgments[i].Verdict)
		m.Present[f.Severity] = t
		if !sampled[k] && sampledSeverity[f.Severity] {
			m.OutsideSample++
		}
	}
	scanned := map[string]bool{}
	for _, s := range scans {
		scanned[s.Source] = true
	}
	for i, j := range judgments {
		if scanned[j.Location.Source] && !used[i] {
			m.Gone = append(m.Gone, j)
		}
	}

	m.Severities = group(m.Rows, func(st Stratum) string { return st.Severity })
	m.Kinds = group(m.Rows, func(st Stratum) string { return st.Severity + " " + Kind(st.Rule) })
	return m
}

func count(t *Tally, verdict string) {
	switch verdict {
	case TP:
		t.TP++
	case Noise:
		t.Noise++
	case FP:
		t.FP++
	}
}

// Kind is a rule's kind of input: the letters of its ID ("GO", "OAS", "MCP").
func Kind(rule string) string {
	return strings.TrimRight(rule, "0123456789")
}

func group(rows []Row, name func(Stratum) string) []Group {
	var out []Group
	idx := map[string]int{}
	sums := map[string]float64{}
	for _, r := range rows {
		n := name(r.Stratum)
		i, ok := idx[n]
		if !ok {
			i = len(out)
			idx[n] = i
			out = append(out, Group{Name: n})
		}
		out[i].add(r.Tally)
		if p, ok := r.Precision(); ok {
			sums[n] += p * float64(r.Population)
			out[i].Covered += r.Population
		}
	}
	for i := range out {
		if out[i].Covered > 0 {
			out[i].Weighted = sums[out[i].Name] / float64(out[i].Covered)
		}
	}
	return out
}

// Totals counts each source's findings by severity.
func Totals(scans []*Scan) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, s := range scans {
		c := map[string]int{"error": 0, "warning": 0, "note": 0}
		for _, f := range s.Findings {
			c[f.Severity]++
		}
		out[s.Source] = c
	}
	return out
}

func pct(t Tally) string {
	p, ok := t.Precision()
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*p)
}

// Write prints the measurement as markdown: the tables, then the findings a
// reviewer still has to judge (as judgments-file lines with the verdict to
// fill in), then moved and gone judgments.
func (m *Measurement) Write(w io.Writer, scans []*Scan) error {
	var b strings.Builder
	totals := Totals(scans)
	b.WriteString("## Sources\n\n| source | errors | warnings | notes | problems |\n|---|---:|---:|---:|---:|\n")
	for _, s := range slices.SortedFunc(slices.Values(scans), func(a, b *Scan) int { return cmp.Compare(a.Source, b.Source) }) {
		c := totals[s.Source]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", s.Source, c["error"], c["warning"], c["note"], s.Problems)
	}

	b.WriteString("\n## Precision by severity\n\n")
	b.WriteString("| slice | findings | sampled | judged | TP | NOISE | FP | precision (TP/judged) | weighted by rule |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, g := range slices.Concat(m.Severities, m.Kinds) {
		weighted := "–"
		if g.Covered > 0 {
			weighted = fmt.Sprintf("%.0f%% (of %d)", 100*g.Weighted, g.Covered)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %s | %s |\n",
			g.Name, g.Population, g.Sampled, g.Judged, g.TP, g.Noise, g.FP, pct(g.Tally), weighted)
	}

	b.WriteString("\n## Precision by rule\n\n")
	b.WriteString("| rule | severity | findings | sampled | judged | TP | NOISE | FP | precision | documented | supports |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
	var overstated []string
	for _, r := range m.Rows {
		doc, supports := m.Documented[r.Rule], "–"
		if p, ok := r.Precision(); ok {
			supports = Level(p)
			if def := m.Defaults[r.Rule]; def != "" && def != r.Severity {
				supports += " (graded, not compared)"
			} else if Overstated(doc, p) {
				supports += " (overstated)"
				overstated = append(overstated, fmt.Sprintf("%s at %s: documented %s, sample %s of %d", r.Rule, r.Severity, doc, pct(r.Tally), r.Judged))
			}
		}
		if doc == "" {
			doc = "–"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |\n",
			r.Rule, r.Severity, r.Population, r.Sampled, r.Judged, r.TP, r.Noise, r.FP, pct(r.Tally), doc, supports)
	}
	if len(overstated) > 0 {
		fmt.Fprintf(&b, "\nDocumented precision above what the judged sample at the default severity supports (very-high ≥ 90%%, high ≥ 75%%, medium ≥ 50%%): %d\n\n", len(overstated))
		for _, o := range overstated {
			b.WriteString("- " + o + "\n")
		}
	}

	fmt.Fprintf(&b, "\nJudged findings still reported but outside this sample: %d.\n", m.OutsideSample)
	if len(m.Present) > 0 {
		b.WriteString("Every judged finding still reported, by its severity today:")
		for _, sev := range slices.SortedFunc(maps.Keys(m.Present), func(a, b string) int { return cmp.Compare(severityOrder[a], severityOrder[b]) }) {
			t := m.Present[sev]
			fmt.Fprintf(&b, " %s %d judged, %d TP (%s);", sev, t.Judged, t.TP, pct(t))
		}
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, "\n## Sampled, not yet judged (%d)\n\n", len(m.Unjudged))
	if len(m.Unjudged) > 0 {
		b.WriteString("Judge each with the code open, set the verdict (TP, FP or NOISE), replace the\n" +
			"message with a one-line reason, and add the line to the judgments file.\n\n```\n")
		for _, f := range m.Unjudged {
			msg := shorten(f.Message, 160)
			if f.Pointer != "" {
				msg += " (at " + f.Pointer + ")"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t?\t[%s] %s\n", f.Fingerprint, f.Rule, f.Location(), f.Severity, msg)
		}
		b.WriteString("```\n")
	}
	if len(m.Moved) > 0 {
		fmt.Fprintf(&b, "\n## Matched by rule, file and line, not fingerprint (%d): check the verdict still holds\n\n", len(m.Moved))
		for _, mv := range m.Moved {
			fmt.Fprintf(&b, "- %s %s: judged %s (%s, judgments line %d), now %s: %s\n",
				mv.Finding.Rule, mv.Finding.Location(), mv.Judgment.Fingerprint, mv.Judgment.Verdict, mv.Judgment.Line, mv.Finding.Fingerprint, mv.Finding.Message)
		}
	}
	if len(m.Gone) > 0 {
		fmt.Fprintf(&b, "\n## Judged, no longer reported (%d)\n\n", len(m.Gone))
		b.WriteString("A TP here is a true positive lost: check it was meant.\n\n")
		for _, j := range m.Gone {
			fmt.Fprintf(&b, "- %s %s %s (%s): %s\n", j.Verdict, j.Rule, j.Location, j.Fingerprint, j.Reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
