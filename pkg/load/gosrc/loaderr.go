package gosrc

import (
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// shownTypeErrors is how many of a package's type errors its problem
// quotes.
const shownTypeErrors = 3

// groupTypeErrors turns the errors of package p (from packageErrors) into
// problems: one per error, except type errors, which become one problem
// for the package when there are several: where the first is, how many
// there are, and the first few. A package that does not type-check is
// not analysed, and a package whose cgo files were left out has an
// "undefined" error at every use of what they declare: thousands of lines
// that say one thing. When files that import "C" were left out because
// cgo is off (cgoOff), the problem says so and how to load them.
func groupTypeErrors(p *packages.Package, errs []packages.Error, rel func(string) string, modDir string, cgoOff bool, tags []string) []lint.Problem {
	var out []lint.Problem
	var typeErrs []lint.Problem
	for _, e := range errs {
		prob := problem(e, rel, modDir)
		if e.Kind == packages.TypeError && !strings.HasPrefix(e.Msg, "could not import ") {
			typeErrs = append(typeErrs, prob)
			continue
		}
		out = append(out, prob)
	}
	var cgoFiles []string
	if cgoOff && len(typeErrs) > 0 {
		cgoFiles = cgoLeftOut(p, tags)
	}
	if len(typeErrs) == 1 && len(cgoFiles) == 0 {
		return append(out, typeErrs[0])
	}
	if len(typeErrs) == 0 {
		return out
	}
	first := typeErrs[0]
	var b strings.Builder
	if len(typeErrs) == 1 {
		fmt.Fprintf(&b, "%s, so %s is not analysed", first.Message, p.PkgPath)
	} else {
		fmt.Fprintf(&b, "%d type errors, so %s is not analysed: %s", len(typeErrs), p.PkgPath, first.Message)
		for _, e := range typeErrs[1:min(len(typeErrs), shownTypeErrors)] {
			fmt.Fprintf(&b, "; %s", e.Error())
		}
		if more := len(typeErrs) - shownTypeErrors; more > 0 {
			fmt.Fprintf(&b, "; and %d more", more)
		}
	}
	if len(cgoFiles) > 0 {
		files := make([]string, len(cgoFiles))
		for i, f := range cgoFiles {
			files[i] = rel(f)
		}
		fmt.Fprintf(&b, " (cgo is off, so the files that import \"C\" are left out: %s; set CGO_ENABLED=1 to load them, for code you trust, see docs/security.md)", strings.Join(files, ", "))
	}
	first.Message = b.String()
	return append(out, first)
}

// cgoLeftOut lists the files of p that the go command left out and that
// build constraints would take with cgo on: the files that declare what
// the rest of the package finds undefined with cgo off.
func cgoLeftOut(p *packages.Package, tags []string) []string {
	ctxt := build.Default
	ctxt.CgoEnabled = true
	ctxt.BuildTags = tags
	var out []string
	for _, f := range p.IgnoredFiles {
		if !strings.HasSuffix(f, ".go") || !importsC(f) {
			continue
		}
		if ok, err := ctxt.MatchFile(filepath.Dir(f), filepath.Base(f)); err == nil && ok {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// importsC reports whether the Go file at path imports "C".
func importsC(path string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if v, err := strconv.Unquote(imp.Path.Value); err == nil && v == "C" {
			return true
		}
	}
	return false
}

// cgoOff reports whether the go command runs with cgo off in env (the
// last CGO_ENABLED wins, as in exec.Cmd).
func cgoOff(env []string) bool {
	v := ""
	for _, kv := range env {
		if val, ok := strings.CutPrefix(kv, "CGO_ENABLED="); ok {
			v = val
		}
	}
	return v == "0"
}

// tagFlags returns the build flag that sets the build tags of goflags (the
// value of GOFLAGS: space-separated flags, "-tags=a,b" or "--tags=a,b"),
// as "-tags=a,b"; nil when it sets none. Only the tags are taken from
// GOFLAGS: its other flags could let the go command change go.mod
// (-mod=mod), read another one (-modfile) or run a program (-toolexec).
func tagFlags(goflags string) []string {
	var tags string
	set := false
	for _, f := range strings.Fields(goflags) {
		f = strings.TrimPrefix(f, "-")
		f = strings.TrimPrefix(f, "-")
		if v, ok := strings.CutPrefix(f, "tags="); ok {
			tags, set = v, true // the last one wins, as in the go command
		}
	}
	if !set {
		return nil
	}
	return []string{"-tags=" + tags}
}

// buildTags are the tags that build flags set, for go/build.
func buildTags(flags []string) []string {
	var out []string
	for _, f := range flags {
		if v, ok := strings.CutPrefix(f, "-tags="); ok {
			for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
				out = append(out, t)
			}
		}
	}
	return out
}
