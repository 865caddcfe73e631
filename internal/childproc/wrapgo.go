package childproc

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/apiaudit/apiaudit/internal/gowrap"
)

// WrapGo makes the go command that go/packages starts die with apiaudit,
// even when apiaudit is killed with SIGKILL (Linux only; elsewhere it does
// nothing): it makes a directory holding a link named go to apiaudit's
// own executable, and puts it first on apiaudit's PATH, where go/packages
// looks for the go command. Started through the link, apiaudit becomes
// the real go command with a parent-death signal (see package gowrap),
// in an environment exactly as the caller made it. Call it before
// starting the go command; it sets up once, and Cleanup removes the
// directory.
func WrapGo() { wrapOnce.Do(wrapGo) }

var (
	wrapOnce sync.Once
	wrapDir  atomic.Pointer[string]
)

func wrapGo() {
	if runtime.GOOS != "linux" || !gowrap.Linked {
		return
	}
	if _, set := os.LookupEnv(gowrap.EnvGo); set {
		return // a wrapper is in place already (an outer apiaudit)
	}
	self, err := os.Executable()
	if err != nil {
		return
	}
	real, err := exec.LookPath("go")
	if err != nil {
		return // the load reports that there is no go command
	}
	if real, err = filepath.Abs(real); err != nil {
		return
	}
	dir, err := os.MkdirTemp("", "apiaudit-go-")
	if err != nil {
		return
	}
	if err := os.Symlink(self, filepath.Join(dir, "go")); err != nil {
		os.RemoveAll(dir)
		return
	}
	wrapDir.Store(&dir)
	os.Setenv(gowrap.EnvGo, real)
	os.Setenv(gowrap.EnvDir, dir)
	os.Setenv(gowrap.EnvParent, strconv.Itoa(os.Getpid()))
	os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// Cleanup removes what WrapGo set up (the directory; the environment is
// left, since a go command may still be running). apiaudit calls it when
// it exits; a SIGKILL leaves the directory, a link in the temporary
// directory.
func Cleanup() {
	if dir := wrapDir.Load(); dir != nil {
		os.RemoveAll(*dir)
	}
}

// Environ is os.Environ() without what WrapGo added, for the programs
// apiaudit starts itself (git), whose environment stays as it was.
func Environ() []string { return Unwrapped(os.Environ()) }

// Unwrapped is env without what WrapGo added to it: the environment the
// wrapper hands the real go command, for a go command started directly.
func Unwrapped(env []string) []string {
	for _, kv := range env {
		if dir, ok := strings.CutPrefix(kv, gowrap.EnvDir+"="); ok {
			return gowrap.Environ(env, dir)
		}
	}
	return env
}

// Go is the go command for the programs apiaudit starts itself, which get
// their parent-death signal from Configure: the real go binary when WrapGo
// has put the wrapper first on PATH (which would only add a start-up), else
// "go".
func Go() string {
	if wrapDir.Load() != nil {
		if real, ok := os.LookupEnv(gowrap.EnvGo); ok {
			return real
		}
	}
	return "go"
}
