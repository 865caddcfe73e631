package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestAction runs the composite action in action.yml as the runner would,
// with bash and a fake runner environment: the run: scripts with their env:
// (expressions evaluated), steps skipped by their if:, the upload step
// recorded instead of run. It checks the exit code, the SARIF file, the job
// summary and its links, the upload decision, the fail-on gate, and that
// inputs are never executed as shell code.
func TestAction(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the action's scripts are bash")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	if testing.Short() {
		t.Skip("builds apiaudit")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	// The action installs the release binary of its ref (v9.9.9): this
	// build, served as that release from a local server.
	bin := filepath.Join(t.TempDir(), "apiaudit")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-X main.version=v9.9.9", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	exe, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	release, _ := releaseServer(t, "9.9.9", map[string][]byte{"apiaudit": exe}, false)

	for _, tc := range []struct {
		name     string
		inputs   map[string]string
		github   map[string]string
		exitCode string // the scan's
		failed   bool   // whether the action failed
		upload   bool
		spaced   bool     // copy examples/travel-agent to "sp ace/travel-agent" too
		log      []string // in the action's output
	}{
		{
			name:     "findings fail the step after the upload",
			inputs:   map[string]string{"paths": "examples"},
			exitCode: "1", failed: true, upload: true,
			log: []string{"OAS101 (operation-without-auth)", "::error title=apiaudit::findings at or above fail-on"},
		},
		{
			name:     "fail-on none",
			inputs:   map[string]string{"paths": "examples", "fail-on": "none", "format": "github"},
			exitCode: "0", upload: true,
			log: []string{"::error file=examples/travel-agent/openapi.yaml,line="},
		},
		{
			name:     "no upload from a fork",
			inputs:   map[string]string{"paths": "examples", "fail-on": "none"},
			github:   map[string]string{"event_name": "pull_request", "event.pull_request.head.repo.full_name": "someone/apiaudit"},
			exitCode: "0",
			log:      []string{"::notice title=apiaudit::not uploading SARIF"},
		},
		{
			name:     "no upload when turned off",
			inputs:   map[string]string{"paths": "examples", "fail-on": "none", "upload-sarif": "false", "summary": "false"},
			exitCode: "0",
		},
		{
			name:     "paths with spaces, one per line",
			inputs:   map[string]string{"paths": "sp ace/travel-agent\n  examples/agent-gateway  \n", "fail-on": "none", "format": "github"},
			spaced:   true,
			exitCode: "0", upload: true,
			log: []string{"::error file=sp ace/travel-agent/openapi.yaml,line=", "file=examples/agent-gateway/", "scanned 1 OpenAPI document, 1 Go module"},
		},
		{
			name: "inputs are data, not shell",
			inputs: map[string]string{
				"paths": "examples $(touch pwned1) `touch pwned2` ;touch${IFS}pwned3",
				"args":  "--exclude * --exclude $(touch${IFS}pwned4)",
			},
			exitCode: "2", failed: true,
			log: []string{"::error title=apiaudit::the scan did not complete (exit code 2)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			workspace := filepath.Join(tmp, "workspace")
			if err := os.CopyFS(filepath.Join(workspace, "examples"), os.DirFS(filepath.Join(root, "examples"))); err != nil {
				t.Fatal(err)
			}
			if tc.spaced {
				if err := os.CopyFS(filepath.Join(workspace, "sp ace", "travel-agent"), os.DirFS(filepath.Join(root, "examples", "travel-agent"))); err != nil {
					t.Fatal(err)
				}
			}
			r := &fakeRunner{
				t: t, tmp: tmp, workspace: workspace,
				inputs:  map[string]string{},
				github:  map[string]string{"action_path": root, "action_ref": "v9.9.9", "event_name": "push", "repository": "apiaudit/apiaudit", "sha": "0123abc", "actor": "octocat", "server_url": "https://github.com"},
				outputs: map[string]map[string]string{},
				env:     map[string]string{"APIAUDIT_RELEASE_URL": release.URL},
			}
			for name, in := range action.Inputs {
				r.inputs[name] = in.Default
			}
			for k, v := range tc.inputs {
				r.inputs[k] = v
			}
			for k, v := range tc.github {
				r.github[k] = v
			}
			failed := r.run(action.Runs.Steps)
			scan := r.outputs["scan"]

			if scan["exit-code"] != tc.exitCode {
				t.Errorf("exit-code = %q, want %q\n%s", scan["exit-code"], tc.exitCode, r.log.String())
			}
			if failed != tc.failed {
				t.Errorf("failed = %v, want %v\n%s", failed, tc.failed, r.log.String())
			}
			if (r.uploaded != nil) != tc.upload {
				t.Errorf("uploaded = %v, want %v", r.uploaded, tc.upload)
			}
			for _, want := range tc.log {
				if !strings.Contains(r.log.String(), want) {
					t.Errorf("the log lacks %q:\n%s", want, r.log.String())
				}
			}
			for i := 1; i <= 4; i++ {
				if _, err := os.Stat(filepath.Join(workspace, fmt.Sprintf("pwned%d", i))); err == nil {
					t.Errorf("an input ran as shell code: pwned%d exists", i)
				}
			}
			if tc.exitCode == "2" {
				return
			}

			sarif, err := os.ReadFile(scan["sarif-file"])
			if err != nil || !json.Valid(sarif) || !bytes.Contains(sarif, []byte(`"ruleId": "OAS101"`)) {
				t.Errorf("no SARIF with findings at %q: %v", scan["sarif-file"], err)
			}
			if r.uploaded != nil {
				if want := map[string]string{"sarif_file": scan["sarif-file"], "category": "apiaudit"}; fmt.Sprint(r.uploaded) != fmt.Sprint(want) {
					t.Errorf("upload with %v, want %v", r.uploaded, want)
				}
			}
			summary, _ := os.ReadFile(filepath.Join(tmp, "summary.md"))
			if r.inputs["summary"] != "true" {
				if len(summary) > 0 {
					t.Errorf("summary written although turned off")
				}
				return
			}
			link := "](https://github.com/apiaudit/apiaudit/blob/0123abc/examples/travel-agent/openapi.yaml#L"
			if tc.spaced {
				link = "](https://github.com/apiaudit/apiaudit/blob/0123abc/sp%20ace/travel-agent/openapi.yaml#L"
			}
			if !bytes.HasPrefix(summary, []byte("### apiaudit: ")) || !bytes.Contains(summary, []byte(link)) {
				t.Errorf("job summary without the report or its links to the commit:\n%s", summary)
			}
		})
	}
}

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
}

// fakeRunner runs composite steps the way the Actions runner does, for the
// expressions action.yml uses.
type fakeRunner struct {
	t              *testing.T
	tmp, workspace string
	inputs         map[string]string
	github         map[string]string
	outputs        map[string]map[string]string // step id -> outputs
	path           []string                     // GITHUB_PATH additions
	uploaded       map[string]string            // with: of the upload step, if it ran
	cached         map[string]string            // with: of the cache step, if it ran
	env            map[string]string            // more environment, as a workflow's env: gives
	log            bytes.Buffer
}

// runnerTemp and toolCache are the runner's directories under r.tmp, with
// spaces in their names.
func (r *fakeRunner) runnerTemp() string { return filepath.Join(r.tmp, "run ner", "temp") }
func (r *fakeRunner) toolCache() string  { return filepath.Join(r.tmp, "run ner", "tool cache") }

// runnerOS and runnerArch are RUNNER_OS and RUNNER_ARCH for this machine.
func runnerOS() string {
	return map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
}

func runnerArch() string {
	return map[string]string{"amd64": "X64", "arm64": "ARM64", "386": "X86", "arm": "ARM"}[runtime.GOARCH]
}

var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// value evaluates a context reference: inputs.X, steps.ID.outputs.X or
// github.X. Anything else fails the test, so that the harness never
// silently evaluates an expression differently from the runner.
func (r *fakeRunner) value(ref string) string {
	switch parts := strings.SplitN(ref, ".", 4); {
	case parts[0] == "inputs" && len(parts) == 2:
		v, ok := r.inputs[parts[1]]
		if !ok {
			r.t.Fatalf("unknown input %q", ref)
		}
		return v
	case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
		return r.outputs[parts[1]][parts[3]]
	case parts[0] == "github":
		return r.github[strings.TrimPrefix(ref, "github.")]
	}
	r.t.Fatalf("the harness cannot evaluate %q", ref)
	return ""
}

func (r *fakeRunner) expand(s string) string {
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		return r.value(expression.FindStringSubmatch(m)[1])
	})
}

var condition = regexp.MustCompile(`^(\S+) (==|!=) '([^']*)'$`)

// when evaluates an if: of the form "ref == 'literal'" or "ref != 'literal'".
func (r *fakeRunner) when(cond string) bool {
	if cond == "" {
		return true
	}
	m := condition.FindStringSubmatch(strings.TrimSpace(cond))
	if m == nil {
		r.t.Fatalf("the harness cannot evaluate if: %q", cond)
	}
	return (r.value(m[1]) == m[3]) == (m[2] == "==")
}

// run runs the steps until one fails, as the runner does without
// if: always(), and reports whether one did.
func (r *fakeRunner) run(steps []actionStep) bool {
	runnerTemp := r.runnerTemp()
	if err := os.MkdirAll(runnerTemp, 0o755); err != nil {
		r.t.Fatal(err)
	}
	summary := filepath.Join(r.tmp, "summary.md")
	for i, s := range steps {
		if !r.when(s.If) {
			continue
		}
		if s.Uses != "" {
			with := map[string]string{}
			for k, v := range s.With {
				with[k] = r.expand(v)
			}
			switch {
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				r.uploaded = with
			case strings.HasPrefix(s.Uses, "actions/cache@"):
				// A cache the test filled beforehand is a hit; the
				// harness restores and saves nothing.
				r.cached = with
			default:
				r.t.Fatalf("unexpected uses: %s", s.Uses)
			}
			continue
		}
		if s.Shell != "bash" {
			r.t.Fatalf("step %q: shell %q, want bash", s.Name, s.Shell)
		}
		if expression.MatchString(s.Run) {
			r.t.Fatalf("step %q interpolates an expression into its script", s.Name)
		}
		outFile := filepath.Join(r.tmp, fmt.Sprintf("output-%d", i))
		pathFile := filepath.Join(r.tmp, fmt.Sprintf("path-%d", i))
		env := []string{
			"PATH=" + strings.Join(append(r.path, os.Getenv("PATH")), string(os.PathListSeparator)),
			"HOME=" + os.Getenv("HOME"),
			"RUNNER_TEMP=" + runnerTemp,
			"RUNNER_TOOL_CACHE=" + r.toolCache(),
			"RUNNER_OS=" + runnerOS(),
			"RUNNER_ARCH=" + runnerArch(),
			"GITHUB_OUTPUT=" + outFile,
			"GITHUB_PATH=" + pathFile,
			"GITHUB_STEP_SUMMARY=" + summary,
			"GITHUB_WORKSPACE=" + r.workspace,
			"GITHUB_REPOSITORY=" + r.github["repository"],
			"GITHUB_SHA=" + r.github["sha"],
			"GITHUB_ACTOR=" + r.github["actor"],
			"GITHUB_SERVER_URL=" + r.github["server_url"],
		}
		for _, k := range []string{"GOPATH", "GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"} {
			if v, ok := os.LookupEnv(k); ok {
				env = append(env, k+"="+v)
			}
		}
		for k, v := range r.env {
			env = append(env, k+"="+v)
		}
		for k, v := range s.Env {
			env = append(env, k+"="+r.expand(v))
		}
		// The runner's own bash invocation for shell: bash.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.Run)
		cmd.Dir, cmd.Env = r.workspace, env
		cmd.Stdout, cmd.Stderr = &r.log, &r.log
		err := cmd.Run()
		if s.ID != "" {
			r.outputs[s.ID] = readKV(r.t, outFile)
		}
		if b, _ := os.ReadFile(pathFile); len(b) > 0 {
			// One directory a line, spaces and all.
			r.path = append(strings.Split(strings.TrimRight(string(b), "\n"), "\n"), r.path...)
		}
		if err != nil {
			fmt.Fprintf(&r.log, "step %q failed: %v\n", s.Name, err)
			return true
		}
	}
	return false
}

func readKV(t *testing.T, name string) map[string]string {
	m := map[string]string{}
	b, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return m
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

// TestActionPinsBySHA: every action action.yml uses is pinned by a full
// commit SHA, which cannot be moved as a tag can.
func TestActionPinsBySHA(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	n := 0
	for _, s := range action.Runs.Steps {
		if s.Uses == "" {
			continue
		}
		n++
		if !pinned.MatchString(s.Uses) {
			t.Errorf("step %q uses %s, not pinned by commit", s.Name, s.Uses)
		}
	}
	if n == 0 {
		t.Error("no uses: step found")
	}
}

// releaseServer serves a fake GitHub release of apiaudit at version:
// /v<version>/checksums.txt and, for this runner, the archive of files
// (name -> content, executable), and a 404 for anything else. With tamper,
// the archive served is not the one checksums.txt describes. The counter
// counts the requests.
func releaseServer(t *testing.T, version string, files map[string][]byte, tamper bool) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var archive bytes.Buffer
	gz := gzip.NewWriter(&archive)
	tw := tar.NewWriter(gz)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(files[name]))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(files[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("apiaudit_%s_%s_%s.tar.gz", version, runtime.GOOS, runtime.GOARCH)
	sum := sha256.Sum256(archive.Bytes())
	checksums := fmt.Sprintf("%x  apiaudit_%s_plan9_amd64.tar.gz\n%x  %s\n", sha256.Sum256(nil), version, sum, name)
	served := archive.Bytes()
	if tamper {
		served = append(slices.Clone(served), 0)
	}
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		switch r.URL.Path {
		case "/v" + version + "/checksums.txt":
			io.WriteString(w, checksums)
		case "/v" + version + "/" + name:
			w.Write(served)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

// TestActionInstall runs the action's install steps (scripts/action/install.sh)
// against a release served locally, with spaces in the action's, the
// runner's and the cache's paths: the release binary when its checksum
// matches, a failure when it does not, the cache when it has the binary, and
// a build from source when asked or when no release matches the ref.
func TestActionInstall(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the action's scripts are bash")
	}
	for _, tool := range []string{"bash", "curl", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("no " + tool)
		}
	}
	if runnerArch() != "X64" && runnerArch() != "ARM64" {
		t.Skip("no release binaries for " + runtime.GOARCH)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	// The steps up to the install.
	var steps []actionStep
	for _, s := range action.Runs.Steps {
		steps = append(steps, s)
		if s.ID == "install" {
			break
		}
	}
	fake := []byte("#!/bin/sh\necho 'apiaudit 9.9.9 (the fake release)'\n")
	key := fmt.Sprintf("apiaudit-9.9.9-%s-%s", runtime.GOOS, runtime.GOARCH)

	for _, tc := range []struct {
		name      string
		ref       string
		inputs    map[string]string
		tamper    bool
		cached    bool // the cache has the binary already
		failed    bool
		fromCache bool
		source    bool // built from source
		requests  bool // whether the release server is asked
		log       []string
	}{
		{name: "release", ref: "v9.9.9", requests: true,
			log: []string{"matches checksums.txt (sha256 ", "apiaudit 9.9.9 (the fake release)"}},
		{name: "checksum mismatch", ref: "v9.9.9", tamper: true, failed: true, requests: true,
			log: []string{"::error title=apiaudit::checksum mismatch for apiaudit_9.9.9_"}},
		{name: "cache hit", ref: "v9.9.9", cached: true, fromCache: true,
			log: []string{"apiaudit: release v9.9.9 from the cache", "apiaudit 9.9.9 (the fake release)"}},
		{name: "no release for the ref", ref: "v9.9.8", source: true, requests: true,
			log: []string{"::notice title=apiaudit::no release v9.9.8 at ", "building from source", "apiaudit v9.9.8"}},
		{name: "build from source when asked", ref: "v9.9.9", inputs: map[string]string{"build-from-source": "true"}, source: true,
			log: []string{"apiaudit: building from source: build-from-source is true"}},
		{name: "a branch is built from source", ref: "main", source: true,
			log: []string{"apiaudit: building from source: the action's ref (main) is not a release tag"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			// The action, checked out in a directory with a space.
			actionPath := filepath.Join(tmp, "act ion")
			if err := os.Symlink(root, actionPath); err != nil {
				t.Fatal(err)
			}
			workspace := filepath.Join(tmp, "work space")
			if err := os.MkdirAll(workspace, 0o755); err != nil {
				t.Fatal(err)
			}
			srv, requests := releaseServer(t, "9.9.9", map[string][]byte{"apiaudit": fake, "README.md": []byte("readme")}, tc.tamper)
			r := &fakeRunner{
				t: t, tmp: tmp, workspace: workspace,
				inputs:  map[string]string{},
				github:  map[string]string{"action_path": actionPath, "action_ref": tc.ref},
				outputs: map[string]map[string]string{},
				env:     map[string]string{"APIAUDIT_RELEASE_URL": srv.URL},
			}
			for name, in := range action.Inputs {
				r.inputs[name] = in.Default
			}
			for k, v := range tc.inputs {
				r.inputs[k] = v
			}
			dir := filepath.Join(r.toolCache(), "apiaudit", "9.9.9", runtime.GOOS+"_"+runtime.GOARCH)
			if tc.cached {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "apiaudit"), fake, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			failed := r.run(steps)
			log := r.log.String()
			if failed != tc.failed {
				t.Fatalf("failed = %v, want %v\n%s", failed, tc.failed, log)
			}
			for _, want := range tc.log {
				if !strings.Contains(log, want) {
					t.Errorf("the log lacks %q:\n%s", want, log)
				}
			}
			if got := requests.Load() > 0; got != tc.requests {
				t.Errorf("release server asked: %v, want %v", got, tc.requests)
			}
			installed := r.outputs["install"]["apiaudit"]
			switch {
			case tc.failed:
				if installed != "" {
					t.Errorf("installed %q after a failure", installed)
				}
				if _, err := os.Stat(filepath.Join(dir, "apiaudit")); err == nil {
					t.Errorf("the binary of a mismatched archive is in %s", dir)
				}
				return
			case tc.source:
				if want := filepath.Join(r.runnerTemp(), "apiaudit-bin", "apiaudit"); installed != want {
					t.Errorf("installed %q, want the build at %q", installed, want)
				}
				if r.cached != nil && !strings.HasPrefix(tc.ref, "v9.9.8") {
					t.Errorf("the cache step ran for a build from source: %v", r.cached)
				}
			default:
				if want := filepath.Join(dir, "apiaudit"); installed != want {
					t.Errorf("installed %q, want %q", installed, want)
				}
				if r.cached["key"] != key || r.cached["path"] != dir {
					t.Errorf("cache step with %v, want key %s and path %s", r.cached, key, dir)
				}
			}
			if len(r.path) == 0 || r.path[0] != filepath.Dir(installed) {
				t.Errorf("GITHUB_PATH has %q, want %q first", r.path, filepath.Dir(installed))
			}
		})
	}
}
