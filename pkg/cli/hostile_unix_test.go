//go:build unix

package cli

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptStopsScan runs the built binary on a scan that cannot
// finish (a go command that sleeps, first on PATH), stops it with SIGINT or
// SIGTERM once the go command runs, and checks that it exits with an
// error, leaves no report (nor half of one) and no go process behind; and
// on Linux that SIGKILL leaves no go process behind either.
func TestInterruptStopsScan(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "apiaudit")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/apiaudit")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	signals := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}
	if runtime.GOOS == "linux" {
		signals = append(signals, syscall.SIGKILL) // the go command dies with apiaudit (Pdeathsig)
	}
	for _, sig := range signals {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			writeTestFile(t, filepath.Join(dir, "svc", "go.mod"), "module example.com/svc\n\ngo 1.26\n")
			writeTestFile(t, filepath.Join(dir, "svc", "a.go"), "package svc\n")
			writeTestFile(t, filepath.Join(dir, "api.yaml"), specNoAuth)
			fakeBin := t.TempDir()
			pids := filepath.Join(fakeBin, "pids")
			writeTestFile(t, filepath.Join(fakeBin, "go"), "#!/bin/sh\necho $$ >> "+pids+"\nexec sleep 60\n")
			if err := os.Chmod(filepath.Join(fakeBin, "go"), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "scan", "--output", "report.json", "--format", "json", ".")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+fakeBin+string(os.PathListSeparator)+os.Getenv("PATH"))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			// Wait for the go command to run, then signal apiaudit alone.
			var goPids []int
			for deadline := time.Now().Add(30 * time.Second); len(goPids) == 0; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("the go command never ran; stderr %q", stderr.String())
				}
				data, _ := os.ReadFile(pids)
				for _, f := range strings.Fields(string(data)) {
					if n, err := strconv.Atoi(f); err == nil {
						goPids = append(goPids, n)
					}
				}
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-exited:
			case <-time.After(20 * time.Second): // a hang, not a timing budget
				cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v", sig)
			}
			var ee *exec.ExitError
			if sig == syscall.SIGKILL {
				// Nothing to say: checked below that nothing is left.
			} else if !errors.As(err, &ee) || ee.ExitCode() != ExitError || !strings.Contains(stderr.String(), "apiaudit: interrupted") {
				t.Errorf("after %v: %v, stderr %q; want exit %d and interrupted", sig, err, stderr.String(), ExitError)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), "report") {
					t.Errorf("%s left behind", e.Name())
				}
			}
			for _, pid := range goPids {
				gone := false
				for deadline := time.Now().Add(5 * time.Second); !gone && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
					gone = errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) || isZombie(pid)
				}
				if !gone {
					syscall.Kill(pid, syscall.SIGKILL)
					t.Errorf("go command %d still running after apiaudit exited", pid)
				}
			}
		})
	}
}

// isZombie reports whether a process has ended and waits for its parent.
func isZombie(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	return strings.HasPrefix(rest, "Z")
}

// TestReportFileMode checks that a new report gets 0666 less the umask, and
// that a report written over an existing file keeps that file's mode.
func TestReportFileMode(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	write := func(name string) os.FileMode {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := writeFile(p, func(w io.Writer) error { _, err := io.WriteString(w, "{}\n"); return err }); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return info.Mode().Perm()
	}
	if m := write("new.json"); m != 0o640 {
		t.Errorf("new report: mode %o, want 640 (umask 027)", m)
	}
	if err := os.WriteFile(filepath.Join(dir, "private.json"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "private.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if m := write("private.json"); m != 0o600 {
		t.Errorf("report over a 0600 file: mode %o, want 600", m)
	}
}

// TestStderrEscapesHostileNames scans files whose names carry an OSC 52
// clipboard write, a screen clear, C1 controls and a line break followed by
// a GitHub workflow command: problems and notices echoed on standard error
// must carry none of them raw.
func TestStderrEscapesHostileNames(t *testing.T) {
	onlyRules(t, "OAS101")
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{
		"openapi\x1b]52;c;ZXZpbA==\x07.yaml",
		"swagger\x1b[2J\u009b2J.yaml",
		"openapi\n::error file=x.go,line=1::pwned.yaml",
	} {
		writeTestFile(t, name, "not: [an, openapi, document\n")
	}
	writeTestFile(t, "broken\n::warning::x.yaml", "openapi: 3.0.3\npaths: [\n")
	_, _, stderr := run(t, false, nil, "scan", "--format", "json", ".")
	if !strings.Contains(stderr, "notice") || !strings.Contains(stderr, "\\u{1b}") {
		t.Fatalf("stderr does not show the files: %q", stderr)
	}
	for i, line := range strings.Split(stderr, "\n") {
		if line != "" && !strings.HasPrefix(line, "apiaudit: ") {
			t.Errorf("stderr line %d does not start with apiaudit: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\x1b\x07\r\u009b") {
			t.Errorf("stderr line %d carries a control character: %q", i+1, line)
		}
	}
}
