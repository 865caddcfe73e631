package openapi

import "testing"

func TestModelCallPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/v1/chat/completions":               true,
		"/api/v1/messages":                   true,
		"/openai/v1/responses":               true,
		"/v1/embeddings":                     true,
		"/chat/completions":                  false, // no version: too common a word pair to tell
		"/api/v1/chats/{id}/messages":        false, // a chat app's messages, under a resource
		"/v1/dashboard/billing/quota":        false,
		"/v1beta/models/{model}:generate":    false,
		"/v1/projects/{p}/chat/completions":  false,
		"/v1/completions/{id}/cancellations": false,
	} {
		if got := modelCallPath(p); got != want {
			t.Errorf("modelCallPath(%q) = %v, want %v", p, got, want)
		}
	}
}
