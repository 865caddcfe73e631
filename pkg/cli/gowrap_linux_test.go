package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillLeavesNoGoList kills apiaudit with SIGKILL while the `go list`
// that go/packages started runs, and checks that no process of that go
// command's process group survives: go/packages starts it through the
// wrapper (internal/gowrap), which gives it a parent-death signal. The go
// command here is a script that runs the real go for everything but
// `list`, and for `list` records its process and environment and sleeps.
// It also checks that the go command's environment carries nothing of the
// wrapper, and that a scan that ends normally leaves no wrapper directory.
func TestKillLeavesNoGoList(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "apiaudit")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/apiaudit").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			writeTestFile(t, filepath.Join(dir, "svc", "go.mod"), "module example.com/svc\n\ngo 1.26\n")
			writeTestFile(t, filepath.Join(dir, "svc", "a.go"), "package svc\n")
			fakeBin, tmp := t.TempDir(), t.TempDir()
			rec := filepath.Join(fakeBin, "rec")
			// go/packages may run two `go list` at once (its size query
			// beside the load), so each writes its files under its own
			// name and renames them: the test reads one whole record.
			script := "#!/bin/sh\nif [ \"$1\" = list ]; then\n  env > " + rec + ".env.$$\n  mv " + rec + ".env.$$ " + rec + ".env\n  echo $$ > " + rec + ".tmp.$$\n  mv " + rec + ".tmp.$$ " + rec + "\n  exec sleep 60\nfi\nexec " + realGo + " \"$@\"\n"
			writeTestFile(t, filepath.Join(fakeBin, "go"), script)
			if err := os.Chmod(filepath.Join(fakeBin, "go"), 0o755); err != nil {
				t.Fatal(err)
			}
			path := fakeBin + string(os.PathListSeparator) + os.Getenv("PATH")
			cmd := exec.Command(bin, "scan", "--format", "json", ".")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+path, "TMPDIR="+tmp)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			pid := 0
			for deadline := time.Now().Add(60 * time.Second); pid == 0; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("go list never ran; stderr %q", stderr.String())
				}
				data, _ := os.ReadFile(rec)
				pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
			}
			env, _ := os.ReadFile(rec + ".env")
			for line := range strings.Lines(string(env)) {
				if strings.HasPrefix(line, "APIAUDIT_GO_WRAP") || strings.HasPrefix(line, "PATH=") && strings.TrimSpace(line) != "PATH="+path {
					t.Errorf("go list's environment has %q", strings.TrimSpace(line))
				}
			}
			if !strings.Contains(string(env), "GOPROXY=off") {
				t.Errorf("go list's environment is not pinned:\n%s", env)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(20 * time.Second): // a hang, not a timing budget
				cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v", sig)
			}
			// go/packages starts the go command as the leader of a process
			// group of its own: nothing of that group may be left.
			var left []int
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				if left = group(pid); len(left) == 0 {
					break
				}
			}
			if len(left) > 0 {
				syscall.Kill(-pid, syscall.SIGKILL)
				t.Fatalf("after %v, processes %v of go list's group (%d) still run", sig, left, pid)
			}
			if sig != syscall.SIGKILL {
				if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
					t.Errorf("left in the temporary directory: %v", entries)
				}
			}
		})
	}
}

// group lists the live processes (not zombies) of process group pgid.
func group(pgid int) []int {
	var out []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		_, rest, _ := strings.Cut(string(data), ") ")
		f := strings.Fields(rest) // state, ppid, pgrp, ...
		if len(f) > 2 && f[0] != "Z" && f[2] == strconv.Itoa(pgid) {
			out = append(out, pid)
		}
	}
	return out
}
