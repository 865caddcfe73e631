package cli

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	code, out, _ := run(t, false, nil, "--version")
	if code != ExitOK || out != "apiaudit v1.2.3\n" {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestRootHelp: the root help names Go as well as OpenAPI, and every format.
func TestRootHelp(t *testing.T) {
	_, out, _ := run(t, false, nil, "--help")
	for _, want := range []string{"Go\nservices", "text, json, sarif, markdown, github, junit, html"} {
		if !strings.Contains(out, want) {
			t.Errorf("root help lacks %q:\n%s", want, out)
		}
	}
}

func TestCompletion(t *testing.T) {
	if code, _, stderr := run(t, false, nil, "completion", "nushell"); code == ExitOK {
		t.Errorf("completion nushell exits 0: %s", stderr)
	}
	if code, out, _ := run(t, false, nil, "completion", "bash"); code != ExitOK || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "scan", "--format", ""}, []string{"text\n", "junit\n", "sarif\n"}},
		{[]string{"__complete", "scan", "--fail-on", ""}, []string{"error\n", "warning\n", "note\n", "none\n"}},
		{[]string{"__complete", "explain", ""}, []string{"OAS101\t", "GO201\t", "GO503\t"}},
	} {
		_, out, _ := run(t, false, nil, c.args...)
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v offers no %q:\n%s", c.args, w, out)
			}
		}
	}
}

// TestTermDumb: TERM=dumb gets no colour, as NO_COLOR does.
func TestTermDumb(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth})
	if _, out, _ := run(t, true, nil, "scan"); !strings.Contains(out, "\x1b[") {
		t.Fatalf("no colour on a terminal to begin with:\n%q", out)
	}
	if _, out, _ := run(t, true, map[string]string{"TERM": "dumb"}, "scan"); strings.Contains(out, "\x1b[") {
		t.Errorf("TERM=dumb got colour:\n%q", out)
	}
}

// TestProblemsOnce: on a terminal, a problem is printed once: by the report
// on standard output, not echoed to standard error as well.
func TestProblemsOnce(t *testing.T) {
	project(t, map[string]string{"shop.yaml": specNoAuth, "broken.yaml": "openapi: 3.0.3\npaths: [\n"})
	for _, format := range []string{"text", "json", "github"} {
		_, out, stderr := run(t, true, nil, "scan", "--format", format)
		if !strings.Contains(out, "broken.yaml") || strings.Contains(stderr, "broken.yaml") {
			t.Errorf("%s on a terminal: the problem is not printed exactly once\nstdout %s\nstderr %s", format, out, stderr)
		}
	}
	// Piped, machine formats still echo problems to standard error.
	if _, _, stderr := run(t, false, nil, "scan", "--format", "json"); !strings.Contains(stderr, "broken.yaml") {
		t.Errorf("json, piped: no problem on standard error: %s", stderr)
	}
}

// TestWriteErrorNamesOutput: an error while writing names the file the user
// asked for, not the temporary file.
func TestWriteErrorNamesOutput(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.sarif")
	err := writeFile(name, func(io.Writer) error {
		return &fs.PathError{Op: "write", Path: filepath.Join(filepath.Dir(name), ".out.sarif.12345"), Err: syscall.ENOSPC}
	})
	if err == nil || !strings.Contains(err.Error(), "write "+name+": ") || strings.Contains(err.Error(), ".out.sarif.12345") || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("error = %v", err)
	}
}
