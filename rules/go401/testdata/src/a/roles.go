package a

import (
	"io"
	"net/http"

	"github.com/openai/openai-go/v3"
)

// A conversation of any roles converted for the SDK: the system channel
// is chosen by each message's role.
type message struct{ Role, Content string }

func convert(m message) openai.ChatCompletionMessageParamUnion {
	switch m.Role {
	case "system":
		return openai.SystemMessage(m.Content)
	default:
		return openai.UserMessage(m.Content)
	}
}

// A fetched page in a message whose role the caller chooses: the engine
// does not know which role the message has, so the finding is a note
// that says why.
func summarize(w http.ResponseWriter, r *http.Request, role string) {
	resp, err := http.Get("https://example.com/news")
	if err != nil {
		return
	}
	page, _ := io.ReadAll(resp.Body)
	msgs := []message{{Role: "system", Content: "Summarize the page."}, {Role: role, Content: string(page)}}
	for _, m := range msgs {
		convert(m) // want `untrusted data reaches the system prompt in a.convert → openai.SystemMessage at roles.go:17, from an HTTP response body .* \(a note, not an error: the data reaches the system channel through code that picks the channel by each message's role`
	}
}

// Request data spliced into a system prompt the program writes stays an
// error, through the same conversion.
func persona(w http.ResponseWriter, r *http.Request) {
	convert(message{Role: "system", Content: "Answer as " + r.FormValue("persona")}) // want `untrusted data reaches the system prompt in a.convert → openai.SystemMessage at roles.go:17, from a form value \(source at roles.go:\d+\)$`
}

// The role is fixed where the message is made: a fetched page in a user
// message, and the model's reply kept as the assistant's, never take the
// system branch of the conversion.
func summarizeAsUser(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://example.com/news")
	if err != nil {
		return
	}
	page, _ := io.ReadAll(resp.Body)
	history := []*message{{Role: "system", Content: "Summarize the page."}}
	history = append(history, &message{Role: "user", Content: string(page)})
	for _, m := range history {
		convert(*m)
	}
	reply := &message{Content: string(page)}
	reply.Role = "assistant"
	convert(*reply)
	// The same user message, put in the system channel by the program
	// itself: still reported.
	_ = openai.SystemMessage(history[1].Content) // want `untrusted data reaches the system prompt in openai.SystemMessage, from an HTTP response body`
}

// The message is made in a helper: its role travels with the data.
func userMessage(url string) *message {
	resp, err := http.Get(url)
	if err != nil {
		return nil
	}
	page, _ := io.ReadAll(resp.Body)
	return &message{Role: "user", Content: string(page)}
}

func summarizeFromHelper(w http.ResponseWriter, r *http.Request) {
	convertAgain(*userMessage("https://example.com/news"))
}

// convertAgain is convert, so that a finding here would be its own.
func convertAgain(m message) openai.ChatCompletionMessageParamUnion {
	if m.Role == "system" {
		return openai.SystemMessage(m.Content)
	}
	return openai.UserMessage(m.Content)
}
