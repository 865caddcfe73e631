package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
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
	log            bytes.Buffer
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
	runnerTemp := filepath.Join(r.tmp, "runner")
	if err := os.MkdirAll(runnerTemp, 0o755); err != nil {
		r.t.Fatal(err)
	}
	summary := filepath.Join(r.tmp, "summary.md")
	for i, s := range steps {
		if !r.when(s.If) {
			continue
		}
		if s.Uses != "" {
			if !strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
				r.t.Fatalf("unexpected uses: %s", s.Uses)
			}
			r.uploaded = map[string]string{}
			for k, v := range s.With {
				r.uploaded[k] = r.expand(v)
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
			r.path = append(strings.Fields(string(b)), r.path...)
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
