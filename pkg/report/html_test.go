package report

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Tests of the html format. What a reader sees (counts, filters, flows,
// phone width) is checked in a real browser by TestHTMLReportInBrowser in
// cmd/apiaudit; these check the page's promises that need no browser.

// htmlParts is a report cut into what checkHTML looks at.
type htmlParts struct {
	csp, style, script string
	data               htmlData
	markup             string // the page without the style and the two scripts
}

var (
	cspMeta     = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	htmlTag     = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)`)
	htmlOpenTag = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	htmlHandler = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	htmlURLRef  = regexp.MustCompile(`(?i)\b(src|href|action|formaction|xlink:href|poster|srcset|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
)

// ourElements are the only elements the page's markup has; anything else
// came from a document.
var ourElements = []string{"a", "body", "button", "code", "dd", "desc", "details", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "g", "h1", "h2", "h3", "head", "header", "html",
	"input", "label", "legend", "li", "main", "meta", "noscript", "option", "p", "rect", "section", "select",
	"span", "summary", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul"}

// splitHTML finds the page's one style element and its two script
// elements (the data, then the code), which must be all there is.
func splitHTML(s string) (htmlParts, error) {
	var p htmlParts
	if n := strings.Count(strings.ToLower(s), "<script"); n != 2 {
		return p, fmt.Errorf("%d <script in the page, want 2 (data and code)", n)
	}
	if n := strings.Count(strings.ToLower(s), "</script"); n != 2 {
		return p, fmt.Errorf("%d </script in the page, want 2", n)
	}
	if n := strings.Count(strings.ToLower(s), "<style"); n != 1 {
		return p, fmt.Errorf("%d <style in the page, want 1", n)
	}
	m := cspMeta.FindStringSubmatch(s)
	if m == nil {
		return p, errors.New("no Content-Security-Policy meta tag")
	}
	p.csp = html.UnescapeString(m[1])
	cut := func(open, close string) (string, error) {
		i := strings.Index(s, open)
		if i < 0 {
			return "", fmt.Errorf("no %s", open)
		}
		j := strings.Index(s[i:], close)
		if j < 0 {
			return "", fmt.Errorf("%s is not closed", open)
		}
		inner := s[i+len(open) : i+j]
		s = s[:i] + s[i+j+len(close):]
		return inner, nil
	}
	var err error
	if p.style, err = cut("<style>", "</style>"); err != nil {
		return p, err
	}
	data, err := cut(`<script type="application/json" id="report-data">`, "</script>")
	if err != nil {
		return p, err
	}
	if strings.ContainsAny(data, "<>") {
		return p, errors.New("the embedded data holds a raw < or >")
	}
	if err := json.Unmarshal([]byte(data), &p.data); err != nil {
		return p, fmt.Errorf("the embedded data is not JSON: %v", err)
	}
	if p.script, err = cut("<script>", "</script>"); err != nil {
		return p, err
	}
	p.markup = s
	return p, nil
}

// checkHTML checks the promises of the html format (FuzzReporters calls
// it): the page's only style and script are its own and the CSP allows
// them and nothing else; every element is one the page writes; no src,
// href or url() points anywhere but into the page.
func checkHTML(out []byte) error {
	p, err := splitHTML(string(out))
	if err != nil {
		return err
	}
	if p.style != htmlCSS || p.script != htmlJS {
		return errors.New("the inline style or script is not the page's own")
	}
	for _, want := range []string{"default-src 'none'", "script-src " + sha(p.script) + ";", "style-src " + sha(p.style) + ";", "base-uri 'none'", "form-action 'none'"} {
		if !strings.Contains(p.csp, want) {
			return fmt.Errorf("CSP %q lacks %q", p.csp, want)
		}
	}
	for _, m := range htmlTag.FindAllStringSubmatch(p.markup, -1) {
		if !slices.Contains(ourElements, strings.ToLower(m[2])) && m[2] != "DOCTYPE" {
			return fmt.Errorf("element <%s> in the page", m[2])
		}
	}
	for _, tag := range htmlOpenTag.FindAllString(p.markup, -1) {
		for _, m := range htmlURLRef.FindAllStringSubmatch(tag, -1) {
			v := strings.Trim(m[2], `"'`)
			if !strings.HasPrefix(v, "#") {
				return fmt.Errorf("%s=%q points out of the page", m[1], v)
			}
		}
		if htmlHandler.MatchString(tag) {
			return fmt.Errorf("event handler attribute in %s", tag)
		}
	}
	// The style and script are the page's own (checked above), and
	// TestHTMLPromises checks them for addresses once.
	if low := strings.ToLower(p.markup); strings.Contains(low, "url(") || strings.Contains(low, "@import") {
		return errors.New("the markup refers to something outside the page (url() or @import)")
	}
	return nil
}

// checkAssets checks that the page's own style and script load nothing:
// no url(), @import, fetch, XMLHttpRequest or address.
func checkAssets() error {
	for name, text := range map[string]string{"style": htmlCSS, "script": htmlJS} {
		low := strings.ToLower(text)
		for _, bad := range []string{"url(", "@import", "http:", "https:", "fetch(", "xmlhttprequest", "websocket", "innerhtml", "eval("} {
			if strings.Contains(low, bad) {
				return fmt.Errorf("the page's %s holds %q", name, bad)
			}
		}
	}
	return nil
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func TestHTMLPromises(t *testing.T) {
	if err := checkAssets(); err != nil {
		t.Error(err)
	}
	for name, r := range map[string]*lint.Result{"sample": sampleResult(), "hostile": hostileResult(), "flow": flowResult(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			if err := checkHTML(render(t, "html", Options{ToolVersion: "v0.1.0"}, r)); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestHTMLHostile checks that hostile text reaches the data as text (shown
// through textContent) and never as markup of the page.
func TestHTMLHostile(t *testing.T) {
	r := hostileResult()
	r.Files = append(r.Files, "api/<img src=x onerror=alert(1)>.yaml")
	r.Findings = append(r.Findings, finding(ruleAuth, lint.SeverityError, "</script><script>alert(1)</script>", "",
		lint.Location{File: "api/</script><b>.yaml", Line: 2}))
	r.Sort()
	out := render(t, "html", Options{ToolVersion: "v0.1.0</title><script>x()</script>", Source: func(string) ([]byte, error) {
		return []byte("a: 1\nb: </script><script>alert(2)</script>\nc: 3\n"), nil
	}}, r)
	if err := checkHTML(out); err != nil {
		t.Fatal(err)
	}
	p, err := splitHTML(string(out))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range p.data.Findings {
		msgs = append(msgs, f.Message)
	}
	if !slices.Contains(msgs, "</script><script>alert(1)</script>") {
		t.Errorf("the message is not kept as text: %q", msgs)
	}
	if !slices.Contains(p.data.Files, "api/</script><b>.yaml") {
		t.Errorf("the file name is not kept as text: %q", p.data.Files)
	}
	if !strings.Contains(p.markup, "api/&lt;/script&gt;&lt;b&gt;.yaml") {
		t.Error("the file name is not escaped in the overview")
	}
	for _, f := range p.data.Findings {
		if strings.Contains(f.Message, "\u202e") || strings.Contains(f.Message, "\x1b") {
			t.Errorf("message keeps a control or bidi character: %q", f.Message)
		}
	}
}

// TestHTMLSnippets checks the lines kept for a finding's snippet: three on
// each side, cut when long, and a window around the column of a line too
// long to keep (a minified JSON document).
func TestHTMLSnippets(t *testing.T) {
	var spec strings.Builder
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&spec, "line%d: %s\n", i, strings.Repeat("x", i*20))
	}
	long := `{"a":"` + strings.Repeat("é", 300) + `","paths":{"/p":{}},"z":"` + strings.Repeat("z", 500) + `"}`
	files := fstest.MapFS{"api/spec.yaml": {Data: []byte(spec.String())}, "api/min.json": {Data: []byte(long)}}
	read := func(name string) ([]byte, error) { return fs.ReadFile(files, name) }
	col := strings.Index(long, `"/p"`) + 1
	r := &lint.Result{
		Rules: []*lint.Rule{ruleAuth},
		Findings: []lint.Finding{
			finding(ruleAuth, lint.SeverityError, "short", "", lint.Location{File: "api/spec.yaml", Line: 2, Column: 1}),
			finding(ruleAuth, lint.SeverityError, "long", "", lint.Location{File: "api/spec.yaml", Line: 15, Column: 1}),
			finding(ruleAuth, lint.SeverityError, "minified", "", lint.Location{File: "api/min.json", Line: 1, Column: col}),
			finding(ruleAuth, lint.SeverityError, "missing", "", lint.Location{File: "api/gone.yaml", Line: 3}),
		},
	}
	r.Sort()
	p, err := splitHTML(string(render(t, "html", Options{Source: read}, r)))
	if err != nil {
		t.Fatal(err)
	}
	idx := func(name string) int { return slices.Index(p.data.Files, name) }
	specLines := p.data.Src[idx("api/spec.yaml")]
	var got []int
	for n := range specLines {
		got = append(got, n)
	}
	slices.Sort(got)
	if want := []int{1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18}; !slices.Equal(got, want) {
		t.Errorf("lines kept %v, want %v", got, want)
	}
	if l := specLines[15]; !strings.HasSuffix(l, "…") || len(l) > htmlMaxLine+len("…") {
		t.Errorf("line 15 (%d bytes) is not cut: %q", len(l), l)
	}
	if specLines[2] != "line2: "+strings.Repeat("x", 40) {
		t.Errorf("line 2 = %q", specLines[2])
	}
	var minified htmlFinding
	for _, f := range p.data.Findings {
		if f.Message == "minified" {
			minified = f
		}
	}
	if minified.Excerpt == nil || !strings.Contains(minified.Excerpt.Text, `"/p"`) || minified.Excerpt.From <= 1 || len(minified.Excerpt.Text) > htmlMaxLine+len("…") {
		t.Errorf("minified line excerpt = %+v", minified.Excerpt)
	}
	if e := minified.Excerpt; e != nil && !strings.HasPrefix(long[e.From-1:], strings.TrimSuffix(e.Text, "…")) {
		t.Errorf("excerpt does not start at byte %d of the line", e.From)
	}
	if _, ok := p.data.Src[idx("api/gone.yaml")]; ok {
		t.Error("a file that cannot be read has lines")
	}
}

// TestHTMLOverview checks the static overview: counts by severity, by
// family, suppressed and baselined, and the settings.
func TestHTMLOverview(t *testing.T) {
	r := flowResult()
	r.Findings = append(r.Findings, sampleResult().Findings...)
	r.Rules = sampleResult().Rules
	r.Suppressed = []lint.Finding{finding(ruleAuth, lint.SeverityError, "hidden", "", lint.Location{File: "api/a.yaml", Line: 1})}
	r.Suppressed[0].Suppression = &lint.Suppression{Kind: lint.SuppressedInSource, Reason: "internal network only"}
	r.Baselined = 4
	r.Sort()
	out := string(render(t, "html", Options{ToolVersion: "v9.9.9", Settings: []Setting{{"fail on", "warning"}}}, r))
	for _, want := range []string{
		`<span class="n" data-count="error">2</span>`,
		`<span class="n" data-count="warning">1</span>`,
		`<span class="n" data-count="note">1</span>`,
		`<span class="n" data-count="suppressed">1</span>`,
		`<span class="n" data-count="baselined">4</span>`,
		`1 suppressed (1 by an ignore in the source, 4 by the baseline)`,
		`<dt>fail on</dt><dd>warning</dd>`,
		`<dt>apiaudit</dt><dd>v9.9.9</dd>`,
		`<a href="#rule=` + ruleAuth.ID + `"><code>` + ruleAuth.ID + `</code></a>`,
		`<a href="#file=api%2Fpayments.yaml">api/payments.yaml</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	p, err := splitHTML(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.data.Suppressed) != 1 || p.data.Suppressed[0].Sup == nil || p.data.Suppressed[0].Sup.Reason != "internal network only" {
		t.Errorf("suppressed = %+v", p.data.Suppressed)
	}
	if f := p.data.Findings; len(f) != 4 || len(f[3].Flow) != 2 || f[3].Flow[0].Message != "request body decoded here" {
		t.Errorf("findings = %+v", f)
	}
	if _, ok := p.data.Rules[ruleAuth.ID]; !ok {
		t.Error("the rule's documentation is not embedded")
	}
}

func TestFamilyOf(t *testing.T) {
	for id, want := range map[string]string{"OAS201": "2", "GO101": "1", "MCP305": "3", "X": ""} {
		if got := familyOf(id); got != want {
			t.Errorf("familyOf(%s) = %q, want %q", id, got, want)
		}
	}
}
