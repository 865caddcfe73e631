package a

import (
	"io"
	"net/http"
	"strings"

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
		convert(m) // want `untrusted data reaches the system prompt in a.convert → openai.SystemMessage at roles.go:\d+, from an HTTP response body .* \(a note, not an error: the data reaches the system channel through code that picks the channel by each message's role`
	}
}

// Request data spliced into a system prompt the program writes stays an
// error, through the same conversion.
func persona(w http.ResponseWriter, r *http.Request) {
	convert(message{Role: "system", Content: "Answer as " + r.FormValue("persona")}) // want `untrusted data reaches the system prompt in a.convert → openai.SystemMessage at roles.go:\d+, from a form value \(source at roles.go:\d+\)$`
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

// A conversion that normalises the role before it compares it, as
// converters often do, is still one that picks the channel by role.
func convertNormalised(msgs []message) []openai.ChatCompletionMessageParamUnion {
	var out []openai.ChatCompletionMessageParamUnion
	for _, m := range msgs {
		role := strings.ToLower(strings.TrimSpace(m.Role))
		switch role {
		case "system":
			out = append(out, openai.SystemMessage(m.Content))
		case "user":
			out = append(out, openai.UserMessage(m.Content))
		}
	}
	return out
}

func convertFolded(m message) openai.ChatCompletionMessageParamUnion {
	if strings.EqualFold(m.Role, "SYSTEM") {
		return openai.SystemMessage(m.Content)
	}
	return openai.UserMessage(m.Content)
}

// The request's question, framed by text of the program's own, in a user
// message: neither conversion puts it in the system channel.
func askNormalised(w http.ResponseWriter, r *http.Request) {
	msgs := []message{{Role: "system", Content: "Answer briefly."}}
	msgs = append(msgs, message{Role: "user", Content: "Question: " + r.FormValue("q")})
	convertNormalised(msgs)
	convertFolded(msgs[1])
}

// A fetched page in a message whose role the caller chooses, through the
// same conversions: a note each.
func summarizeAnyRole(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://example.com/news")
	if err != nil {
		return
	}
	page, _ := io.ReadAll(resp.Body)
	msgs := []message{{Role: r.FormValue("role"), Content: string(page)}}
	convertNormalised(msgs) // want `untrusted data reaches the system prompt in a.convertNormalised → openai.SystemMessage at roles.go:\d+, from a form value .*\(a note, not an error: the data reaches the system channel through code that picks the channel by each message's role`
	convertFolded(msgs[0])  // want `untrusted data reaches the system prompt in a.convertFolded → openai.SystemMessage at roles.go:\d+, from a form value .*\(a note, not an error: the data reaches the system channel through code that picks the channel by each message's role`
}
