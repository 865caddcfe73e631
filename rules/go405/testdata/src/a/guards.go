package a

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// A strings.Map that keeps letters, digits, '.', '-' and '_' and replaces
// the rest: the name is one path element.
func safeLogName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		case r == '.', r == '-', r == '_':
			return r
		default:
			return '_'
		}
	}, name)
}

func keepLetters(r rune) rune {
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r)
	}
	return -1
}

// A mapping that lets '/' through sanitises nothing.
func leakySlash(name string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' {
			return '_'
		}
		return r
	}, name)
}

func logs(w http.ResponseWriter, r *http.Request) {
	os.ReadFile(filepath.Join("/var/log/app", "server-"+safeLogName(r.FormValue("server"))+".log"))
	os.ReadFile(filepath.Join("/var/log/app", strings.Map(keepLetters, r.FormValue("server"))))
	os.ReadFile(filepath.Join("/var/log/app", leakySlash(r.FormValue("server")))) // want `untrusted data reaches a file path in os.ReadFile`
}

// A path guard: it resolves the path (os.Lstat, to follow what exists)
// and refuses it unless it lies under one of the configured roots.
func underRoot(p, root string) bool {
	p = strings.TrimRight(p, "/")
	root = strings.TrimRight(root, "/")
	return p == root || strings.HasPrefix(p, root+"/")
}

func underAnyRoot(p string, roots []string) bool {
	for _, root := range roots {
		if underRoot(p, root) {
			return true
		}
	}
	return false
}

func resolve(p string) string {
	if _, err := os.Lstat(p); err != nil {
		return filepath.Clean(p)
	}
	real, _ := filepath.EvalSymlinks(p)
	return real
}

func checkMount(raw string, roots []string) (string, error) {
	src, target, _ := strings.Cut(raw, ":")
	src = resolve(src)
	if !underAnyRoot(src, roots) {
		return "", errors.New("mount outside the allowed roots")
	}
	return src + ":" + target, nil
}

// relGuard checks with filepath.Rel.
func relGuard(root, p string) error {
	if _, err := os.Stat(p); err != nil {
		return err
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return errors.New("outside root")
	}
	return nil
}

// noGuard resolves the path the same way and checks nothing.
func noGuard(raw string) (string, error) {
	src, _, _ := strings.Cut(raw, ":")
	return resolve(src), nil
}

func mounts(w http.ResponseWriter, r *http.Request, roots []string) {
	checkMount(r.FormValue("volume"), roots)
	relGuard("/srv", r.FormValue("p"))
	noGuard(r.FormValue("volume")) // want `untrusted data reaches a file path in a.noGuard → a.resolve → os.Lstat`
}

// A regular expression that replaces every run of characters outside a
// safe class: what is left is the class.
var (
	invalidChars = regexp.MustCompile(`[^a-zA-Z0-9_.-]+`)
	spaces       = regexp.MustCompile(`\s+`)
)

func containerName(name string) string {
	return "app-" + strings.Trim(invalidChars.ReplaceAllString(name, "-"), "-.")
}

func containers(w http.ResponseWriter, r *http.Request) {
	exec.Command("sh", "-c", "docker ps --filter name="+containerName(r.FormValue("server")))
	exec.Command("sh", "-c", "docker ps --filter name="+spaces.ReplaceAllString(r.FormValue("server"), "_")) // want `untrusted data reaches command execution in exec.Command`
}
