// Package config reads apiaudit's configuration file, .apiaudit.yaml: the
// fail-on threshold, the default format, excluded paths, which rules run
// and at what severity (for the whole tree and for some paths), and the
// rules' options.
//
// The file is decoded node by node, so that every mistake (an unknown key,
// a value of the wrong type, a rule that does not exist) is reported with
// the file, the line and the key. docs/config.md describes the format, and
// Schema writes docs/config.schema.json from the same rule registry.
//
// Rule options live in package-level variables of the rule packages
// (lint.Rule.Options). Load only decodes them; Apply writes them into the
// rules and returns the function that puts the previous values back.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// FileNames are the names Find looks for, in this order.
var FileNames = []string{".apiaudit.yaml", ".apiaudit.yml"}

// maxFileSize bounds what Load reads: a configuration file is a few
// kilobytes, and one found in a scanned tree is not trusted to be small.
const maxFileSize = 1 << 20

// Config is a decoded configuration file. The zero value is "no file":
// every setting at its default.
type Config struct {
	File    string   // the file as the user knows it (relative to the working directory when found)
	FailOn  string   // "error", "warning", "note" or "none"; "" when not set
	Format  string   // a report format; "" when not set
	Exclude []string // doublestar globs, like --exclude
	// IncludeGenerated analyses generated Go files too, like
	// --include-generated.
	IncludeGenerated bool

	Rules     RuleSettings // rules: for the whole tree
	Overrides []Override   // overrides: for some paths, applied in order after Rules
	Options   []RuleOptions

	known []*lint.Rule
}

// RuleSettings says which rules run and at what severity. A pattern is a
// rule ID, a glob of IDs ("OAS2*") or a rule name, without regard to case.
type RuleSettings struct {
	// Disable turns rules off, and Enable back on: a rule is off when a
	// Disable pattern matches it and no Enable pattern does.
	Enable, Disable []string
	// Severity changes the severity of a rule's findings; when several
	// entries match a rule the last one wins.
	Severity []SeverityRule
}

// SeverityRule is one entry of a severity map.
type SeverityRule struct {
	Pattern  string
	Severity lint.Severity
}

// Override is an entry of overrides: settings for the files that match
// Paths (globs with the semantics of --exclude).
type Override struct {
	Paths []string
	RuleSettings
}

// RuleOptions are one rule's options as the file sets them: the rule's
// current values with the file's keys decoded over them.
type RuleOptions struct {
	Rule  *lint.Rule
	Value any // a pointer to a new value of the rule's Options type
}

// Error is a mistake in a configuration file.
type Error struct {
	File string
	Line int // 1-based; 0 when the mistake has no line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Find looks for a configuration file in dir and then in each parent
// directory up to the filesystem root. It stops at the first directory that
// has one, and after checking a directory that contains .git (the top of a
// repository). It returns "" when there is none. Both .apiaudit.yaml and
// .apiaudit.yml in one directory is an error.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 0:
		case 1:
			return found[0], nil
		default:
			return "", fmt.Errorf("%s and %s are both configuration files: keep one", found[0], filepath.Base(found[1]))
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the configuration file at path against the rules
// apiaudit has. display is how messages name the file ("" = path). Every
// error names the file and, when there is one, the line.
func Load(path, display string, known []*lint.Rule) (*Config, error) {
	if display == "" {
		display = path
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{File: display, Msg: "no such file"}
		}
		return nil, &Error{File: display, Msg: unwrapPath(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, &Error{File: display, Msg: unwrapPath(err)}
	}
	if len(data) > maxFileSize {
		return nil, &Error{File: display, Msg: "larger than 1MB: not a configuration file"}
	}
	return Parse(data, display, known)
}

// Apply writes the file's rule options into the rules and returns the
// function that restores the values they had before. Rules read their
// options from package-level variables, so a configuration is global while
// it is applied: tests must call the returned function (t.Cleanup(undo)).
func (c *Config) Apply() (undo func()) {
	if c == nil {
		return func() {}
	}
	type saved struct{ dst, old reflect.Value }
	var restore []saved
	for _, o := range c.Options {
		dst := reflect.ValueOf(o.Rule.Options).Elem()
		old := reflect.New(dst.Type()).Elem()
		old.Set(dst)
		restore = append(restore, saved{dst, old})
		dst.Set(reflect.ValueOf(o.Value).Elem())
	}
	return func() {
		for i := len(restore) - 1; i >= 0; i-- {
			restore[i].dst.Set(restore[i].old)
		}
	}
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
