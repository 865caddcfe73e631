package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// htmlReporter writes one self-contained HTML page: a static overview
// (counts, a chart, top rules and files, what was scanned, the run's
// settings) rendered here, and the findings embedded as JSON that the page's
// script renders on demand, a few hundred at a time, so that a report of
// thousands of findings opens at once.
//
// Safety: the page is built with html/template, and the JSON is encoded by
// encoding/json, which writes <, > and & as \u escapes, so no text from a
// scanned file can close the data's script element or add markup; the script
// only ever puts document text into the page as text (textContent), never as
// HTML. A Content-Security-Policy meta tag allows the page's own inline style
// and script (by their SHA-256) and nothing else: no remote script, style,
// font, image, frame or connection. The page links only to its own
// fragments; rule help addresses are shown as text.
type htmlReporter struct {
	opts Options
}

// Setting is one line of the run's settings shown by the HTML report
// ("fail on": "error").
type Setting struct {
	Name, Value string
}

// Snippet sizes: lines of context around a finding's line, the longest line
// kept whole, and how much of a longer line is shown around the column (a
// minified JSON document is one line of megabytes).
const (
	htmlContext   = 3
	htmlMaxLine   = 240
	htmlWindowPre = 80
)

// htmlBatch is how many findings the page renders at first and each time
// the reader asks for more; it is written into the page.
const htmlBatch = 200

//go:embed html_assets/report.html html_assets/report.css html_assets/report.js
var htmlAssets embed.FS

var (
	htmlCSS, htmlJS         string
	htmlCSSHash, htmlJSHash string
	htmlPage                *template.Template
)

func init() {
	css, err := htmlAssets.ReadFile("html_assets/report.css")
	if err != nil {
		panic(err)
	}
	js, err := htmlAssets.ReadFile("html_assets/report.js")
	if err != nil {
		panic(err)
	}
	page, err := htmlAssets.ReadFile("html_assets/report.html")
	if err != nil {
		panic(err)
	}
	htmlCSS, htmlJS = string(css), string(js)
	htmlCSSHash, htmlJSHash = cspHash(htmlCSS), cspHash(htmlJS)
	htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
		"plural": plural,
	}).Parse(string(page)))
}

// cspHash is the CSP source expression that allows exactly this inline text.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// htmlCSP forbids every load but the page's own inline style and script.
func htmlCSP() string {
	return "default-src 'none'; script-src " + htmlJSHash + "; style-src " + htmlCSSHash +
		"; img-src data:; base-uri 'none'; form-action 'none'"
}

// Families are the rule families, named by the first digit of a rule's
// number.
var families = []struct{ Digit, Name string }{
	{"1", "Authentication"},
	{"2", "Input bounds"},
	{"3", "Agent scope"},
	{"4", "Payload validation"},
	{"5", "Transport and hygiene"},
}

// familyOf is the first digit of a rule id's number ("OAS201" -> "2"), or ""
// for an id without digits.
func familyOf(id string) string {
	i := strings.IndexFunc(id, func(r rune) bool { return '0' <= r && r <= '9' })
	if i < 0 {
		return ""
	}
	return id[i : i+1]
}

// The embedded data: short keys, as a large report carries thousands of
// findings.
type (
	htmlData struct {
		Batch      int                 `json:"batch"`
		Families   map[string]string   `json:"families"`
		Files      []string            `json:"files"`
		Rules      map[string]htmlRule `json:"rules"`
		Findings   []htmlFinding       `json:"findings"`
		Suppressed []htmlFinding       `json:"suppressed"`
		// Src holds the lines the snippets show: file index -> line
		// number -> text (cut to htmlMaxLine).
		Src map[int]map[int]string `json:"src"`
	}
	htmlRule struct {
		Name     string   `json:"name"`
		Title    string   `json:"title"`
		Severity string   `json:"severity"`
		Summary  string   `json:"summary"`
		Why      string   `json:"why"`
		Fix      string   `json:"fix"`
		Bad      string   `json:"bad"`
		Good     string   `json:"good"`
		CWE      []int    `json:"cwe"`
		OWASP    []string `json:"owasp"`
		Help     string   `json:"help"`
	}
	htmlFinding struct {
		Rule     string     `json:"r"`
		Severity string     `json:"s"`
		Message  string     `json:"m"`
		Fix      string     `json:"x,omitempty"` // when it is not the rule's
		File     int        `json:"f"`           // index in Files; -1 = none
		Line     int        `json:"l,omitempty"`
		Column   int        `json:"c,omitempty"`
		Pointer  string     `json:"p,omitempty"`
		Excerpt  *excerpt   `json:"e,omitempty"`
		Flow     []htmlStep `json:"flow,omitempty"`
		Sup      *htmlSup   `json:"sup,omitempty"`
	}
	htmlStep struct {
		File    int      `json:"f"`
		Line    int      `json:"l,omitempty"`
		Column  int      `json:"c,omitempty"`
		Message string   `json:"m"`
		Excerpt *excerpt `json:"e,omitempty"`
	}
	// excerpt is the part of a long line around a column: Text starts at
	// byte From (1-based) of the line.
	excerpt struct {
		From int    `json:"o"`
		Text string `json:"t"`
	}
	htmlSup struct {
		Kind   string `json:"kind"`
		Reason string `json:"reason"`
		File   string `json:"file"`
		Line   int    `json:"line,omitempty"`
	}
)

// The overview, rendered by the template.
type (
	htmlView struct {
		CSP         string
		CSS         template.CSS
		JS, Data    template.JS
		Version     string
		Total       int
		Errors      int
		Warnings    int
		Notes       int
		FilesHit    int // files with findings
		ChartHeight int
		Families    []familyRow
		ChartMax    int
		TopRules    []countRow
		TopFiles    []countRow
		Documents   int      // OpenAPI documents scanned (lint.Result.Documents)
		Modules     int      // Go modules scanned
		Files       []string // every file read, Go sources included
		Suppressed  int
		InSource    int
		Baselined   int
		Settings    []Setting
		RulesRun    int
		Problems    []lint.Problem
		Notices     []lint.Problem
	}
	familyRow struct {
		Digit, Name          string
		Error, Warning, Note int
		Total                int
		Link                 string
		// The chart's bar: widths and x positions in SVG units.
		ErrorW, WarningW, NoteW         float64
		ErrorX, WarningX, NoteX, CountX float64
		Y                               int
	}
	countRow struct {
		Key, Label, Title string
		N                 int
		Link              string
	}
)

func (h *htmlReporter) Report(w io.Writer, r *lint.Result) error {
	rules := rulesByID(r)
	src := newSources(h.opts.Source)
	data := htmlData{
		Batch:      htmlBatch,
		Families:   map[string]string{},
		Rules:      map[string]htmlRule{},
		Findings:   make([]htmlFinding, 0, len(r.Findings)),
		Suppressed: make([]htmlFinding, 0, len(r.Suppressed)),
		Src:        map[int]map[int]string{},
	}
	for _, f := range families {
		data.Families[f.Digit] = f.Name
	}
	fileIndex := map[string]int{}
	fileOf := func(name string) int {
		if name == "" {
			return -1
		}
		i, ok := fileIndex[name]
		if !ok {
			i = len(data.Files)
			fileIndex[name] = i
			data.Files = append(data.Files, safe(name))
		}
		return i
	}
	// lines records the lines around line of file for the snippets, and
	// returns an excerpt when the line itself is too long to keep whole.
	lines := func(file string, fi, line, column int) *excerpt {
		if fi < 0 || line <= 0 {
			return nil
		}
		text := src.lines(file)
		if line > len(text) {
			return nil
		}
		m := data.Src[fi]
		if m == nil {
			m = map[int]string{}
			data.Src[fi] = m
		}
		for n := max(1, line-htmlContext); n <= min(len(text), line+htmlContext); n++ {
			if _, ok := m[n]; !ok {
				m[n] = safe(cut(text[n-1], 0, htmlMaxLine))
			}
		}
		if l := text[line-1]; len(l) > htmlMaxLine {
			from := max(0, min(column-1-htmlWindowPre, len(l)-htmlMaxLine))
			for from > 0 && !utf8.RuneStart(l[from]) {
				from--
			}
			return &excerpt{From: from + 1, Text: safe(cut(l, from, htmlMaxLine))}
		}
		return nil
	}
	convert := func(f lint.Finding) htmlFinding {
		rule := rules[f.RuleID]
		if _, ok := data.Rules[f.RuleID]; !ok && rule != nil {
			data.Rules[f.RuleID] = htmlRuleOf(rule)
		}
		hf := htmlFinding{
			Rule:     safe(f.RuleID),
			Severity: severityOf(f, rule).String(),
			Message:  safe(f.Message),
			File:     fileOf(f.Location.File),
			Line:     f.Location.Line,
			Column:   f.Location.Column,
			Pointer:  safe(f.Location.Pointer),
		}
		if fix := fixOf(f, rule); rule == nil || fix != rule.Doc.Fix {
			hf.Fix = safe(fix)
		}
		hf.Excerpt = lines(f.Location.File, hf.File, hf.Line, hf.Column)
		for _, st := range f.Flow {
			fi := fileOf(st.Location.File)
			hf.Flow = append(hf.Flow, htmlStep{
				File: fi, Line: st.Location.Line, Column: st.Location.Column, Message: safe(st.Message),
				Excerpt: lines(st.Location.File, fi, st.Location.Line, st.Location.Column),
			})
		}
		if s := f.Suppression; s != nil {
			hf.Sup = &htmlSup{Kind: s.Kind, Reason: safe(s.Reason), File: safe(s.Location.File), Line: s.Location.Line}
		}
		return hf
	}
	for _, f := range r.Findings {
		data.Findings = append(data.Findings, convert(f))
	}
	for _, f := range r.Suppressed {
		data.Suppressed = append(data.Suppressed, convert(f))
	}

	// encoding/json escapes <, >, &, U+2028 and U+2029: the text cannot end
	// the script element it sits in.
	js, err := json.Marshal(data)
	if err != nil {
		return err
	}
	view := overview(r, rules)
	view.CSP, view.CSS, view.JS = htmlCSP(), template.CSS(htmlCSS), template.JS(htmlJS)
	view.Data = template.JS(js)
	view.Version = cmp.Or(h.opts.ToolVersion, "dev")
	view.Settings = h.opts.Settings
	var b bytes.Buffer
	if err := htmlPage.Execute(&b, view); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

func htmlRuleOf(rule *lint.Rule) htmlRule {
	d := rule.Doc
	return htmlRule{
		Name: rule.Name, Title: d.Title, Severity: d.Default().String(),
		Summary: strings.TrimSpace(d.Summary), Why: strings.TrimSpace(d.Why), Fix: d.Fix,
		Bad: strings.TrimSpace(d.Bad), Good: strings.TrimSpace(d.Good),
		CWE: append([]int{}, d.CWE...), OWASP: append([]string{}, d.OWASP...), Help: rule.HelpURI(),
	}
}

// cut is at most n bytes of s from byte from on, ending on a rune boundary,
// with "…" when something was left off at the end.
func cut(s string, from, n int) string {
	s = s[from:]
	if len(s) <= n {
		return s
	}
	end := n
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}

// overview counts what the static part of the page shows.
func overview(r *lint.Result, rules map[string]*lint.Rule) htmlView {
	v := htmlView{
		Total:     len(r.Findings),
		RulesRun:  len(r.Rules),
		Baselined: r.Baselined,
		Problems:  r.Problems,
		Notices:   r.Notices,
	}
	t := count(r, rules)
	v.Errors, v.Warnings, v.Notes, v.FilesHit = t.errors, t.warnings, t.notes, t.files
	for _, f := range r.Suppressed {
		v.Suppressed++
		if f.Suppression != nil && f.Suppression.Kind == lint.SuppressedInSource {
			v.InSource++
		}
	}
	byFamily := map[string]*familyRow{}
	for _, fam := range families {
		byFamily[fam.Digit] = &familyRow{Digit: fam.Digit, Name: fam.Name}
	}
	byRule, byFile := map[string]int{}, map[string]int{}
	for _, f := range r.Findings {
		d := familyOf(f.RuleID)
		row := byFamily[d]
		if row == nil {
			row = &familyRow{Digit: d, Name: "Family " + d}
			if d == "" {
				row.Name = "Other"
			}
			byFamily[d] = row
		}
		switch severityOf(f, rules[f.RuleID]) {
		case lint.SeverityError:
			row.Error++
		case lint.SeverityWarning:
			row.Warning++
		default:
			row.Note++
		}
		row.Total++
		byRule[f.RuleID]++
		if f.Location.File != "" {
			byFile[f.Location.File]++
		}
	}
	const chartLeft, chartWidth = 190.0, 300.0
	for _, d := range slices.Sorted(maps.Keys(byFamily)) {
		v.ChartMax = max(v.ChartMax, byFamily[d].Total)
	}
	for i, d := range slices.Sorted(maps.Keys(byFamily)) {
		row := byFamily[d]
		if d == "" {
			row.Link = "#"
		} else {
			row.Link = "#" + url.Values{"family": {d}}.Encode()
		}
		if v.ChartMax > 0 {
			unit := chartWidth / float64(v.ChartMax)
			row.ErrorW, row.WarningW, row.NoteW = float64(row.Error)*unit, float64(row.Warning)*unit, float64(row.Note)*unit
		}
		row.ErrorX = chartLeft
		row.WarningX = row.ErrorX + row.ErrorW
		row.NoteX = row.WarningX + row.WarningW
		row.CountX = row.NoteX + row.NoteW + 6
		row.Y = i * 30
		v.Families = append(v.Families, *row)
	}
	v.ChartHeight = len(v.Families) * 30
	v.TopRules = top(byRule, func(id string) countRow {
		c := countRow{Key: id, Label: id, Link: "#" + url.Values{"rule": {id}}.Encode()}
		if rule := rules[id]; rule != nil {
			c.Title = rule.Name + ": " + rule.Doc.Title
		}
		return c
	})
	v.TopFiles = top(byFile, func(file string) countRow {
		return countRow{Key: file, Label: safe(file), Link: "#" + url.Values{"file": {file}}.Encode()}
	})
	v.Documents, v.Modules = r.Documents, r.Modules
	for _, f := range r.Files {
		v.Files = append(v.Files, safe(f))
	}
	return v
}

// top is the ten keys with the highest counts, ties by key.
func top(counts map[string]int, row func(string) countRow) []countRow {
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	var rows []countRow
	for _, k := range keys[:min(len(keys), 10)] {
		c := row(k)
		c.N = counts[k]
		rows = append(rows, c)
	}
	return rows
}

// sources reads the scanned files for the snippets, each once, through
// Options.Source; a file it cannot read has no snippets.
type sources struct {
	read  func(string) ([]byte, error)
	files map[string][]string
}

func newSources(read func(string) ([]byte, error)) *sources {
	return &sources{read: read, files: map[string][]string{}}
}

func (s *sources) lines(file string) []string {
	if s.read == nil {
		return nil
	}
	if l, ok := s.files[file]; ok {
		return l
	}
	var l []string
	if b, err := s.read(file); err == nil {
		text := strings.ReplaceAll(string(b), "\r\n", "\n")
		l = strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	}
	s.files[file] = l
	return l
}
