package mcpclient

import (
	"path"
	"regexp"
	"strings"
)

// Package is a package a server's command line fetches from a registry
// and runs: npx @scope/server, uvx mcp-server-git, docker run image.
type Package struct {
	Runner  string // "npx", "uvx", "pipx", "docker", ... as the command line names it
	Spec    string // the package or image as written
	At      Value  // where Spec is written
	Pinned  bool
	Problem string // why it is not pinned: "has no version", "asks for @latest", ...
	Fix     string // the way to pin it, for the message
}

// Packages returns the packages a local server's command line runs from a
// registry; none for a program on disk (node server.js, ./bin/server) or
// a remote server.
func Packages(s *Server) []Package {
	if s.Command == nil {
		return nil
	}
	cmd := *s.Command
	args := s.Args
	// "command": "npx -y pkg" written as one string.
	if f := strings.Fields(cmd.Text); len(f) > 1 {
		var split []Value
		for _, w := range f[1:] {
			split = append(split, Value{Text: w, Pointer: cmd.Pointer, Pos: cmd.Pos})
		}
		cmd.Text, args = f[0], append(split, args...)
	}
	return launches(program(cmd.Text), args, 0)
}

// program is a command's base name, without a Windows extension.
func program(cmd string) string {
	base := strings.ToLower(path.Base(strings.ReplaceAll(cmd, `\`, "/")))
	for _, ext := range []string{".cmd", ".exe", ".bat"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

func launches(prog string, args []Value, depth int) []Package {
	word := func(i int) string {
		if i < len(args) {
			return args[i].Text
		}
		return ""
	}
	switch prog {
	case "cmd": // Windows: cmd /c npx ...
		if depth == 0 && strings.EqualFold(word(0), "/c") && len(args) > 1 {
			return launches(program(args[1].Text), args[2:], depth+1)
		}
	case "npx", "bunx", "pnpx":
		return npmLike(prog, args)
	case "npm":
		if w := word(0); w == "exec" || w == "x" {
			return npmLike("npm exec", args[1:])
		}
	case "pnpm", "yarn":
		if word(0) == "dlx" {
			return npmLike(prog+" dlx", args[1:])
		}
	case "bun":
		if word(0) == "x" {
			return npmLike("bun x", args[1:])
		}
	case "uvx":
		return pyLike("uvx", args, "--from")
	case "uv":
		if word(0) == "tool" && word(1) == "run" {
			return pyLike("uv tool run", args[2:], "--from")
		}
	case "pipx":
		if word(0) == "run" {
			return pyLike("pipx run", args[1:], "--spec")
		}
	case "docker", "podman":
		switch {
		case word(0) == "run":
			return image(prog, args[1:])
		case word(0) == "container" && word(1) == "run":
			return image(prog, args[2:])
		}
	}
	return nil
}

// npxValue are the options of npx and its kin that take a value.
var npxValue = map[string]bool{"-p": true, "--package": true, "-c": true, "--call": true, "--registry": true,
	"--cache": true, "--userconfig": true, "-w": true, "--workspace": true, "--node-options": true}

func npmLike(runner string, args []Value) []Package {
	var explicit []Value // -p/--package
	for i := 0; i < len(args); i++ {
		a := args[i].Text
		switch {
		case a == "--":
			if i+1 < len(args) && len(explicit) == 0 {
				return checked(runner, []Value{args[i+1]}, npmPin)
			}
			return checked(runner, explicit, npmPin)
		case strings.HasPrefix(a, "--package="):
			v := args[i]
			v.Text = strings.TrimPrefix(a, "--package=")
			explicit = append(explicit, v)
		case a == "-p" || a == "--package":
			if i+1 < len(args) {
				explicit = append(explicit, args[i+1])
			}
			i++
		case strings.HasPrefix(a, "-"):
			if npxValue[a] {
				i++
			}
		default:
			if len(explicit) > 0 {
				return checked(runner, explicit, npmPin)
			}
			return checked(runner, []Value{args[i]}, npmPin)
		}
	}
	return checked(runner, explicit, npmPin)
}

// pyValue are the options of uvx, uv tool run and pipx run that take a value.
var pyValue = map[string]bool{"--from": true, "--spec": true, "--with": true, "-w": true, "--with-editable": true,
	"--with-requirements": true, "--python": true, "-p": true, "--index": true, "--index-url": true, "-i": true,
	"--extra-index-url": true, "--default-index": true, "--find-links": true, "-f": true, "--index-strategy": true,
	"--keyring-provider": true, "--resolution": true, "--prerelease": true, "--exclude-newer": true,
	"--cache-dir": true, "--directory": true, "--project": true, "--config-file": true, "--env-file": true,
	"--python-preference": true, "-P": true, "--upgrade-package": true, "--reinstall-package": true,
	"--refresh-package": true, "--constraints": true, "-c": true, "--overrides": true, "--build-constraints": true,
	"-b": true, "--color": true, "--allow-insecure-host": true, "--link-mode": true, "--config-setting": true,
	"-C": true, "--no-build-package": true, "--no-binary-package": true, "--pip-args": true}

func pyLike(runner string, args []Value, fromFlag string) []Package {
	var from *Value
	for i := 0; i < len(args); i++ {
		a := args[i].Text
		switch {
		case a == fromFlag:
			if i+1 < len(args) {
				from = &args[i+1]
			}
			i++
		case strings.HasPrefix(a, fromFlag+"="):
			v := args[i]
			v.Text = strings.TrimPrefix(a, fromFlag+"=")
			from = &v
		case strings.HasPrefix(a, "-"):
			if pyValue[a] {
				i++
			}
		default:
			if from != nil {
				return checked(runner, []Value{*from}, pyPin)
			}
			return checked(runner, []Value{args[i]}, pyPin)
		}
	}
	if from != nil {
		return checked(runner, []Value{*from}, pyPin)
	}
	return nil
}

// dockerValue are the options of docker run that take a value (those
// starting with --cpu-, --memory-, --health- and --blkio- too).
var dockerValue = map[string]bool{"-a": true, "--attach": true, "--add-host": true, "--annotation": true,
	"--cap-add": true, "--cap-drop": true, "--cgroup-parent": true, "--cgroupns": true, "--cidfile": true,
	"--cpus": true, "--cpuset-cpus": true, "--cpuset-mems": true, "-c": true, "--device": true, "--dns": true,
	"--dns-option": true, "--dns-search": true, "--domainname": true, "--entrypoint": true, "-e": true,
	"--env": true, "--env-file": true, "--expose": true, "--gpus": true, "--group-add": true, "-h": true,
	"--hostname": true, "--ip": true, "--ip6": true, "--ipc": true, "--isolation": true, "-l": true,
	"--label": true, "--label-file": true, "--link": true, "--log-driver": true, "--log-opt": true,
	"--mac-address": true, "-m": true, "--mount": true, "--name": true, "--network": true, "--net": true,
	"--network-alias": true, "--pid": true, "--pids-limit": true, "--platform": true, "-p": true,
	"--publish": true, "--pull": true, "--restart": true, "--runtime": true, "--security-opt": true,
	"--shm-size": true, "--stop-signal": true, "--stop-timeout": true, "--storage-opt": true, "--sysctl": true,
	"--tmpfs": true, "--ulimit": true, "-u": true, "--user": true, "--userns": true, "--uts": true, "-v": true,
	"--volume": true, "--volume-driver": true, "--volumes-from": true, "-w": true, "--workdir": true,
	"--oom-score-adj": true, "--kernel-memory": true, "--device-cgroup-rule": true, "--device-read-bps": true,
	"--device-write-bps": true, "--link-local-ip": true}

func image(runner string, args []Value) []Package {
	for i := 0; i < len(args); i++ {
		a := args[i].Text
		if !strings.HasPrefix(a, "-") {
			return checked(runner, []Value{args[i]}, imagePin)
		}
		if strings.Contains(a, "=") {
			continue
		}
		for _, p := range []string{"--cpu-", "--memory-", "--health-", "--blkio-"} {
			if strings.HasPrefix(a, p) {
				i++
				break
			}
		}
		if dockerValue[a] {
			i++
		}
	}
	return nil
}

// pinFunc judges one package spec; skip is set for what is no registry
// package at all (a path, a tarball URL, a variable).
type pinFunc func(spec string) (pinned, skip bool, problem, fix string)

func checked(runner string, specs []Value, pin pinFunc) []Package {
	var out []Package
	for _, v := range specs {
		if v.Text == "" || References(v.Text) {
			continue
		}
		pinned, skip, problem, fix := pin(v.Text)
		if skip {
			continue
		}
		out = append(out, Package{Runner: runner, Spec: v.Text, At: v, Pinned: pinned, Problem: problem, Fix: fix})
	}
	return out
}

func local(spec string) bool {
	return strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "/") || strings.HasPrefix(spec, "~") ||
		strings.HasPrefix(spec, "file:") || strings.Contains(spec, `\`) ||
		len(spec) > 2 && spec[1] == ':' && (spec[2] == '/' || spec[2] == '\\')
}

var (
	gitShorthand = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(#.*)?$`)
	commitish    = regexp.MustCompile(`^[0-9a-f]{7,40}$`)
	versionLike  = regexp.MustCompile(`^[v=^~<>]*\d`)
)

// npmPin judges an npm package spec: name, name@version, @scope/name@tag,
// github:owner/repo#ref.
func npmPin(spec string) (pinned, skip bool, problem, fix string) {
	spec = strings.TrimPrefix(spec, "npm:")
	switch {
	case local(spec), strings.HasPrefix(spec, "http://"), strings.HasPrefix(spec, "https://"):
		return true, true, "", ""
	case strings.HasPrefix(spec, "github:"), strings.HasPrefix(spec, "gitlab:"), strings.HasPrefix(spec, "bitbucket:"),
		strings.HasPrefix(spec, "git+"), strings.HasPrefix(spec, "git:"), !strings.HasPrefix(spec, "@") && gitShorthand.MatchString(spec):
		if _, ref, ok := strings.Cut(spec, "#"); ok && commitish.MatchString(ref) {
			return true, false, "", ""
		}
		return false, false, "is a git reference without a commit", "add #<commit sha>"
	}
	name, version := spec, ""
	if i := strings.LastIndex(spec, "@"); i > 0 {
		name, version = spec[:i], spec[i+1:]
	}
	switch {
	case version == "":
		return false, false, "has no version", "pin it: " + name + "@<version>"
	case version == "latest":
		return false, false, "asks for @latest", "pin it: " + name + "@<version>"
	case version == "*" || version == "x":
		return false, false, "asks for any version", "pin it: " + name + "@<version>"
	case !versionLike.MatchString(version):
		return false, false, "asks for the moving tag @" + version, "pin it: " + name + "@<version>"
	}
	return true, false, "", ""
}

// pyPin judges a Python package spec: name, name==1.2, name@1.2,
// name[extra]>=1, git+https://host/repo@rev.
func pyPin(spec string) (pinned, skip bool, problem, fix string) {
	switch {
	case local(spec), strings.HasSuffix(spec, ".whl"), strings.HasSuffix(spec, ".tar.gz"):
		return true, true, "", ""
	case strings.HasPrefix(spec, "git+"):
		rest := strings.TrimPrefix(spec, "git+")
		if i := strings.LastIndex(rest, "/"); i >= 0 {
			if _, rev, ok := strings.Cut(rest[i:], "@"); ok {
				rev, _, _ = strings.Cut(rev, "#")
				switch strings.ToLower(rev) {
				case "main", "master", "head", "develop", "dev", "trunk":
					return false, false, "follows the branch " + rev, "pin it to a tag or commit: ...@<commit sha>"
				}
				return true, false, "", ""
			}
		}
		return false, false, "is a git URL without a revision", "pin it: " + spec + "@<commit sha>"
	case strings.HasPrefix(spec, "http://"), strings.HasPrefix(spec, "https://"):
		return true, true, "", ""
	}
	if i := strings.IndexAny(spec, "=<>~!"); i > 0 {
		return true, false, "", "" // a version or a range: the author's choice
	}
	name, version, ok := strings.Cut(spec, "@")
	switch {
	case ok && version == "latest":
		return false, false, "asks for @latest", "pin it: " + name + "==<version>"
	case ok && version != "":
		return true, false, "", ""
	}
	return false, false, "has no version", "pin it: " + name + "==<version>"
}

// imagePin judges a container image reference.
func imagePin(ref string) (pinned, skip bool, problem, fix string) {
	if strings.Contains(ref, "@sha256:") {
		return true, false, "", ""
	}
	name, tag := ref, ""
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		name, tag = ref[:i], ref[i+1:]
	}
	switch tag {
	case "":
		return false, false, "has no tag, so docker runs :latest", "pin it: " + name + ":<version> or " + name + "@sha256:<digest>"
	case "latest", "main", "master", "edge", "nightly":
		return false, false, "asks for the moving tag :" + tag, "pin it: " + name + ":<version> or " + name + "@sha256:<digest>"
	}
	return true, false, "", ""
}
