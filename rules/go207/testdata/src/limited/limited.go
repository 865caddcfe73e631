// Package limited: a limiter from x/time/rate guards the model route.
package limited

import (
	"context"
	"net/http"
	"os"

	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/time/rate"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

var lim = rate.NewLimiter(5, 10)

func chat(w http.ResponseWriter, r *http.Request) {
	if !lim.Allow() {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	http.ListenAndServe(":8080", mux)
}
