// Command apiaudit-vet runs apiaudit's Go rules as a vet tool:
//
//	go vet -vettool=$(which apiaudit-vet) ./...
//
// Each rule is an analyzer named by its ID (-GO201 runs only GO201).
// Rules that are off by default in apiaudit scan are off here too unless
// named. //apiaudit:ignore comments are honoured, and generated files are
// skipped; the configuration file, unused-ignore reports and the report
// formats belong to apiaudit scan. See docs/go.md.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/apiaudit/apiaudit/pkg/budget"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/gosrc"
	"github.com/apiaudit/apiaudit/rules"
)

// Set by the release build: -ldflags "-X main.version=...".
var version string

func main() {
	if v, ok := versionLine(os.Args[1:], version); ok {
		fmt.Println(v)
		return
	}
	budget.Unwatched = stopped(os.Stderr)
	analyzers, optional := Analyzers(rules.All)
	os.Args = defaultOff(os.Args, analyzers, optional)
	unitchecker.Main(analyzers...)
}

// stopped prints an analysis that a work budget stopped (see pkg/budget)
// as one line on w: unitchecker keeps no list of problems, and a result
// cut short must not pass in silence.
func stopped(w io.Writer) func(*budget.Budget) {
	var mu sync.Mutex
	return func(b *budget.Budget) {
		mu.Lock()
		defer mu.Unlock()
		where := b.Where
		if where == "" {
			where = b.Unit
		}
		fmt.Fprintf(w, "apiaudit-vet: %s: %v\n", where, b.Err())
	}
}

// versionLine answers --version (and -version), the convention of the other
// command-line tools, which unitchecker does not know: it speaks -V=full to
// the go command, which still works. The version is the release's, else the
// module's, else 0.0.0-dev.
func versionLine(args []string, release string) (string, bool) {
	if len(args) != 1 || (args[0] != "--version" && args[0] != "-version") {
		return "", false
	}
	v := release
	if info, ok := debug.ReadBuildInfo(); ok && v == "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if v == "" {
		v = "0.0.0-dev"
	}
	return "apiaudit-vet " + v, true
}

// Analyzers returns the analyzer of every Go rule, wrapped to honour
// //apiaudit:ignore, and the names of those that are off by default.
func Analyzers(all []*lint.Rule) (analyzers []*analysis.Analyzer, optional []string) {
	match := func(pattern, id string) bool { ok, _ := doublestar.Match(pattern, id); return ok }
	for _, r := range all {
		if r.Analyzer == nil {
			continue
		}
		analyzers = append(analyzers, gosrc.WithIgnores(r.Analyzer, match))
		if r.Doc.Optional {
			optional = append(optional, r.Analyzer.Name)
		}
	}
	return analyzers, optional
}

// defaultOff adds -NAME=false for each optional analyzer when the command
// line names no analyzer: unitchecker then runs all the others. Naming one
// (-GO301) runs only the analyzers named, as with go vet's own.
func defaultOff(args []string, analyzers []*analysis.Analyzer, optional []string) []string {
	if len(optional) == 0 || len(args) == 0 {
		return args
	}
	for _, arg := range args[1:] {
		name := strings.TrimLeft(arg, "-")
		name, _, _ = strings.Cut(name, "=")
		for _, a := range analyzers {
			if name == a.Name && strings.HasPrefix(arg, "-") {
				return args
			}
		}
	}
	out := []string{args[0]}
	for _, name := range optional {
		out = append(out, "-"+name+"=false")
	}
	return append(out, args[1:]...)
}
