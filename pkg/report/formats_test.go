package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Tests of the markdown, github and junit formats. Their sample and empty
// goldens are written by TestGolden (report_test.go); these add a hostile
// sample and the properties each format promises.

// hostileResult is sampleResult plus a finding, a problem and a notice whose
// text and file names try to break out of each format.
func hostileResult() *lint.Result {
	r := sampleResult()
	msg := "get /a|b <script>alert(1)</script> **bold** [x](javascript:alert(1)) @octocat #12 $x$ ~~s~~ &amp; `c` \\ 100% done, ok: yes\r\n::error::forged\x00\x1b[31m\u202e"
	r.Findings = append(r.Findings, finding(ruleBounds, lint.SeverityError, msg, "fix ]]> it\nnow",
		lint.Location{File: "api/we ird,(1):x.yaml", Line: 7, Column: 3, EndLine: 9, EndColumn: 2}))
	r.Problems = append(r.Problems, lint.Problem{File: "api/a|b.yaml", Line: 1, Message: "cannot parse <b>x</b>\n::warning::forged"})
	r.Notices = append(r.Notices, lint.Problem{File: "api/n.yaml", Message: "skipped: ]]> & <x>"})
	r.Sort()
	return r
}

func TestGoldenHostile(t *testing.T) {
	for _, format := range []string{"markdown", "github", "junit"} {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, Options{ToolVersion: "v0.1.0"}, hostileResult())
			golden(t, "hostile."+format, out)
			if err := checkFormat(format, out); err != nil {
				t.Error(err)
			}
		})
	}
}

// checkFormat checks the promises of the markdown, github and junit formats;
// FuzzReporters calls it too.
func checkFormat(format string, out []byte) error {
	switch format {
	case "markdown":
		return checkMarkdown(string(out))
	case "github":
		return checkGitHub(string(out))
	case "junit":
		return checkJUnit(out)
	}
	return nil
}

// ourTags are the only HTML tags and entities the markdown format writes;
// anything else that starts with an unescaped < or & came from a document.
var ourTags = []string{"<br>", "<sub>", "</sub>", "&#8203;"}

// linkTarget is what a markdown link may point at: the rule's help page or
// a percent-encoded relative path with an optional #L<line>.
var linkTarget = regexp.MustCompile(`^(https://github\.com/apiaudit/apiaudit(/blob/main/docs/rules/[A-Z0-9]+\.md)?|[A-Za-z0-9._~/%-]+(#L[0-9]+)?)$`)

// checkMarkdown checks that no text from a document became markup: every <
// and & is one of ours or escaped, every link points where it should, no
// bare URL or www. address is left for GitHub to link,
// every table row has as many cells as its header, and every line starts
// with text of ours.
func checkMarkdown(s string) error {
	cells := 0
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		switch {
		case line == "":
			cells = 0
			continue
		case strings.HasPrefix(line, "|"):
			n := 0
			for j := 0; j < len(line); j++ {
				switch line[j] {
				case '\\':
					j++
				case '|':
					n++
				}
			}
			if cells == 0 {
				cells = n
			} else if n != cells {
				return fmt.Errorf("line %d has %d cell separators, its table %d: %q", i+1, n, cells, line)
			}
		case strings.HasPrefix(line, "### apiaudit: "), strings.HasPrefix(line, "**Problems"),
			strings.HasPrefix(line, "**Notices"), strings.HasPrefix(line, "… and "),
			strings.HasPrefix(line, "<sub>[apiaudit]("):
		default:
			return fmt.Errorf("line %d does not start as the format's lines do: %q", i+1, line)
		}
		for j := 0; j < len(line); j++ {
			switch c := line[j]; c {
			case '\\':
				j++
			case '<', '&':
				ok := false
				for _, tag := range ourTags {
					ok = ok || strings.HasPrefix(line[j:], tag)
				}
				if !ok {
					return fmt.Errorf("line %d has raw %q at %d: %q", i+1, c, j, line)
				}
			case '\r':
				return fmt.Errorf("line %d has a carriage return", i+1)
			case ']':
				if strings.HasPrefix(line[j:], "](") {
					end := strings.IndexByte(line[j:], ')')
					if end < 0 || !linkTarget.MatchString(line[j+2:j+end]) {
						return fmt.Errorf("line %d links to an unexpected target: %q", i+1, line[j:])
					}
					j += end // our target: not text
				}
			case ':':
				if strings.HasPrefix(line[j:], "://") {
					return fmt.Errorf("line %d has a URL GitHub would link: %q", i+1, line[max(0, j-10):])
				}
			case 'w', 'W':
				if len(line) >= j+4 && strings.EqualFold(line[j:j+4], "www.") {
					return fmt.Errorf("line %d has a www. address GitHub would link: %q", i+1, line[j:])
				}
			}
		}
	}
	return nil
}

var (
	commandLine = regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)
	summaryLine = regexp.MustCompile(`^(no findings|[0-9]+ (error|warning|note)s?)(\W.*)?$`)
	property    = regexp.MustCompile(`^(file=[^,:\r\n]*|(line|col|endLine|endColumn)=[1-9][0-9]*|title=[^,:\r\n]*)$`)
)

// checkGitHub checks that every line but the last is one workflow command
// with well-formed properties and that the last is the summary.
func checkGitHub(s string) error {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, line := range lines {
		if strings.ContainsRune(line, '\r') {
			return fmt.Errorf("line %d has a carriage return: %q", i+1, line)
		}
		if i == len(lines)-1 {
			if !summaryLine.MatchString(line) {
				return fmt.Errorf("last line is not the summary: %q", line)
			}
			continue
		}
		m := commandLine.FindStringSubmatch(line)
		if m == nil {
			return fmt.Errorf("line %d is not one workflow command: %q", i+1, line)
		}
		for _, p := range strings.Split(m[2], ",") {
			if !property.MatchString(p) {
				return fmt.Errorf("line %d has a bad property %q", i+1, p)
			}
		}
		for _, c := range m[3] {
			if unicode.IsControl(c) || unicode.Is(unicode.Cf, c) {
				return fmt.Errorf("line %d carries %U", i+1, c)
			}
		}
	}
	return nil
}

// checkJUnit parses the whole document strictly and checks that the counts
// add up.
func checkJUnit(out []byte) error {
	if err := validateJUnit(out); err != nil {
		return err
	}
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		return err
	}
	tests := 0
	for _, s := range doc.Suites {
		if len(s.Cases) != s.Tests {
			return fmt.Errorf("suite %q says %d tests and has %d", s.Name, s.Tests, len(s.Cases))
		}
		tests += s.Tests
	}
	if tests != doc.Tests {
		return fmt.Errorf("testsuites says %d tests, the suites have %d", doc.Tests, tests)
	}
	return nil
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"post /pets":                    "post /pets",
		"a|b":                           `a\|b`,
		"<img src=x onerror=alert(1)>":  `\<img src=x onerror=alert(1)\>`,
		"**x** _y_ `z` ~s~ $m$":         "\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\~s\\~ \\$m\\$",
		"[a](javascript:x)":             `\[a\](javascript:x)`,
		"&lt; \\":                       `\&lt; \\`,
		"ask @octocat or @org/team, #1": "ask @&#8203;octocat or @&#8203;org/team, #&#8203;1",
		"email a @ b, $ref: '#/x'":      `email a @ b, \$ref: '#/x'`,
		"line\nbreak\r\nand\rmore":      "line break and more",
		"esc \x1b[31m":                  `esc \\u{1b}\[31m`,
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := mdURLPath("a b/(x):y.yaml"), "a%20b/%28x%29%3Ay.yaml"; got != want {
		t.Errorf("mdURLPath = %q, want %q", got, want)
	}
}

// TestMarkdownCap fills a report past the limit: it must stay under it, keep
// the problems, and count the findings it left out.
func TestMarkdownCap(t *testing.T) {
	r := sampleResult()
	for i := range 500 {
		r.Findings = append(r.Findings, finding(ruleBounds, lint.SeverityWarning,
			fmt.Sprintf("property p%03d of schema Big has no maxLength", i), "",
			lint.Location{File: "api/big.yaml", Line: 100 + i, Column: 7}))
	}
	const limit = 4000
	var b bytes.Buffer
	if err := (&markdownReporter{opts: Options{ToolVersion: "v0.1.0"}, maxBytes: limit}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > limit {
		t.Errorf("report is %d bytes, over the limit of %d", len(out), limit)
	}
	shown := strings.Count(out, "| warning | [OAS201]") + strings.Count(out, "| error | [OAS101]") + strings.Count(out, "| note | [OAS101]")
	more := regexp.MustCompile(`… and (\d+) more findings`).FindStringSubmatch(out)
	if more == nil {
		t.Fatalf("no \"and N more\" line:\n%s", out)
	}
	if got := shown + atoi(t, more[1]); got != len(r.Findings) {
		t.Errorf("%d shown + %s more = %d, want %d findings", shown, more[1], got, len(r.Findings))
	}
	for _, want := range []string{"| warning | 501 |", "api/broken.yaml:3:7", "<sub>[apiaudit]"} {
		if !strings.Contains(out, want) {
			t.Errorf("capped report lost %q", want)
		}
	}
	if err := checkMarkdown(out); err != nil {
		t.Error(err)
	}

	// The default limit is the one New uses.
	big := render(t, "markdown", Options{}, r)
	if len(big) > markdownMaxBytes {
		t.Errorf("default report is %d bytes", len(big))
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeData("100% a\r\nb:c,d"), "100%25 a%0D%0Ab:c,d"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("100% a\r\nb:c,d"), "100%25 a%0D%0Ab%3Ac%2Cd"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		loc  lint.Location
		want string
	}{
		{lint.Location{File: "a.yaml", Line: 3, Column: 5}, "::error file=a.yaml,line=3,col=5,title=T::m\n"},
		{lint.Location{File: "a.yaml", Line: 3, Column: 5, EndLine: 3, EndColumn: 9}, "::error file=a.yaml,line=3,col=5,endLine=3,endColumn=9,title=T::m\n"},
		// Columns only on one-line annotations.
		{lint.Location{File: "a.yaml", Line: 3, Column: 5, EndLine: 4, EndColumn: 2}, "::error file=a.yaml,line=3,endLine=4,title=T::m\n"},
		{lint.Location{File: "a.yaml", Column: 5}, "::error file=a.yaml,title=T::m\n"},
		{lint.Location{}, "::error title=T::m\n"},
	} {
		var b bytes.Buffer
		writeCommand(&b, "error", tc.loc, "T", "m")
		if b.String() != tc.want {
			t.Errorf("writeCommand(%+v) = %q, want %q", tc.loc, b.String(), tc.want)
		}
	}
}

func TestJUnitStripsInvalidCharacters(t *testing.T) {
	if got, want := xmlText("a\x00b\x1bc\tdé\u200b\ufffe\xff\n"), "abc\tdé\n"; got != want {
		t.Errorf("xmlText = %q, want %q", got, want)
	}
	out := render(t, "junit", Options{}, hostileResult())
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			for _, o := range []*junitOutcome{c.Failure, c.Error, c.Skipped} {
				if o != nil {
					texts = append(texts, o.Message, o.Text)
				}
			}
			if c.SystemOut != nil {
				texts = append(texts, c.SystemOut.Text)
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{`fix ]]> it\nnow`, "<script>alert(1)</script>", "skipped: ]]> & <x>"} {
		if !strings.Contains(all, want) {
			t.Errorf("the parsed report lost %q", want)
		}
	}
	if strings.ContainsAny(all, "\x00\x1b\u202e") {
		t.Errorf("invalid characters survived: %q", all)
	}
}

// TestJUnitSuites checks the shape: a suite per file, a case per rule, and
// no passing cases for a file that could not be scanned.
func TestJUnitSuites(t *testing.T) {
	var doc junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}, sampleResult()), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			state := "pass"
			switch {
			case c.Failure != nil:
				state = "fail:" + c.Failure.Type
			case c.Error != nil:
				state = "error"
			case c.Skipped != nil:
				state = "skipped"
			}
			got[s.Name] = append(got[s.Name], c.Name+"="+state)
		}
	}
	// With the default --fail-on (error), the warning and the note pass.
	want := map[string][]string{
		"apiaudit":          {"apiaudit scan=pass"},
		"api/payments.yaml": {"OAS101 operation-without-auth=fail:error", "OAS201 unbounded-string=pass"},
		"api/users.yaml":    {"OAS101 operation-without-auth=pass", "OAS201 unbounded-string=pass"},
		"api/broken.yaml":   {"apiaudit scan=error"},
		"api/openapi.json":  {"apiaudit scan=skipped"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("suites:\n got %v\nwant %v", got, want)
	}
	skipped := 0
	for _, s := range doc.Suites {
		skipped += s.Skipped
	}
	if doc.Tests != 7 || doc.Failures != 1 || doc.Errors != 1 || skipped != 1 {
		t.Errorf("totals: %+v", doc)
	}

	// A tool-catalog rule is no passing test of an OpenAPI document: it
	// shows only in the file where it fired.
	r0 := sampleResult()
	catalogRule := &lint.Rule{ID: "MCP201", Name: "tool-poisoning", Catalog: func(*lint.CatalogPass) error { return nil }}
	r0.Rules = append(r0.Rules, catalogRule)
	r0.Findings = append(r0.Findings, finding(catalogRule, lint.SeverityError, "tool fetch tells the model what to do", "",
		lint.Location{File: "tools/manifest.json", Line: 3, Column: 5}))
	r0.Files = append(r0.Files, "tools/manifest.json")
	r0.Sort()
	var cat junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}, r0), &cat); err != nil {
		t.Fatal(err)
	}
	for _, s := range cat.Suites {
		for _, c := range s.Cases {
			if strings.HasPrefix(c.Name, "MCP201") != (s.Name == "tools/manifest.json") {
				t.Errorf("suite %s has case %s", s.Name, c.Name)
			}
		}
	}

	// Several findings of one rule in one file are one failing case that
	// lists them all, typed by the worst.
	r := sampleResult()
	r.Findings = append(r.Findings, finding(ruleAuth, lint.SeverityWarning, "get /payments can be called without authentication", "",
		lint.Location{File: "api/payments.yaml", Line: 40, Column: 5}))
	r.Sort()
	out := string(render(t, "junit", Options{}, r))
	if !strings.Contains(out, `message="2 findings, the first: post /payments can be called without authentication" type="error"`) ||
		!strings.Contains(out, "api/payments.yaml:40:5: warning OAS101 get /payments") {
		t.Errorf("two findings of one rule in one file:\n%s", out)
	}
}

// TestJUnitFileKinds: with the kind of each file known, a tool manifest
// and a client configuration with no finding are passing tests of the
// rules that read them (catalog rules, client rules), and of no OpenAPI
// rule; an OpenAPI document is not a test of catalog or client rules.
// Without the kinds, a clean manifest was listed as passing every OpenAPI
// rule.
func TestJUnitFileKinds(t *testing.T) {
	r := sampleResult()
	catalogRule := &lint.Rule{ID: "MCP401", Name: "tool-poisoning", Catalog: func(*lint.CatalogPass) error { return nil }}
	clientRule := &lint.Rule{ID: "MCP101", Name: "client-config-inline-secret", Client: func(*lint.ClientPass) error { return nil }}
	suppressionRule := &lint.Rule{ID: "MCP504", Name: "ineffective-mcp-suppression"} // engine-made, as the engine's is
	r.Rules = append(r.Rules, catalogRule, clientRule, suppressionRule)
	r.Files = append(r.Files, "mcp/tools.json", ".vscode/mcp.json")
	r.Kinds = map[string]lint.FileKind{"api/users.yaml": lint.FileOpenAPI, "api/payments.yaml": lint.FileOpenAPI,
		"mcp/tools.json": lint.FileToolManifest, ".vscode/mcp.json": lint.FileClientConfig}
	r.Sort()
	var doc junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}, r), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			got[s.Name] = append(got[s.Name], strings.Fields(c.Name)[0])
		}
	}
	for file, want := range map[string][]string{
		"mcp/tools.json":    {"MCP401", "MCP504"},
		".vscode/mcp.json":  {"MCP101", "MCP504"},
		"api/users.yaml":    {"OAS101", "OAS201"},
		"api/payments.yaml": {"OAS101", "OAS201"},
	} {
		if !slices.Equal(got[file], want) {
			t.Errorf("%s: cases %v, want %v", file, got[file], want)
		}
	}
	if err := validateJUnit(render(t, "junit", Options{}, r)); err != nil {
		t.Error(err)
	}
}

// TestBaselineNote: like the text format, markdown and github say how many
// findings a baseline hid.
func TestBaselineNote(t *testing.T) {
	r := sampleResult()
	r.Baselined = 2
	for _, format := range []string{"markdown", "github"} {
		out := string(render(t, format, Options{}, r))
		if !strings.Contains(out, "1 problem, 2 findings hidden by the baseline; scanned 3 OpenAPI documents, 0 Go modules, 3 files\n") {
			t.Errorf("%s does not count the baselined findings:\n%s", format, out)
		}
		if err := checkFormat(format, []byte(out)); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
	if out := string(render(t, "markdown", Options{}, &lint.Result{Baselined: 1})); !strings.HasPrefix(out, "### apiaudit: no findings, 1 finding hidden by the baseline; scanned 0 OpenAPI documents, 0 Go modules, 0 files\n") {
		t.Errorf("markdown, all baselined:\n%s", out)
	}
}
