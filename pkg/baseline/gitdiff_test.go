package baseline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func TestParseDiff(t *testing.T) {
	diff := `diff --git a/api.yaml b/api.yaml
index 1111111..2222222 100644
--- a/api.yaml
+++ b/api.yaml
@@ -3 +3 @@ info:
-  version: "1"
+  version: "2"
@@ -10,0 +11,3 @@ paths:
+  /b:
+    get:
+      responses: {}
@@ -20,2 +23,0 @@ paths:
-  /gone:
-    get: {}
diff --git a/new.yaml b/new.yaml
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.yaml
@@ -0,0 +1,2 @@
+openapi: 3.0.3
+paths: {}
diff --git a/old.yaml b/moved/old.yaml
similarity index 100%
rename from old.yaml
rename to moved/old.yaml
diff --git a/deleted.yaml b/deleted.yaml
deleted file mode 100644
--- a/deleted.yaml
+++ /dev/null
@@ -1 +0,0 @@
-openapi: 3.0.3
diff --git "a/sp\303\244ce \"q\".yaml" "b/sp\303\244ce \"q\".yaml"
--- "a/sp\303\244ce \"q\".yaml"
+++ "b/sp\303\244ce \"q\".yaml"
@@ -1 +1 @@
-a
+b
diff --git a/logo.png b/logo.png
Binary files a/logo.png and b/logo.png differ
`
	files, err := parseDiff(diff)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*fileChange{
		"api.yaml":         {ranges: [][2]int{{3, 3}, {11, 13}}},
		"new.yaml":         {whole: true, ranges: [][2]int{{1, 2}}},
		"moved/old.yaml":   {},
		"späce \"q\".yaml": {ranges: [][2]int{{1, 1}}},
		"logo.png":         {whole: true},
	}
	if !reflect.DeepEqual(files, want) {
		for k, v := range files {
			t.Logf("%q: %+v", k, *v)
		}
		t.Errorf("parseDiff differs from %v", want)
	}
	if _, err := parseDiff("diff --git a/x b/x\n+++ b/x\n@@ -1 +x @@\n"); err == nil {
		t.Error("a broken hunk header was accepted")
	}
}

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
