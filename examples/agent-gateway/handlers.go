package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sashabaranov/go-openai"
)

const maxBody = 1 << 20 // 1 MiB is plenty for a prompt

const chatSystemPrompt = "You are Acme's support assistant. Answer briefly and cite the docs you used."

type chatRequest struct {
	Message string `json:"message"`
}

type chatResponse struct {
	Reply string `json:"reply"`
}

// chat answers one message. The system prompt is fixed and the caller's text
// goes in the user turn.
func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Message == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := s.complete(r.Context(), openai.ChatCompletionRequest{
		Model: s.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: chatSystemPrompt},
			{Role: openai.ChatMessageRoleUser, Content: req.Message},
		},
		MaxCompletionTokens: 1024,
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, chatResponse{Reply: resp.Choices[0].Message.Content})
}

// complete calls the model, retrying up to three times when rate limited.
func (s *Server) complete(ctx context.Context, req openai.ChatCompletionRequest) (resp openai.ChatCompletionResponse, err error) {
	for attempt := 1; attempt <= 3; attempt++ {
		resp, err = s.llm.CreateChatCompletion(ctx, req)
		if err == nil && len(resp.Choices) == 0 {
			err = errors.New("model returned no choices")
		}
		var apiErr *openai.APIError
		if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusTooManyRequests {
			break
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return resp, err
}

type agentRequest struct {
	Persona string `json:"persona"` // how the widget introduces the assistant
	Task    string `json:"task"`
}

// runAgent lets the model use the agent tools to complete a task.
func (s *Server) runAgent(w http.ResponseWriter, r *http.Request) {
	var req agentRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // apiaudit: expect GO201
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	answer, err := s.agent.Run(r.Context(), []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: "You are " + req.Persona + ", Acme's operations assistant. Use the tools; never guess issue numbers."}, // apiaudit: expect GO401
		{Role: openai.ChatMessageRoleUser, Content: req.Task},
	})
	if err != nil {
		http.Error(w, "agent failed", http.StatusBadGateway)
		return
	}
	writeJSON(w, chatResponse{Reply: answer})
}

type diagnoseRequest struct {
	Symptom string `json:"symptom"`
}

// diagnose asks the model for a shell command that investigates a symptom on
// this host, runs it and returns its output.
func (s *Server) diagnose(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var req diagnoseRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := s.complete(r.Context(), openai.ChatCompletionRequest{
		Model: s.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: "Reply with one read-only shell command that helps diagnose the symptom. No prose."},
			{Role: openai.ChatMessageRoleUser, Content: req.Symptom},
		},
		MaxCompletionTokens: 200,
	})
	if err != nil {
		http.Error(w, "model unavailable", http.StatusBadGateway)
		return
	}
	command := strings.TrimSpace(resp.Choices[0].Message.Content)
	out, err := exec.CommandContext(r.Context(), "sh", "-c", command).CombinedOutput() // apiaudit: expect GO404
	if err != nil {
		log.Printf("diagnose: %q: %v", command, err)
	}
	writeJSON(w, map[string]string{"command": command, "output": string(out)})
}

type exportRequest struct {
	Name     string                         `json:"name"` // file name chosen by the client
	Messages []openai.ChatCompletionMessage `json:"messages"`
}

// exportTranscript saves a conversation under the data directory.
func (s *Server) exportTranscript(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8*maxBody)
	var req exportRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	path := filepath.Join(s.cfg.DataDir, "exports", req.Name+".jsonl")
	f, err := os.Create(path) // apiaudit: expect GO405
	if err != nil {
		http.Error(w, "cannot export", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, m := range req.Messages {
		if err := enc.Encode(m); err != nil {
			http.Error(w, "cannot export", http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusCreated)
}

// feedback records a thumbs up or down. Clients send different shapes, so
// the body is kept loose.
func (s *Server) feedback(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var fb map[string]any
	if err := json.NewDecoder(r.Body).Decode(&fb); err != nil { // apiaudit: expect GO406
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	rating := fb["rating"].(float64)
	conversation := fb["conversation_id"].(string)
	log.Printf("feedback: conversation=%s rating=%.0f", conversation, rating)
	w.WriteHeader(http.StatusAccepted)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}
