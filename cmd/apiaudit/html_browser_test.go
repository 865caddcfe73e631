package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the HTML report's screenshots to docs/")

// browser finds a Chromium or Chrome to drive: $APIAUDIT_CHROME, else one
// on PATH. Tests that need one skip, saying so, where there is none.
func browser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("APIAUDIT_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (Debian: apt-get install chromium; or set APIAUDIT_CHROME): the HTML report is not checked in a browser")
	return ""
}

// page is a headless Chromium with one tab, started with a new empty
// profile and nothing that reaches the network on its own. It records
// script errors, console errors (a Content-Security-Policy violation is
// one) and every request that is not for the file itself.
type page struct {
	ctx context.Context
	mu  sync.Mutex
	bad []string
}

func newPage(t *testing.T, width, height int) *page {
	exe := browser(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(width, height),
	)
	t.Cleanup(cancelAlloc)
	p := &page{}
	tab, cancelTab := chromedp.NewContext(alloc, chromedp.WithListener(p.listen))
	t.Cleanup(cancelTab)
	p.ctx = tab
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	if _, err := chromedp.Call(tab, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	p.run(t, chromedp.EmulateViewport(int64(width), int64(height)))
	return p
}

// listen records what the page must never do. It runs on the tab's reading
// goroutine: it only appends, under the lock.
func (p *page) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		p.bad = append(p.bad, "script error: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.bad = append(p.bad, "console: "+ev.Entry.Text)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			p.bad = append(p.bad, "console.error")
		}
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; !strings.HasPrefix(u, "file://") {
			p.bad = append(p.bad, "request: "+u)
		}
	}
}

func (p *page) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// shot takes a screenshot of the window, or of the first element matching
// a CSS selector.
func (p *page) shot(t *testing.T, sel string) []byte {
	t.Helper()
	a := chromedp.CaptureScreenshot()
	if sel != "" {
		a = chromedp.Screenshot(chromedp.CSS(sel))
	}
	b, err := chromedp.Run(p.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// open loads a report from disk and waits for its script to render.
func (p *page) open(t *testing.T, file, fragment string) {
	t.Helper()
	p.run(t, chromedp.Navigate("file://"+filepath.ToSlash(file)+fragment),
		chromedp.WaitReady(chromedp.CSS(`html[data-ready="1"]`)))
}

// eval evaluates a JavaScript expression and decodes its value into out.
func (p *page) eval(t *testing.T, js string, out any) {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[json.RawMessage](js))
	if err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	if out != nil {
		if err := json.Unmarshal(v, out); err != nil {
			t.Fatalf("%v: %s", err, v)
		}
	}
}

// check fails the test on any script error, CSP violation or request.
func (p *page) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, b := range p.bad {
		t.Error(b)
	}
	p.bad = nil
}

// view is what the page shows: the overview's counts, the list's status
// line and the findings rendered.
type view struct {
	Error, Warning, Note, Suppressed int
	Shown, Total                     int
	Rows                             int
	Severities                       []string // of the rendered rows
	Rules                            []string
	Hash                             string
	Overflow                         bool // wider than the window
}

const viewJS = `(() => {
  const n = s => Number(document.querySelector(s).textContent);
  const rows = [...document.querySelectorAll('#list .finding')];
  return {
    Error: n('[data-count=error]'), Warning: n('[data-count=warning]'), Note: n('[data-count=note]'),
    Suppressed: n('[data-count=suppressed]'),
    Shown: n('#shown'), Total: n('#total'), Rows: rows.length,
    Severities: rows.map(r => r.querySelector('.badge').textContent),
    Rules: rows.map(r => r.querySelector('.rule code').textContent),
    Hash: location.hash,
    Overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
})()`

func (p *page) view(t *testing.T) view {
	t.Helper()
	var v view
	p.eval(t, viewJS, &v)
	return v
}

// waitShown waits until the status line shows n findings (the search box
// applies its filter after a short pause).
func (p *page) waitShown(t *testing.T, n int) {
	t.Helper()
	p.run(t, chromedp.Poll[chromedp.Void](fmt.Sprintf(`Number(document.querySelector('#shown').textContent) === %d`, n),
		chromedp.WithPollingTimeout(20*time.Second)))
}

// scanReport runs apiaudit on a path and writes its HTML and JSON reports.
func scanReport(t *testing.T, root string, args ...string) (html string, rep jsonReport) {
	t.Helper()
	dir := t.TempDir()
	html, js := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.json")
	t.Chdir(root)
	var out, errb bytes.Buffer
	args = append([]string{"scan", "--format", "html", "--output", html, "--output-json", js, "--include-suppressed", "--fail-on", "none", "--quiet"}, args...)
	if code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, args, &out, &errb); code != 0 {
		t.Fatalf("apiaudit %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	return html, rep
}

type jsonReport struct {
	Findings   []jsonFinding `json:"findings"`
	Suppressed []jsonFinding `json:"suppressed"`
}

type jsonFinding struct {
	RuleID   string `json:"ruleId"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Location struct {
		File         string
		Line, Column int
	} `json:"location"`
	Flow []struct {
		Message string `json:"message"`
	} `json:"flow"`
	Suppression *struct {
		Reason string `json:"reason"`
	} `json:"suppression"`
}

func bySeverity(fs []jsonFinding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}

// TestHTMLReportInBrowser opens the HTML report of examples/ from disk in
// a headless Chromium and checks what a reader sees: the counts equal the
// findings of the JSON report of the same scan, filters show exactly the
// matching rows and keep them in the URL, a taint flow opens as numbered
// steps with their code, suppressed findings appear on demand with their
// reasons, nothing breaks at phone width, printing leaves out the
// controls and keeps every finding, and the page requests nothing
// and breaks no Content-Security-Policy rule. It saves screenshots
// (go test -run HTMLReportInBrowser -update-screenshots writes them to
// docs/).
func TestHTMLReportInBrowser(t *testing.T) {
	browser(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	file, rep := scanReport(t, root, "examples/")
	sev := bySeverity(rep.Findings)
	if len(rep.Findings) < 20 || len(rep.Suppressed) == 0 {
		t.Fatalf("examples/ gave %d findings and %d suppressed; the test needs both", len(rep.Findings), len(rep.Suppressed))
	}

	p := newPage(t, 1280, 900)
	p.open(t, file, "")
	v := p.view(t)
	if v.Error != sev["error"] || v.Warning != sev["warning"] || v.Note != sev["note"] || v.Suppressed != len(rep.Suppressed) {
		t.Errorf("overview shows %d errors, %d warnings, %d notes, %d suppressed; the scan has %v and %d suppressed",
			v.Error, v.Warning, v.Note, v.Suppressed, sev, len(rep.Suppressed))
	}
	if v.Shown != len(rep.Findings) || v.Total != len(rep.Findings) || v.Rows != len(rep.Findings) {
		t.Errorf("list shows %d of %d with %d rows, want all %d", v.Shown, v.Total, v.Rows, len(rep.Findings))
	}
	if v.Overflow {
		t.Error("the page is wider than a 1280-pixel window")
	}
	p.check(t)

	// Overview screenshot, before any filter.
	overview := p.shot(t, "")

	// Errors only: uncheck warning and note.
	p.run(t, chromedp.Click(chromedp.CSS(`input[name=sev][value=warning]`)),
		chromedp.Click(chromedp.CSS(`input[name=sev][value=note]`)))
	p.waitShown(t, sev["error"])
	v = p.view(t)
	if v.Rows != sev["error"] || v.Hash != "#sev=error" {
		t.Errorf("errors only: %d rows, fragment %q; want %d rows, #sev=error", v.Rows, v.Hash, sev["error"])
	}
	for _, s := range v.Severities {
		if s != "error" {
			t.Errorf("errors only: a %s row is shown", s)
		}
	}

	// A rule and free text, then the same view from a link.
	var flowed jsonFinding
	for _, f := range rep.Findings { // the error with the longest flow
		if f.Severity == "error" && len(f.Flow) > len(flowed.Flow) {
			flowed = f
		}
	}
	if flowed.RuleID == "" {
		t.Fatal("examples/ has no error with a taint flow")
	}
	word := strings.Fields(flowed.Message)[1]
	want := 0
	for _, f := range rep.Findings {
		if f.RuleID == flowed.RuleID && f.Severity == "error" && strings.Contains(strings.ToLower(f.Message), strings.ToLower(word)) {
			want++
		}
	}
	p.eval(t, fmt.Sprintf(`(() => { const s = document.querySelector('#f-rule'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, flowed.RuleID), nil)
	p.run(t, chromedp.SendKeys(chromedp.CSS(`#f-q`), word))
	p.waitShown(t, want)
	v = p.view(t)
	for _, r := range v.Rules {
		if r != flowed.RuleID {
			t.Errorf("rule filter %s shows a %s row", flowed.RuleID, r)
		}
	}
	if v.Rows != want {
		t.Errorf("rule %s and text %q: %d rows, want %d", flowed.RuleID, word, v.Rows, want)
	}
	link := v.Hash
	p.open(t, file, "")
	p.open(t, file, link)
	if v2 := p.view(t); v2.Rows != want || v2.Hash != link {
		t.Errorf("opened with %s: %d rows, want %d", link, v2.Rows, want)
	}

	// The taint flow: numbered steps, each with its code. The test marks
	// the finding's row to find it again.
	at := fmt.Sprintf("%s:%d:%d", flowed.Location.File, flowed.Location.Line, flowed.Location.Column)
	var marked bool
	p.eval(t, fmt.Sprintf(`(() => { const a = [...document.querySelectorAll('#list .finding')].find(a => a.querySelector('.head .loc').textContent === %q);
	  if (a) a.id = 'flowed'; return !!a; })()`, at), &marked)
	if !marked {
		t.Fatalf("no row for the finding at %s", at)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#flowed details.flow > summary`)))
	var flow struct {
		Open          bool
		Steps, Snips  int
		Highlighted   int
		First, Marker string
	}
	p.eval(t, `(() => { const d = document.querySelector('#flowed details.flow');
	  const li = [...d.querySelectorAll('ol > li')];
	  return {Open: d.open, Steps: li.length, Snips: li.filter(l => l.querySelector('pre.snippet .ln.hl')).length,
	    Highlighted: d.querySelectorAll('.ln.hl').length, First: li[0].textContent,
	    Marker: getComputedStyle(d.querySelector('ol')).listStyleType}; })()`, &flow)
	if !flow.Open || flow.Steps != len(flowed.Flow)+1 || flow.Snips != flow.Steps || flow.Marker != "decimal" {
		t.Errorf("taint flow: open %v, %d steps (%d with a highlighted snippet), markers %q; want open, %d numbered steps, each with a snippet",
			flow.Open, flow.Steps, flow.Snips, flow.Marker, len(flowed.Flow)+1)
	}
	if !strings.Contains(flow.First, flowed.Flow[0].Message) {
		t.Errorf("first step %q lacks %q", flow.First, flowed.Flow[0].Message)
	}
	p.run(t, chromedp.ScrollIntoView(chromedp.CSS(`#flowed`)))
	flowShot := p.shot(t, `#flowed`)

	// The rule's explanation is one click away.
	p.run(t, chromedp.Click(chromedp.CSS(`#flowed details.ruledoc > summary`)))
	p.run(t, chromedp.WaitReady(chromedp.CSS(`#flowed details.ruledoc .doc`)))
	var doc string
	p.eval(t, `document.querySelector('#flowed details.ruledoc .doc').textContent`, &doc)
	if !strings.Contains(doc, "Why it matters") || !strings.Contains(doc, "How to fix") {
		t.Errorf("rule explanation: %q", doc)
	}

	// Suppressed findings: hidden until asked for, then with their reason.
	p.run(t, chromedp.Click(chromedp.CSS(`#f-reset`)))
	p.waitShown(t, len(rep.Findings))
	p.run(t, chromedp.Click(chromedp.CSS(`#f-sup`)))
	p.waitShown(t, len(rep.Findings)+len(rep.Suppressed))
	var reasons []string
	p.eval(t, `[...document.querySelectorAll('#list .finding.suppressed .supnote')].map(e => e.textContent)`, &reasons)
	if len(reasons) != len(rep.Suppressed) {
		t.Errorf("%d suppressed rows, want %d", len(reasons), len(rep.Suppressed))
	}
	for i, r := range reasons {
		if i < len(rep.Suppressed) && !strings.Contains(r, rep.Suppressed[i].Suppression.Reason) {
			t.Errorf("suppressed row %q lacks the reason %q", r, rep.Suppressed[i].Suppression.Reason)
		}
	}
	if v := p.view(t); v.Hash != "#sup=1" {
		t.Errorf("fragment %q, want #sup=1", v.Hash)
	}
	p.check(t)

	// Phone width: nothing wider than the screen.
	phone := newPage(t, 390, 844)
	phone.open(t, file, "")
	if v := phone.view(t); v.Overflow || v.Rows != len(rep.Findings) {
		t.Errorf("at 390 pixels: overflow %v, %d rows", v.Overflow, v.Rows)
	}
	phoneShot := phone.shot(t, "")
	phone.check(t)

	// Printed: no controls, every finding.
	if _, err := chromedp.Call(phone.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	var printed struct {
		Controls string
		Rows     int
	}
	phone.eval(t, `({Controls: getComputedStyle(document.querySelector('#controls')).display,
	  Rows: [...document.querySelectorAll('#list .finding')].filter(e => e.offsetHeight > 0).length})`, &printed)
	if printed.Controls != "none" || printed.Rows != len(rep.Findings) {
		t.Errorf("printed: controls %q, %d findings; want none and %d", printed.Controls, printed.Rows, len(rep.Findings))
	}

	dir := t.TempDir()
	if *updateScreenshots {
		dir = filepath.Join(root, "docs")
	}
	for name, b := range map[string][]byte{"html-report.png": overview, "html-report-flow.png": flowShot, "html-report-phone.png": phoneShot} {
		if len(b) == 0 {
			t.Errorf("screenshot %s is empty", name)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("report of examples/: %d bytes; screenshots in %s", fileSize(t, file), dir)
}

func fileSize(t *testing.T, name string) int64 {
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// TestHTMLReportLargeInBrowser opens the report of the Microsoft Graph
// description (20 MB of JSON on one line, about 5,000 findings) and checks
// that it renders the first batch, filters by rule and by text, and shows
// more on demand, each time with the counts of the JSON report. It scans
// for about a minute, so it runs only when APIAUDIT_BROWSER_LARGE=1 (.ci/run
// sets it, outside the race detector's run) and the corpus of ../shared is
// there.
func TestHTMLReportLargeInBrowser(t *testing.T) {
	if os.Getenv("APIAUDIT_BROWSER_LARGE") != "1" {
		t.Skip("set APIAUDIT_BROWSER_LARGE=1 to check the report of the Microsoft Graph description in a browser")
	}
	browser(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(root, "..", "shared", "corpus", "openapi", "xl", "apisguru-microsoft-graph.json")
	if _, err := os.Stat(spec); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	file, rep := scanReport(t, root, spec)
	sev := bySeverity(rep.Findings)
	byRule := map[string]int{}
	for _, f := range rep.Findings {
		byRule[f.RuleID]++
	}
	if len(rep.Findings) < 1000 {
		t.Fatalf("only %d findings; the test is about a large report", len(rep.Findings))
	}
	t.Logf("report: %d bytes, %d findings", fileSize(t, file), len(rep.Findings))

	p := newPage(t, 1280, 900)
	start := time.Now()
	p.open(t, file, "")
	t.Logf("opened and rendered in %v", time.Since(start).Round(time.Millisecond))
	v := p.view(t)
	if v.Error != sev["error"] || v.Warning != sev["warning"] || v.Note != sev["note"] || v.Shown != len(rep.Findings) {
		t.Errorf("shows %d errors, %d warnings, %d notes, %d findings; the scan has %v, %d", v.Error, v.Warning, v.Note, v.Shown, sev, len(rep.Findings))
	}
	const batch = 200 // htmlBatch in pkg/report
	if v.Rows != batch {
		t.Errorf("%d rows rendered at first, want a batch of %d", v.Rows, batch)
	}
	var snippet string
	p.eval(t, `(document.querySelector('#list .finding pre.snippet .ln.hl') || {}).textContent || ''`, &snippet)
	if snippet == "" || len(snippet) > 400 {
		t.Errorf("first snippet line: %d bytes %.80q", len(snippet), snippet)
	}

	// The rule with most findings but not all of them.
	rule, n := "", 0
	for id, c := range byRule {
		if c > n && c < len(rep.Findings) {
			rule, n = id, c
		}
	}
	start = time.Now()
	p.eval(t, fmt.Sprintf(`(() => { const s = document.querySelector('#f-rule'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, rule), nil)
	p.waitShown(t, n)
	t.Logf("filter by %s (%d findings) in %v", rule, n, time.Since(start).Round(time.Millisecond))
	if v := p.view(t); v.Rows != min(n, batch) || v.Hash != "#rule="+rule {
		t.Errorf("rule %s: %d rows, fragment %q; want %d rows", rule, v.Rows, v.Hash, min(n, batch))
	}
	// The button is pressed where it is, far below the first batch: a
	// click that scrolls it into view would also wake the observer that
	// renders the next batch when the reader scrolls near the end, and
	// the two together show two batches (the CI run of stop 21 saw 600
	// rows where 400 were expected).
	p.eval(t, `(() => { document.querySelector('#more').click(); return true })()`, nil)
	if v := p.view(t); v.Rows != min(n, 2*batch) {
		t.Errorf("after show more: %d rows, want %d", v.Rows, min(n, 2*batch))
	}
	// Scrolling to the end of the list shows the next batch by itself.
	if n > 2*batch {
		p.eval(t, `(() => { document.querySelector('#more').scrollIntoView(); return true })()`, nil)
		p.run(t, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('#list .finding').length >= %d`, min(n, 3*batch)), chromedp.WithPollingTimeout(20*time.Second)))
		if v := p.view(t); v.Rows > n || v.Rows%batch != 0 && v.Rows != n {
			t.Errorf("after scrolling to the end: %d rows of %d, not whole batches", v.Rows, n)
		}
	}
	for _, r := range p.view(t).Rules {
		if r != rule {
			t.Fatalf("rule filter %s shows a %s row", rule, r)
		}
	}
	// Text search over every finding.
	word := strings.Fields(rep.Findings[len(rep.Findings)/2].Message)[0]
	want := 0
	for _, f := range rep.Findings {
		if f.RuleID == rule && strings.Contains(strings.ToLower(f.Message), strings.ToLower(word)) {
			want++
		}
	}
	// The search also reads pointers, fixes and rule titles: at least
	// the findings whose message has the word match, and every row shown
	// has it.
	p.run(t, chromedp.SendKeys(chromedp.CSS(`#f-q`), word),
		chromedp.Poll[chromedp.Void](`location.hash.includes('q=')`, chromedp.WithPollingTimeout(20*time.Second)))
	var search struct {
		Shown   int
		Missing int
	}
	p.eval(t, fmt.Sprintf(`(() => ({Shown: Number(document.querySelector('#shown').textContent),
	  Missing: [...document.querySelectorAll('#list .finding')].filter(a => !a.textContent.toLowerCase().includes(%q)).length}))()`, strings.ToLower(word)), &search)
	if search.Shown < want || search.Shown > n || search.Missing > 0 {
		t.Errorf("search %q in rule %s: %d shown (want %d to %d), %d rows without the word", word, rule, search.Shown, want, n, search.Missing)
	}
	p.check(t)
}
