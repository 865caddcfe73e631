// Package corpus finds the shared corpus of real API descriptions that
// benchmarks and false-positive reviews run on. It is not part of the
// repository: callers skip when it is absent, as it is on a user's clone.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// Dir is $APIAUDIT_CORPUS, or ../shared/corpus/openapi beside the
// repository; "" when neither exists.
func Dir() string {
	if d := os.Getenv("APIAUDIT_CORPUS"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", "openapi")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// Files lists the documents in the given size classes ("small", "medium",
// "large", "xl", "apisguru-sample"), or skips tb when there is no corpus.
func Files(tb testing.TB, classes ...string) []string {
	tb.Helper()
	dir := Dir()
	if dir == "" {
		tb.Skip("no corpus: set APIAUDIT_CORPUS or check out ../shared")
	}
	var files []string
	for _, c := range classes {
		m, _ := filepath.Glob(filepath.Join(dir, c, "*"))
		files = append(files, m...)
	}
	slices.Sort(files)
	return files
}

// Name is a short benchmark name for a corpus file: "large/apisguru-api.github.com".
func Name(path string) string {
	return filepath.Base(filepath.Dir(path)) + "/" + strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
