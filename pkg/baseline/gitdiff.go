package baseline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Changes are the lines of a working tree that changed since a git
// revision, keyed by file relative to the directory they were asked for.
type Changes struct {
	Rev     string // as the user wrote it
	Commit  string // what it resolved to
	files   map[string]*fileChange
	tracked map[string]bool // files that exist at Commit
}

type fileChange struct {
	whole  bool     // added, or binary: every line counts as changed
	ranges [][2]int // added or changed lines, [first, last], 1-based
}

// ChangedSince asks git which lines under dir changed between rev and the
// working tree (staged or not). git runs without a shell, with external
// diff drivers, text conversion and fsmonitor hooks switched off, since the
// repository being scanned may not be trusted. A directory outside a git
// repository, or a revision git does not know, is an error.
func ChangedSince(ctx context.Context, dir, rev string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--new-from-rev: %q is not a revision", rev)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: %s is not in a git repository (%v)", dir, err)
	}
	top = strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	commit, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	c := &Changes{Rev: rev, Commit: strings.TrimSpace(commit), files: map[string]*fileChange{}, tracked: map[string]bool{}}

	rel := func(p string) string {
		r, err := filepath.Rel(dir, filepath.Join(top, filepath.FromSlash(p)))
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	tree, err := git(ctx, top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", c.Commit)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git ls-tree: %v", err)
	}
	for _, p := range strings.Split(tree, "\x00") {
		if p != "" {
			c.tracked[rel(p)] = true
		}
	}
	diff, err := git(ctx, top, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative",
		"--src-prefix=a/", "--dst-prefix=b/", "-M", "-U0", c.Commit, "--")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %v", err)
	}
	files, err := parseDiff(diff)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: %v", err)
	}
	for p, fc := range files {
		c.files[rel(p)] = fc
	}
	return c, nil
}

// git runs a git command in dir and returns its standard output. The error
// carries the first line of its standard error.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	args = append([]string{"-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", fmt.Errorf("git is not installed: %v", err)
		}
		msg, _, _ := strings.Cut(strings.TrimSpace(errb.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return "", errors.New(strings.TrimPrefix(msg, "fatal: "))
	}
	return out.String(), nil
}

// parseDiff reads `git diff -U0` output: for each file in the new tree, the
// ranges of added lines, or whole for a new or binary file.
func parseDiff(diff string) (map[string]*fileChange, error) {
	files := map[string]*fileChange{}
	var cur *fileChange
	newFile := false
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur, newFile = nil, false
		case strings.HasPrefix(line, "new file mode "):
			newFile = true
		case strings.HasPrefix(line, "rename to "):
			cur = file(files, unquote(strings.TrimPrefix(line, "rename to ")))
		case strings.HasPrefix(line, "+++ "):
			name := unquote(strings.TrimPrefix(line, "+++ "))
			if name == "/dev/null" {
				cur = nil // deleted
				continue
			}
			cur = file(files, strings.TrimPrefix(name, "b/"))
			cur.whole = cur.whole || newFile
		case strings.HasPrefix(line, "Binary files "):
			// "Binary files a/x and b/y differ": every line may have changed.
			if _, after, ok := strings.Cut(line, " and "); ok {
				name := unquote(strings.TrimSuffix(after, " differ"))
				if name != "/dev/null" {
					file(files, strings.TrimPrefix(name, "b/")).whole = true
				}
			}
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			first, count, err := hunkNew(line)
			if err != nil {
				return nil, err
			}
			if count > 0 {
				cur.ranges = append(cur.ranges, [2]int{first, first + count - 1})
			}
		}
	}
	return files, sc.Err()
}

func file(files map[string]*fileChange, name string) *fileChange {
	fc := files[name]
	if fc == nil {
		fc = &fileChange{}
		files[name] = fc
	}
	return fc
}

// hunkNew reads the new-file side of a hunk header, "@@ -a,b +c,d @@":
// the first line and the count (1 when ",d" is left out).
func hunkNew(line string) (first, count int, err error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("cannot read the git hunk header %q", line)
	}
	start, n, hasCount := strings.Cut(strings.TrimPrefix(fields[2], "+"), ",")
	first, err = strconv.Atoi(start)
	if err != nil {
		return 0, 0, fmt.Errorf("cannot read the git hunk header %q", line)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(n); err != nil {
			return 0, 0, fmt.Errorf("cannot read the git hunk header %q", line)
		}
	}
	return first, count, nil
}

// unquote undoes git's C-style quoting of unusual file names.
func unquote(s string) string {
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// Keep reports whether a finding is new since the revision: its file is
// new, untracked or binary-changed, or its line is among the added or
// changed ones (for spec elements that is the line of the element's key).
// A finding without a line is kept when its file changed at all.
func (c *Changes) Keep(f lint.Finding) bool {
	fc, ok := c.files[f.Location.File]
	if !ok {
		return !c.tracked[f.Location.File]
	}
	if fc.whole || f.Location.Line == 0 {
		return true
	}
	for _, r := range fc.ranges {
		if f.Location.Line >= r[0] && f.Location.Line <= r[1] {
			return true
		}
	}
	return false
}

// Filter drops from res the findings, suppressed ones included, that Keep
// rejects, and returns how many findings to report it dropped.
func (c *Changes) Filter(res *lint.Result) int {
	n := len(res.Findings)
	res.Findings = slices.DeleteFunc(res.Findings, func(f lint.Finding) bool { return !c.Keep(f) })
	res.Suppressed = slices.DeleteFunc(res.Suppressed, func(f lint.Finding) bool { return !c.Keep(f) })
	return n - len(res.Findings)
}
