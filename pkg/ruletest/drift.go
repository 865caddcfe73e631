package ruletest

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

var goWantComment = regexp.MustCompile(`//\s*want\s+(.*)$`)

// CheckWants matches findings (files relative to the working directory)
// with the `# want "re"` comments of the YAML files and the `// want "re"`
// comments of the Go files under dir, and describes every mismatch.
func CheckWants(dir string, findings []lint.Finding) ([]string, error) {
	wants := map[string]map[int][]*want{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
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
		return nil, err
	}
	return compare(".", findings, wants), nil
}
