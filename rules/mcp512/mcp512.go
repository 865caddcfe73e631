// Package mcp512 defines rule MCP512: a tool description longer than the
// budget agents can afford.
package mcp512

import (
	"strings"
	"unicode/utf8"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/modeltext"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// Options are the settings of MCP512.
type Options struct {
	// DescriptionMax is the longest tool description, in characters.
	// Default 1024.
	DescriptionMax int `yaml:"description-max"`
	// ParameterMax is the longest parameter description. Default 700, the
	// GPT Actions limit for parameter descriptions.
	ParameterMax int `yaml:"parameter-max"`
}

var options = Options{DescriptionMax: 1024, ParameterMax: 700}

var Rule = &lint.Rule{
	ID:   "MCP512",
	Name: "tool-description-too-long",
	Doc: lint.Doc{
		Title: "Tool description is longer than agents can afford",
		Summary: "A tool description is longer than 1024 characters, or a parameter description longer than 700 " +
			"(the GPT Actions limit for parameters); both limits are options.",
		Why: `Tool descriptions are sent to the model on every turn, for every tool, and
platforms that take tools from descriptions cap them: GPT Actions take 300
characters for an operation's description or summary and 700 for a
parameter's description ("Production notes on GPT Actions",
developers.openai.com/api/docs/actions/production; the limits OAS509
applies to OpenAPI documents). For MCP tools the major model
APIs document no hard cap on a function description, so the default here is
a budget rather than a wall: 1024 characters, about 250 tokens, which a
well-written description rarely needs. Text beyond it costs context in
every conversation, buries the sentence that tells the model when not to
call the tool, and is where poisoned instructions hide from a reviewer who
reads the first lines (OWASP LLM01:2025, LLM10:2025).

A note, once per text. Lengths are counted in characters after trimming.`,
		Fix: "keep the description to what the tool does, when to use it and what it costs; move reference material to documentation",
		Bad: `tools:
  - name: search
    description: |
      Searches ... (3,000 characters of syntax reference and examples)`,
		Good: `tools:
  - name: search
    description: Full-text search over the wiki; supports "quotes" and -exclusions. Returns at most 20 pages.`,
		Lang:      "yaml",
		Severity:  lint.SeverityNote,
		Precision: "very-high",
		CWE:       []int{1059},
		OWASP:     []string{"LLM10:2025", "LLM01:2025"},
		Since:     "v0.2.0",
	},
	Options: &options,
	Catalog: run,
}

func run(pass *lint.CatalogPass) error {
	if pass.Catalog.Source == toolcat.SourceOpenAPI {
		return nil // OAS509
	}
	for _, t := range pass.Catalog.Tools {
		if n := length(t.Description.Value); options.DescriptionMax > 0 && n > options.DescriptionMax {
			pass.Reportf(t.Description.At, "description of tool %s is %d characters, over the budget of %d", modeltext.Quote(t.Label()), n, options.DescriptionMax)
		}
		if options.ParameterMax <= 0 {
			continue
		}
		for _, p := range t.Params() {
			if n := length(p.Description().Value); n > options.ParameterMax {
				pass.Reportf(p.Description().At, "description of parameter %s of tool %s is %d characters, over the %d GPT Actions accept",
					p.Path, modeltext.Quote(t.Label()), n, options.ParameterMax)
			}
		}
	}
	return nil
}

func length(s string) int { return utf8.RuneCountInString(strings.TrimSpace(s)) }
