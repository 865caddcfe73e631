package cli

import (
	"cmp"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/config"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// reportOptions are the reporters' options for one scan: the version, and
// for the html format the run's settings and a reader of the scanned files
// for its snippets.
func reportOptions(app *App, opts *ScanOptions, cfg *config.Config, format, failOn string) report.Options {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	settings := []report.Setting{
		{Name: "paths", Value: strings.Join(paths, " ")},
		{Name: "format", Value: format},
		{Name: "fail on", Value: failOn},
		{Name: "configuration", Value: cmp.Or(cfg.File, "none")},
	}
	add := func(name, value string) {
		if value != "" {
			settings = append(settings, report.Setting{Name: name, Value: value})
		}
	}
	add("exclude", strings.Join(append(append([]string{}, cfg.Exclude...), opts.Exclude...), " "))
	add("baseline", opts.Baseline)
	add("write baseline", opts.WriteBaseline)
	add("new from revision", opts.NewFromRev)
	add("max file size", opts.MaxFileSize)
	if opts.AllowRemoteRefs {
		add("remote $refs", "allowed")
	}
	if opts.IncludeGenerated || cfg.IncludeGenerated {
		add("generated Go files", "included")
	}
	if opts.Jobs > 0 {
		add("jobs", strconv.Itoa(opts.Jobs))
	}
	return report.Options{ToolVersion: app.Build.Version, Source: sourceReader(paths), Settings: settings}
}

// sourceReader reads a file by the name a finding gives it: relative to the
// current directory, or to the scan path it was found under when that path
// lies outside the current directory (as the engine names files). Names
// that are not local (absolute, or climbing out with ..) are not read.
func sourceReader(paths []string) func(string) ([]byte, error) {
	var roots []string
	if cwd, err := os.Getwd(); err == nil {
		for _, p := range paths {
			abs, err := filepath.Abs(p)
			if err != nil {
				continue
			}
			if rel, err := filepath.Rel(cwd, abs); err == nil && filepath.IsLocal(rel) {
				continue
			}
			if info, err := os.Stat(abs); err == nil && !info.IsDir() {
				abs = filepath.Dir(abs)
			}
			roots = append(roots, abs)
		}
	}
	roots = append(roots, ".")
	return func(name string) ([]byte, error) {
		local := filepath.FromSlash(name)
		if !filepath.IsLocal(local) {
			return nil, os.ErrNotExist
		}
		var err error
		for _, root := range roots {
			var b []byte
			if b, err = os.ReadFile(filepath.Join(root, local)); err == nil {
				return b, nil
			}
		}
		return nil, err
	}
}

// resultFor is the result a format reports. The html format lists the
// suppressed findings (hidden until the reader asks for them) even without
// --include-suppressed, which governs the machine-read formats.
func resultFor(format string, res *lint.Result, suppressed []lint.Finding) *lint.Result {
	if format != "html" || len(res.Suppressed) == len(suppressed) {
		return res
	}
	r := *res
	r.Suppressed = suppressed
	return &r
}
