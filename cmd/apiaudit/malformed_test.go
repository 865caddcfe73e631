package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// malformedDir holds documents that parse but break OpenAPI in one element
// each: a value of the wrong type, a $ref that leads nowhere or to the wrong
// kind of element, a Swagger 2.0 OAuth2 flow missing or named the OpenAPI 3
// way. The loader's fuzz test seeds from them too.
var malformedDir = filepath.Join("..", "..", "pkg", "load", "openapi", "testdata", "malformed")

// TestMalformedSpecs scans each malformed document with the whole command
// line and checks that it is analysed, not given up on: the exit code is a
// finding's (never 2), every OAS500 finding is expected on its line, and
// every expected finding, of OAS500 and of the other rules, is there.
//
// Expectations are written on the line as in the rule fixtures, with the
// rule first: `# want OAS500 "re" OAS101 "re"`. A JSON document, which
// cannot hold comments, has them in <name>.want, one `LINE RULE "re"` a line.
func TestMalformedSpecs(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.yaml", "*.json"} {
		m, _ := filepath.Glob(filepath.Join(malformedDir, pattern))
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("%d malformed documents in %s; want at least 30", len(files), malformedDir)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			wants, err := readWants(file)
			if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := cli.Main(cli.BuildInfo{Version: "v0.0.0-test"}, []string{"scan", "--format", "json", "--fail-on", "error", file}, &out, &errb)
			if code != 0 && code != 1 {
				t.Fatalf("exit %d; want 0 or 1 (findings), stderr:\n%s", code, errb.String())
			}
			var res struct {
				Findings []struct {
					RuleID   string `json:"ruleId"`
					Message  string `json:"message"`
					Location struct {
						Line int `json:"line"`
					} `json:"location"`
				} `json:"findings"`
				Problems []json.RawMessage `json:"problems"`
			}
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatalf("json output: %v\n%s", err, out.String())
			}
			if len(res.Problems) > 0 {
				t.Errorf("problems: %s", res.Problems)
			}
			others := 0
			for _, f := range res.Findings {
				matched := false
				for _, w := range wants[f.Location.Line] {
					if !w.matched && w.rule == f.RuleID && w.re.MatchString(f.Message) {
						w.matched, matched = true, true
						break
					}
				}
				if f.RuleID != "OAS500" {
					others++
				} else if !matched {
					t.Errorf("%s:%d: unexpected OAS500 finding: %s", name, f.Location.Line, f.Message)
				}
			}
			for line, ws := range wants {
				for _, w := range ws {
					if !w.matched {
						t.Errorf("%s:%d: no %s finding matched %q", name, line, w.rule, w.re)
					}
				}
			}
			if others == 0 {
				t.Errorf("%s: no finding of any other rule: the document was not analysed", name)
			}
		})
	}
}

type ruleWant struct {
	rule    string
	re      *regexp.Regexp
	matched bool
}

var (
	yamlWant = regexp.MustCompile(`#\s*want\s+(.*)$`)
	jsonWant = regexp.MustCompile(`^(\d+)\s+(.*)$`)
	wantItem = regexp.MustCompile(`^\s*((?:OAS|GO|MCP)\d{3})\s+`)
)

// readWants reads the expectations of a YAML document from its comments, or
// of a JSON document from its .want file.
func readWants(file string) (map[int][]*ruleWant, error) {
	out := map[int][]*ruleWant{}
	if strings.HasSuffix(file, ".json") {
		data, err := os.ReadFile(file + ".want")
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			m := jsonWant.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[1])
			if err := parseRuleWants(m[2], n, out); err != nil {
				return nil, fmt.Errorf("%s.want: %v", file, err)
			}
		}
		return out, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if m := yamlWant.FindStringSubmatch(line); m != nil {
			if err := parseRuleWants(m[1], i+1, out); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
			}
		}
	}
	return out, nil
}

func parseRuleWants(rest string, line int, out map[int][]*ruleWant) error {
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		m := wantItem.FindStringSubmatch(rest)
		if m == nil {
			return fmt.Errorf("want needs RULE \"re\" pairs: %s", rest)
		}
		rest = rest[len(m[0]):]
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return fmt.Errorf("want needs a quoted regexp: %s", rest)
		}
		s, _ := strconv.Unquote(q)
		re, err := regexp.Compile(s)
		if err != nil {
			return err
		}
		out[line] = append(out[line], &ruleWant{rule: m[1], re: re})
		rest = rest[len(q):]
	}
	return nil
}
