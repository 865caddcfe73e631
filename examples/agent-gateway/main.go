// Command agent-gateway is a small HTTP gateway in front of a chat model.
//
// It exposes a JSON API for chat and agent runs, a Model Context Protocol
// (MCP) tool server over streamable HTTP, and a GitHub integration through
// OAuth 2.0. It is the bundled example of apiaudit: some of its code is
// deliberately wrong, and a comment on each such line names the rule that
// should report it; README.md lists them.
package main

import (
	"cmp"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/sashabaranov/go-openai"
)

// Config is read from the environment.
type Config struct {
	Addr       string // public listener
	HealthAddr string // listener for the load balancer's health checks
	APIKeys    []string
	Model      string
	DataDir    string // notes, exports and the tool cache live here
	GitHubRepo string // owner/name the issue tools read
}

func loadConfig() Config {
	return Config{
		Addr:       cmp.Or(os.Getenv("GATEWAY_ADDR"), ":8080"),
		HealthAddr: cmp.Or(os.Getenv("GATEWAY_HEALTH_ADDR"), ":8081"),
		APIKeys:    splitList(os.Getenv("GATEWAY_API_KEYS")),
		Model:      cmp.Or(os.Getenv("GATEWAY_MODEL"), openai.GPT4oMini),
		DataDir:    cmp.Or(os.Getenv("GATEWAY_DATA_DIR"), "./data"),
		GitHubRepo: cmp.Or(os.Getenv("GATEWAY_GITHUB_REPO"), "acme/platform"),
	}
}

// Server holds the gateway's dependencies; its methods are the HTTP handlers
// and the MCP tools.
type Server struct {
	cfg    Config
	llm    *openai.Client
	agent  *Agent
	github *GitHub
	notes  *os.Root // tools read notes only inside this directory
}

func main() {
	cfg := loadConfig()
	notes, err := os.OpenRoot(filepath.Join(cfg.DataDir, "notes"))
	if err != nil {
		log.Fatal(err)
	}
	llm := newModelClient()
	s := &Server{
		cfg:    cfg,
		llm:    llm,
		github: newGitHub(cfg.GitHubRepo),
		notes:  notes,
	}
	s.agent = &Agent{client: llm, model: cfg.Model, tools: s.agentTools()}

	go serveHealth(cfg.HealthAddr)

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           s.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      2 * time.Minute, // agent runs can take a while
		IdleTimeout:       time.Minute,
	}
	log.Printf("agent-gateway listening on %s", cfg.Addr)
	log.Fatal(srv.ListenAndServe())
}

func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)

	// Everything a client pays for sits behind an API key...
	r.Group(func(r chi.Router) {
		r.Use(s.requireAPIKey)
		r.Post("/v1/chat", s.chat)             // apiaudit: expect GO207 (notes: behind the API key, but no rate limit)
		r.Post("/v1/ops/diagnose", s.diagnose) // apiaudit: expect GO207
		r.Post("/v1/transcripts/export", s.exportTranscript)
		r.Post("/v1/feedback", s.feedback)
	})

	// ...except the agent endpoint, added later for the web widget.
	r.Post("/v1/agent/run", s.runAgent) // apiaudit: expect GO101 // apiaudit: expect GO207

	srv := s.mcpServer()
	r.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, &mcp.StreamableHTTPOptions{ // apiaudit: expect GO102
		Stateless: true,
		// The sidecar proxy connects over 127.0.0.1 with the public Host header.
		DisableLocalhostProtection: true, // apiaudit: expect GO103
	}))
	return r
}

// serveHealth answers the load balancer on a separate port.
func serveHealth(addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	log.Print(http.ListenAndServe(addr, mux)) // apiaudit: expect GO202
}
