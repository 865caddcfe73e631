package baseline

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff/lcs"

	"github.com/apiaudit/apiaudit/internal/childproc"
	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Changes are the lines of a working tree that changed since a git
// revision, keyed by file relative to the directory they were asked for.
//
// git is asked only to resolve the revision and to hand over its tree and
// blobs (rev-parse, ls-tree, cat-file: plumbing that runs no filter, hook,
// diff driver or pager), with the system and global configuration ignored
// and the settings that could run a program or reach the network
// overridden on the command line. The diff itself is computed here, from
// the working tree's bytes as they are on disk. See gitCmd.
type Changes struct {
	Rev     string // as the user wrote it
	Commit  string // what it resolved to
	ctx     context.Context
	dir     string               // the directory findings are relative to
	top     string               // the top of the working tree
	format  string               // the repository's object format: sha1 or sha256
	tracked map[string]treeEntry // files of Commit, relative to dir
	blobs   map[string][]string  // the files of Commit by blob id, relative to dir
	files   map[string]*fileChange
}

// treeEntry is one file of the revision's tree.
type treeEntry struct {
	mode, oid, path string // path relative to the top of the working tree
}

type fileChange struct {
	changed bool     // the file differs from the revision
	whole   bool     // added, or binary: every line counts as changed
	ranges  [][2]int // added or changed lines, [first, last], 1-based
}

// maxDiffSize bounds the files compared line by line; a larger file that
// differs from its revision counts as changed throughout.
const maxDiffSize = 64 << 20

// ChangedSince asks git for the tree of rev, for the lines under dir that
// changed between rev and the working tree (staged or not). A directory
// outside a git repository, or a revision git does not know, is an error.
// Files are compared when a finding asks about them (Keep).
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
	format, err := git(ctx, dir, "rev-parse", "--show-object-format")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git rev-parse: %v", err)
	}
	c := &Changes{Rev: rev, Commit: strings.TrimSpace(commit), ctx: ctx, dir: dir, top: top,
		format: strings.TrimSpace(format), tracked: map[string]treeEntry{}, blobs: map[string][]string{}, files: map[string]*fileChange{}}
	tree, err := git(ctx, top, "ls-tree", "-r", "-z", "--full-tree", c.Commit)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git ls-tree: %v", err)
	}
	for _, line := range strings.Split(tree, "\x00") {
		// "<mode> SP <type> SP <oid> TAB <path>"
		meta, path, ok := strings.Cut(line, "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || fields[1] != "blob" {
			continue // a submodule, or the empty tail
		}
		r, err := filepath.Rel(dir, filepath.Join(top, filepath.FromSlash(path)))
		if err != nil {
			continue
		}
		c.tracked[filepath.ToSlash(r)] = treeEntry{mode: fields[0], oid: fields[2], path: path}
		c.blobs[fields[2]] = append(c.blobs[fields[2]], filepath.ToSlash(r))
	}
	return c, nil
}

// change compares one file, relative to dir, with the revision, once.
func (c *Changes) change(file string) *fileChange {
	if fc, ok := c.files[file]; ok {
		return fc
	}
	fc := c.compare(file)
	c.files[file] = fc
	return fc
}

// compare works out which lines of file changed since the revision: none
// when it is byte for byte what the revision has (under this name or, for
// a file that moved, under a name that is gone from the working tree; a
// copy is new), all of them when it is new, binary, too
// large or cannot be read, else the lines a line diff adds or replaces.
// Line ends are compared without their carriage return, so that a
// checkout with CRLF line ends (core.autocrlf) has no changed lines.
func (c *Changes) compare(file string) *fileChange {
	whole := &fileChange{changed: true, whole: true}
	now, err := readRegular(filepath.Join(c.dir, filepath.FromSlash(file)))
	if err != nil {
		return whole
	}
	id := blobID(c.format, now)
	e, tracked := c.tracked[file]
	switch {
	case !tracked && c.moved(id):
		return &fileChange{} // moved, unchanged
	case !tracked:
		return whole
	case id == e.oid:
		return &fileChange{}
	case !strings.HasPrefix(e.mode, "100") || len(now) > maxDiffSize:
		return whole // a symbolic link or a submodule at the revision, or huge
	}
	was, err := git(c.ctx, c.top, "cat-file", "blob", e.oid)
	if err != nil || len(was) > maxDiffSize || strings.IndexByte(was, 0) >= 0 || bytes.IndexByte(now, 0) >= 0 {
		return whole
	}
	fc := &fileChange{changed: true}
	for _, d := range lcs.DiffLines(lines(was), lines(string(now))) {
		if d.ReplEnd > d.ReplStart {
			fc.ranges = append(fc.ranges, [2]int{d.ReplStart + 1, d.ReplEnd})
		}
	}
	return fc
}

// moved reports whether the revision has a file with blob id id whose
// name is gone from the working tree.
func (c *Changes) moved(id string) bool {
	for _, p := range c.blobs[id] {
		if _, err := os.Lstat(filepath.Join(c.dir, filepath.FromSlash(p))); errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}

// lines splits text into lines without their line ends ("\n" or "\r\n").
func lines(s string) []string {
	out := strings.SplitAfter(s, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	for i, l := range out {
		l = strings.TrimSuffix(l, "\n")
		out[i] = strings.TrimSuffix(l, "\r")
	}
	return out
}

// blobID is the id git gives a blob with these contents.
func blobID(format string, data []byte) string {
	header := "blob " + strconv.Itoa(len(data)) + "\x00"
	if format == "sha256" {
		h := sha256.New()
		h.Write([]byte(header))
		h.Write(data)
		return hex.EncodeToString(h.Sum(nil))
	}
	h := sha1.New()
	h.Write([]byte(header))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// readRegular reads a regular file, and refuses anything else (a pipe
// would block, a device never end; a symbolic link is compared as a link,
// not read through) and files over maxDiffSize. What the name is, is asked
// of the open descriptor, so a file swapped for a pipe after a check
// cannot block the scan.
func readRegular(path string) ([]byte, error) {
	return regfile.ReadFile(path, maxDiffSize, regfile.NoFollow)
}

// gitConfig overrides, for every git command apiaudit runs, each setting
// that could make git run a program, open a connection or pick a pager,
// on top of an environment without system or global configuration
// (gitEnv). The repository's own configuration is still read by git, and
// is untrusted: none of the commands used here runs filters, hooks, diff
// drivers, textconv or credential helpers, and these overrides cover what
// the commands could still reach (fsmonitor on index reads, a lazy fetch
// from a promisor remote in a partial clone, which would run ssh).
var gitConfig = []string{
	"core.fsmonitor=false",
	"core.untrackedCache=false",
	"core.hooksPath=" + os.DevNull,
	"core.quotePath=false",
	"credential.helper=",
	"protocol.allow=never",
	"diff.external=",
}

// git runs a git command in dir and returns its standard output. The error
// carries the first line of its standard error.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	var pre []string
	for _, kv := range gitConfig {
		pre = append(pre, "-c", kv)
	}
	for _, sd := range safeDirectories() {
		pre = append(pre, "-c", "safe.directory="+sd)
	}
	args = append(append(pre, "--no-pager", "--no-replace-objects"), args...)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	childproc.Configure(cmd)
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

// gitEnv is the user's environment without the variables through which git
// reads configuration or runs programs, and with system and global
// configuration off.
func gitEnv() []string {
	var env []string
	for _, kv := range childproc.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "GIT_CONFIG"), k == "GIT_EXTERNAL_DIFF", k == "GIT_PAGER", k == "PAGER",
			k == "GIT_SSH", k == "GIT_SSH_COMMAND", k == "GIT_ASKPASS", k == "SSH_ASKPASS", k == "GIT_EDITOR",
			k == "GIT_PROXY_COMMAND", k == "GIT_EXEC_PATH", k == "GIT_TRACE2_EVENT", k == "GIT_ALLOW_PROTOCOL":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0", "GIT_NO_LAZY_FETCH=1", "GIT_ALLOW_PROTOCOL=none", "GIT_ATTR_NOSYSTEM=1", "LC_ALL=C")
}

// safeDirectories are the safe.directory entries of the user's own git
// configuration, which gitEnv leaves out: a CI checkout owned by another
// user (GitHub Actions marks it safe in the global configuration) must
// still be readable. They are read once, with nothing else of that
// configuration.
var safeDirectories = sync.OnceValue(func() []string {
	cmd := exec.Command("git", "config", "--includes", "--get-all", "safe.directory")
	var env []string
	for _, kv := range childproc.Environ() {
		if !strings.HasPrefix(kv, "GIT_DIR=") && !strings.HasPrefix(kv, "GIT_WORK_TREE=") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	cmd.Dir = os.TempDir() // outside any repository: system and global only
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	var dirs []string
	for line := range strings.Lines(string(out)) {
		if line = strings.TrimSpace(line); line != "" {
			dirs = append(dirs, line)
		}
	}
	return dirs
})

// Keep reports whether a finding is new since the revision: its file is
// new, untracked or binary-changed, or its line is among the added or
// changed ones (for spec elements that is the line of the element's key).
// A finding without a line is kept when its file changed at all.
func (c *Changes) Keep(f lint.Finding) bool {
	fc := c.change(f.Location.File)
	if fc.whole || (f.Location.Line == 0 && fc.changed) {
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
// rejects, and returns how many findings to report it dropped. Neither
// Keep nor Filter may be called from several goroutines at once.
func (c *Changes) Filter(res *lint.Result) int {
	n := len(res.Findings)
	res.Findings = slices.DeleteFunc(res.Findings, func(f lint.Finding) bool { return !c.Keep(f) })
	res.Suppressed = slices.DeleteFunc(res.Suppressed, func(f lint.Finding) bool { return !c.Keep(f) })
	return n - len(res.Findings)
}
