package ruletest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// StubsDir is where the stand-ins for third-party Go modules live, in
// GOPATH layout (src/<import path>/), relative to the repository root. Each
// stub package has the real import path and the real signatures of the API
// it stands for, with bodies that do nothing, so that rule tests type-check
// offline and fast.
const StubsDir = "testdata/gostubs"

// RunGo runs an analyzer over packages of the rule's testdata/src, as
// analysistest.Run does, with the shared stubs of StubsDir importable next
// to them: both trees are copied into one temporary GOPATH. `// want`
// comments in the rule's files are checked.
func RunGo(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	gopath := t.TempDir()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{filepath.Join(root, StubsDir, "src"), filepath.Join("testdata", "src")} {
		if err := copyTree(from, filepath.Join(gopath, "src")); err != nil {
			t.Fatal(err)
		}
	}
	return analysistest.Run(t, gopath, a, pkgs...)
}

// repoRoot is the nearest directory above the working directory that holds
// the stubs.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, StubsDir)); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// copyTree copies the regular files under from into to, keeping their
// relative paths. A missing from is an empty tree.
func copyTree(from, to string) error {
	if _, err := os.Stat(from); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
