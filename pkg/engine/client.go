package engine

import (
	"fmt"
	"path/filepath"
	"runtime/debug"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/mcpconfig"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// clientRules are the rules that read MCP client configurations.
func clientRules(rules []*lint.Rule) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules {
		if r.Client != nil {
			out = append(out, r)
		}
	}
	return out
}

// scanClient loads one MCP client configuration and runs the client rules
// on it. Such files are a few kilobytes: the rules run one after another.
// It returns the findings to report and those that x-apiaudit-ignore hides.
func scanClient(in Input, rules []*lint.Rule, manifests map[string]bool, opts Options) (file string, findings, suppressed []lint.Finding, problems []lint.Problem) {
	rel := relTo(in.Root, in.Abs)
	cfg, err := mcpconfig.Load(in.Abs, rel)
	if err != nil {
		return "", nil, nil, []lint.Problem{{File: rel, Message: unwrapPath(err)}}
	}
	tools := serverTools(in, cfg, manifests, opts)
	for _, rule := range rules {
		pass := &lint.ClientPass{Rule: rule, Config: cfg, Tools: tools,
			Report: func(f lint.Finding) { findings = append(findings, complete(rule, f)) }}
		if err := runClientRule(rule, pass); err != nil {
			problems = append(problems, lint.Problem{File: rel, Message: err.Error()})
		}
	}
	igs := make([]openapi.Ignore, len(cfg.Ignores))
	for i, ig := range cfg.Ignores {
		igs[i] = openapi.Ignore{Rule: ig.Rule, Reason: ig.Reason, Scope: ig.Scope, Err: ig.Err,
			At: lint.Location{File: rel, Line: ig.Pos.Line, Column: ig.Pos.Column, Pointer: ig.Pointer}}
	}
	findings, suppressed = applyIgnoresAs(ClientSuppressionRule, igs, findings, opts)
	return rel, adjust(findings, opts.Adjust), adjust(suppressed, opts.Adjust), problems
}

// runClientRule is runRule for a client rule.
func runClientRule(rule *lint.Rule, pass *lint.ClientPass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s crashed: %v (please report this with the file)\n%s", rule.ID, r, firstFrames(debug.Stack()))
		}
	}()
	if err := rule.Client(pass); err != nil {
		return fmt.Errorf("rule %s: %w", rule.ID, err)
	}
	return nil
}

// serverTools loads the tool manifests saved beside a client configuration
// for its servers (toolmanifest.Beside), among the manifests the scan
// found (manifests, by absolute path): by server name, nil when none is
// known. A manifest that does not load is left out here; its own scan
// reports it.
func serverTools(in Input, cfg *mcpclient.Config, manifests map[string]bool, opts Options) map[string]*toolcat.Catalog {
	if len(manifests) == 0 {
		return nil
	}
	var out map[string]*toolcat.Catalog
	for _, s := range cfg.Servers {
		for _, rel := range toolmanifest.Beside(cfg.File, s.Name) {
			abs := filepath.Join(in.Root, filepath.FromSlash(rel))
			if !manifests[abs] {
				continue
			}
			data, err := regfile.ReadFile(abs, maxFileSize(opts), 0)
			if err != nil {
				break
			}
			cat, err := toolmanifest.Load(rel, data)
			if err != nil {
				break
			}
			if out == nil {
				out = map[string]*toolcat.Catalog{}
			}
			out[s.Name] = cat
			break
		}
	}
	return out
}
