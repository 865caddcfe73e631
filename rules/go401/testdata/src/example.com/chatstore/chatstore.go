package chatstore

import (
	"context"
	"net/http"

	"github.com/openai/openai-go/v3"
)

// A conversation's stored messages, looked up by the session id the
// request names: the id only chose them, the messages were stored
// before. Graded as state, as a single record looked up the same way.
type message struct{ Role, Content string }

type historyStore interface {
	ListMessages(ctx context.Context, session string) ([]message, error)
}

var sessions historyStore

func continueChat(w http.ResponseWriter, r *http.Request) {
	history, err := sessions.ListMessages(r.Context(), r.FormValue("session"))
	if err != nil || len(history) == 0 {
		return
	}
	_ = openai.SystemMessage("Earlier summary: " + history[0].Content) // want `untrusted data reaches the system prompt in openai.SystemMessage, from a form value .*\(a note, not an error: the data gets there only through an object's state \(looked up by historyStore.ListMessages`
}

// A list the program builds from the request itself is not a lookup.
type splitter interface {
	Split(text string) []string
}

var words splitter

func splitChat(w http.ResponseWriter, r *http.Request) {
	parts := words.Split(r.FormValue("q"))
	_ = openai.SystemMessage("Topics: " + parts[0]) // want `untrusted data reaches the system prompt in openai.SystemMessage, from a form value \(source at chatstore.go:\d+\)$`
}
