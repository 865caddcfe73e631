// Package mcp503 defines rule MCP503: an MCP server launched from a
// package or image that is not pinned to a version.
package mcp503

import (
	"strings"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

var Rule = &lint.Rule{
	ID:   "MCP503",
	Name: "client-config-unpinned-server",
	Doc: lint.Doc{
		Title: "MCP server launched from an unpinned package",
		Summary: "A local server of an MCP client configuration is started with npx, bunx, pnpm dlx, uvx, " +
			"pipx run or docker run from a package or image with no version, @latest, a moving tag, or a git " +
			"reference without a commit.",
		Why: `A command such as ` + "`npx -y @acme/mcp-server`" + ` or ` + "`uvx acme-mcp`" + ` downloads the
package again whenever the cache misses and runs whatever version the
registry serves that day, with the user's files, environment and tokens.
A compromised maintainer account, a hijacked name or a bad release reaches
every developer on the next start, without a diff to review or a lock file
to notice it, and ` + "`-y`" + ` skips even the install prompt. Pinning the version (or
the image digest) turns a silent update into a change in the repository
that someone reviews. It also makes the tool definitions the agent sees
reproducible, which a lock of the tool catalog relies on.

Version ranges (` + "`^1.2`" + `, ` + "`>=1.0`" + `) are left alone as a deliberate choice;
local paths, tarball URLs and values built from variables are not packages
from a registry.`,
		Grades: `- **warning**: a configuration someone runs, where the runner fetches
  the package again as it resolves it (npx, uvx, pipx run, pnpm dlx), or a
  container image run with ` + "`--pull always`" + ` (judged 1 of 2 worth acting on: two
  identical sample configurations of one project, judged apart).
- **note**: a configuration in example code or test scaffolding (a directory
  such as examples/, demo/, testdata/ or test/ on its path), which nobody
  starts as is; and a container image with no tag or a moving tag that
  docker or podman run with its default pull policy (` + "`missing`" + `): the image
  already pulled is reused at each start, and the tag moves only when
  someone pulls again (a project's own sample configuration running its own
  image at :latest, judged noise, 0 of 1 at warning). The message says which.`,
		Fix: "pin the package to an exact version (npx pkg@1.2.3, uvx pkg==1.2.3, image:1.2.3 or image@sha256:...) and update it deliberately",
		Bad: `{
  "mcpServers": {
    "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."]},
    "git": {"command": "uvx", "args": ["mcp-server-git"]}
  }
}`,
		Good: `{
  "mcpServers": {
    "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."]},
    "git": {"command": "uvx", "args": ["mcp-server-git==2025.7.1"]}
  }
}`,
		Lang:      "json",
		Severity:  lint.SeverityWarning,
		Precision: "medium",
		CWE:       []int{1357, 494},
		OWASP:     []string{"API10:2023", "LLM03:2025"},
		Since:     "v0.1.0",
	},
	Client: run,
}

func run(pass *lint.ClientPass) error {
	// In an example or a test fixture, nobody starts the server as is:
	// a note, saying why.
	sev, suffix := lint.SeverityDefault, ""
	if place := pass.Config.Place; place != "" {
		sev, suffix = lint.SeverityNote, " (a note, not a warning: "+place+")"
	}
	for _, s := range pass.Config.Servers {
		for _, p := range mcpclient.Packages(s) {
			if p.Pinned {
				continue
			}
			kind, when, psev, psuffix := "package", "each start", sev, suffix
			if p.Runner == "docker" || p.Runner == "podman" {
				kind = "image"
				if !pullsAlways(s) {
					// run pulls only a missing image: the one already
					// pulled is reused at each start, and the tag moves
					// when someone pulls again.
					when = "each new pull"
					if psev == lint.SeverityDefault {
						psev, psuffix = lint.SeverityNote, " (a note, not a warning: "+p.Runner+" run pulls the image only when it is missing, so the tag moves when someone pulls again, not at each start; a digest makes that change reviewable)"
					}
				}
			}
			pass.Reportf(psev, p.At, "server %q runs %s %s %s, which %s: %s may run a different release; %s%s",
				s.Name, p.Runner, kind, p.Spec, p.Problem, when, p.Fix, psuffix)
		}
	}
	return nil
}

// pullsAlways reports whether a container server's command line asks for a
// pull at every start (--pull always, or podman's --pull newer), so that a
// moving tag does move at each start.
func pullsAlways(s *mcpclient.Server) bool {
	var words []string
	if s.Command != nil {
		words = strings.Fields(s.Command.Text)
	}
	for _, a := range s.Args {
		words = append(words, a.Text)
	}
	for i, w := range words {
		v, ok := strings.CutPrefix(w, "--pull=")
		if !ok && w == "--pull" && i+1 < len(words) {
			v, ok = words[i+1], true
		}
		if ok && (v == "always" || v == "newer") {
			return true
		}
	}
	return false
}
