package a

import (
	"context"
	"net/http"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

func chat(w http.ResponseWriter, r *http.Request) {
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{})
}

func list(w http.ResponseWriter, r *http.Request) {}

func requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != os.Getenv("API_KEY") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)                            // want `POST /v1/chat reaches a model call, and no rate limiter is in sight: every request spends tokens without bound$`
	mux.Handle("POST /v1/chat2", requireKey(http.HandlerFunc(chat))) // want `POST /v1/chat2 reaches a model call, and no rate limiter .*$`
	mux.HandleFunc("POST /v1/items", list)
	http.ListenAndServe(":8080", mux)
}

// Routes builds a router for another package to serve: who calls its
// routes is not known here; the missing limiter is a note, as every GO207 finding is.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/complete", chat) // want `POST /v1/complete reaches a model call, and no rate limiter is in sight: every request spends tokens without bound$`
	return mux
}
