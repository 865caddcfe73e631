// Package wrap compiles prompt templates for its callers.
package wrap

import "github.com/tmc/langchaingo/prompts"

// Compile compiles a prompt template.
func Compile(tmpl string) prompts.PromptTemplate {
	return prompts.NewPromptTemplate(tmpl, []string{"doc"})
}
