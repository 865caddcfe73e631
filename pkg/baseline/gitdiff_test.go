package baseline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// gitRepo makes a temporary repository with one commit and returns its
// directory, or skips the test when git is not installed.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	runGit(t, dir, "init", "-q")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "first")
	return dir
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChangedSince(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"api/a.yaml":  "l1\nl2\nl3\nl4\nl5\n",
		"api/b.yaml":  "b1\nb2\n",
		"other.yaml":  "o1\n",
		".gitignore":  "ignored.yaml\n",
		"api/c.yaml":  "c1\n",
		"api/mv.yaml": "m1\nm2\nm3\nm4\nm5\nm6\n",
	})
	writeFile(t, filepath.Join(dir, "api/a.yaml"), "l1\nl2 changed\nl3\nnew\nl4\nl5\n")
	writeFile(t, filepath.Join(dir, "api/new.yaml"), "n1\n")     // untracked
	writeFile(t, filepath.Join(dir, "api/ignored.yaml"), "i1\n") // untracked and ignored
	runGit(t, dir, "mv", "api/mv.yaml", "api/moved.yaml")        // renamed, unchanged
	writeFile(t, filepath.Join(dir, "api/staged.yaml"), "s1\n")
	runGit(t, dir, "add", "api/staged.yaml") // new, staged

	// Ask from a subdirectory: files are relative to it, as findings are
	// relative to the working directory.
	c, err := ChangedSince(context.Background(), filepath.Join(dir, "api"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		keep bool
	}{
		{"a.yaml", 1, false},
		{"a.yaml", 2, true}, // changed
		{"a.yaml", 3, false},
		{"a.yaml", 4, true}, // added
		{"a.yaml", 5, false},
		{"a.yaml", 0, true}, // a whole-file finding in a changed file
		{"b.yaml", 1, false},
		{"b.yaml", 0, false},
		{"new.yaml", 1, true},
		{"ignored.yaml", 1, true},
		{"staged.yaml", 1, true},
		{"moved.yaml", 3, false},
		{"../other.yaml", 1, false},
	} {
		f := lint.Finding{Location: lint.Location{File: tc.file, Line: tc.line}}
		if got := c.Keep(f); got != tc.keep {
			t.Errorf("%s:%d: Keep = %v, want %v", tc.file, tc.line, got, tc.keep)
		}
	}

	res := &lint.Result{
		Findings:   []lint.Finding{{Location: lint.Location{File: "a.yaml", Line: 2}}, {Location: lint.Location{File: "a.yaml", Line: 1}}},
		Suppressed: []lint.Finding{{Location: lint.Location{File: "b.yaml", Line: 1}}},
	}
	if n := c.Filter(res); n != 1 || len(res.Findings) != 1 || len(res.Suppressed) != 0 {
		t.Errorf("Filter dropped %d: %+v", n, res)
	}

	for _, tc := range []struct{ dir, rev, want string }{
		{dir, "no-such-rev", `--new-from-rev: unknown revision "no-such-rev"`},
		{dir, "--output=/tmp/x", `--new-from-rev: "--output=/tmp/x" is not a revision`},
		{t.TempDir(), "HEAD", "is not in a git repository"},
	} {
		if _, err := ChangedSince(context.Background(), tc.dir, tc.rev); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ChangedSince(%s): err = %v, want %q", tc.rev, err, tc.want)
		}
	}
}

// TestChangedSinceLineEnds checks the diff done here: a checkout with CRLF
// line ends has changed lines only where the text changed, and a file
// whose only change is a deletion keeps its whole-file findings only.
func TestChangedSinceLineEnds(t *testing.T) {
	dir := gitRepo(t, map[string]string{"crlf.yaml": "a\nb\nc\n", "del.yaml": "a\nb\nc\n", "same.yaml": "x\n"})
	writeFile(t, filepath.Join(dir, "crlf.yaml"), "a\r\nB\r\nc\r\n")
	writeFile(t, filepath.Join(dir, "del.yaml"), "a\nc\n")
	writeFile(t, filepath.Join(dir, "copy.yaml"), "x\n") // a copy of same.yaml: new
	c, err := ChangedSince(context.Background(), dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		keep bool
	}{
		{"crlf.yaml", 1, false}, {"crlf.yaml", 2, true}, {"crlf.yaml", 3, false},
		{"del.yaml", 1, false}, {"del.yaml", 2, false}, {"del.yaml", 0, true},
		{"same.yaml", 0, false}, {"same.yaml", 1, false}, {"copy.yaml", 1, true},
	} {
		if got := c.Keep(lint.Finding{Location: lint.Location{File: tc.file, Line: tc.line}}); got != tc.keep {
			t.Errorf("%s:%d: Keep = %v, want %v", tc.file, tc.line, got, tc.keep)
		}
	}
}

// TestChangedSinceRunsNothingFromTheRepository gives the scanned
// repository a configuration that names a program in every place git
// reads one from (filters with a .gitattributes line, diff drivers and
// textconv, hooks, fsmonitor, pager, ssh, askpass, editor, credential and
// gpg programs, an ext:: remote, an included file with more of the same)
// and checks that none of them runs while the changed lines are worked out.
func TestChangedSinceRunsNothingFromTheRepository(t *testing.T) {
	dir := gitRepo(t, map[string]string{"api.yaml": "a\nb\nc\n", ".gitattributes": "* filter=evil diff=evil\n"})
	marks := t.TempDir()
	run := func(name string) string { return "touch " + filepath.Join(marks, name) }
	settings := [][2]string{
		{"filter.evil.clean", run("clean")}, {"filter.evil.smudge", run("smudge")},
		{"filter.evil.process", run("process")}, {"filter.evil.required", "true"},
		{"diff.evil.command", run("diff-command")}, {"diff.evil.textconv", run("textconv")},
		{"diff.external", run("diff-external")},
		{"core.fsmonitor", filepath.Join(marks, "hooks", "fsmonitor-watchman")},
		{"core.hooksPath", filepath.Join(marks, "hooks")},
		{"core.pager", run("pager")}, {"pager.diff", run("pager-diff")}, {"pager.ls-tree", run("pager-ls-tree")},
		{"core.sshCommand", run("ssh")}, {"core.askPass", run("askpass")},
		{"core.editor", run("editor")}, {"sequence.editor", run("sequence-editor")},
		{"credential.helper", "!" + run("credential")},
		{"gpg.program", run("gpg")}, {"gpg.ssh.program", run("gpg-ssh")},
		{"core.alternateRefsCommand", run("alternate-refs")},
		{"uploadpack.packObjectsHook", run("pack-objects")},
		{"remote.origin.url", "ext::sh -c " + strings.ReplaceAll(run("ext"), " ", "% ")},
		{"remote.origin.promisor", "true"},
		{"include.path", filepath.Join(marks, "included")},
	}
	for _, kv := range settings {
		runGit(t, dir, "config", kv[0], kv[1])
	}
	writeFile(t, filepath.Join(marks, "included"), "[filter \"evil\"]\n\tclean = "+run("included-clean")+"\n[core]\n\tfsmonitor = "+run("included-fsmonitor")+"\n")
	hook := "#!/bin/sh\n" + run("hook") + "-$(basename \"$0\")\n"
	for _, name := range []string{"fsmonitor-watchman", "post-checkout", "post-index-change", "reference-transaction", "pre-commit", "post-rewrite", "pre-auto-gc"} {
		for _, d := range []string{filepath.Join(marks, "hooks"), filepath.Join(dir, ".git", "hooks")} {
			writeFile(t, filepath.Join(d, name), hook)
			if err := os.Chmod(filepath.Join(d, name), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	writeFile(t, filepath.Join(dir, "api.yaml"), "a\nB\nc\n")
	writeFile(t, filepath.Join(dir, "new.yaml"), "n\n")

	c, err := ChangedSince(context.Background(), dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		keep bool
	}{{"api.yaml", 1, false}, {"api.yaml", 2, true}, {"new.yaml", 1, true}, {".gitattributes", 1, false}} {
		if got := c.Keep(lint.Finding{Location: lint.Location{File: tc.file, Line: tc.line}}); got != tc.keep {
			t.Errorf("%s:%d: Keep = %v, want %v", tc.file, tc.line, got, tc.keep)
		}
	}
	entries, err := os.ReadDir(marks)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "hooks" && e.Name() != "included" {
			t.Errorf("%s ran", e.Name())
		}
	}
}
