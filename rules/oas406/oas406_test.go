package oas406

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestMatch(t *testing.T) {
	for text, want := range map[string]string{
		"Added to the assistant's memory.":                 "assistant's memory",
		"Stored in the agent’s long-term memory":           "agent’s long-term memory",
		"The note is used as context for later answers":    "used as context",
		"It is injected into the system prompt":            "injected into the system prompt",
		"Made available to the model on the next turn":     "available to the model",
		"Upload a document for RAG":                        "RAG",
		"Attach a file to a vector store":                  "vector store",
		"Upload training examples used to train the model": "used to train",

		"Search the knowledge base":               "",
		"Rename a vector store":                   "",
		"Clean the rag":                           "",
		"Loads fares into the in-memory cache":    "",
		"Shown to the support agent":              "", // a human agent, most likely
		"The request context is added to the log": "",
		"Learn more about fine-tuning":            "",
	} {
		if got := match(text); got != want {
			t.Errorf("match(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestExposure checks that what only authenticated callers write is a note
// and what anyone may write a warning.
func TestExposure(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		"put /settings/agent/memory": lint.SeverityNote,
		"post /public/reviews":       lint.SeverityDefault,
	}, "testdata/exposure.yaml")
}
