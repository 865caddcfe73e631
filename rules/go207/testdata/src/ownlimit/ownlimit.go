// Package ownlimit: a limiter of the program's own.
package ownlimit

import (
	"context"
	"net/http"
	"os"
	"sync"

	openai "github.com/sashabaranov/go-openai"
)

var client = openai.NewClient(os.Getenv("OPENAI_API_KEY"))

type perIP struct {
	mu   sync.Mutex
	seen map[string]int
}

func (p *perIP) RateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.seen[r.RemoteAddr]++
		n := p.seen[r.RemoteAddr]
		p.mu.Unlock()
		if n > 100 {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func chat(w http.ResponseWriter, r *http.Request) {
	client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{})
}

func main() {
	l := &perIP{seen: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat", chat)
	http.ListenAndServe(":8080", l.RateLimit(mux))
}
