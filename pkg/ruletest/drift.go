package ruletest

import (
	"context"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var goWantComment = regexp.MustCompile(`//\s*want\s+(.*)$`)

// RunDrift checks a drift rule (one that reads both OpenAPI documents and
// Go code) against fixture directories, each a small repository with a
// document and a Go module: it scans each directory with the rule alone,
// as apiaudit scan does, and matches the findings with the `# want "re"`
// comments of its YAML files and the `// want "re"` comments of its Go
// files. A directory without wants says the rule stays silent there.
func RunDrift(t *testing.T, rule *lint.Rule, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			res, err := engine.Run(context.Background(), engine.Options{Paths: []string{dir}, Rules: []*lint.Rule{rule}})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Problems {
				t.Errorf("problem: %s", p.Error())
			}
			wants := map[string]map[int][]*want{}
			err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				re := wantComment
				switch {
				case strings.HasSuffix(p, ".go"):
					re = goWantComment
				case !isYAML(p):
					return nil
				}
				w, err := parseWantsWith(p, re)
				if err != nil {
					return err
				}
				wants[filepath.ToSlash(p)] = w
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range compare(".", res.Findings, wants) {
				t.Error(msg)
			}
		})
	}
}
