// Package sigcheck: webhook receivers that check a request's signature
// against a secret the server holds, and turn a bad one away with any
// status, authenticate; a call that merely takes the request and a key
// naming a session does not.
package sigcheck

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"

	"sigcheck/events"
)

type bot struct {
	channelSecret string
	token         string
}

func (b *bot) sdkHook(w http.ResponseWriter, r *http.Request) {
	cb, err := events.ParseRequest(b.channelSecret, r)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	exec.Command("notify", cb.Text).Run()
}

func (b *bot) ownHook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if !b.validSignature(r.URL.Query().Get("signature"), body) {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	exec.Command("notify", string(body)).Run()
}

// validSignature compares the signature a sender claims with one made
// from the body and the bot's token.
func (b *bot) validSignature(claimed string, body []byte) bool {
	mac := hmac.New(sha256.New, []byte(b.token))
	mac.Write(body)
	return hmac.Equal([]byte(claimed), []byte(hex.EncodeToString(mac.Sum(nil))))
}

type relayed struct{ SessionKey, Text string }

func (b *bot) relay(w http.ResponseWriter, r *http.Request) {
	var m relayed
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&m); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if err := events.Deliver(r, m.SessionKey); err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	exec.Command("notify", m.Text).Run()
}

func main() {
	b := &bot{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/sdk", b.sdkHook)
	mux.HandleFunc("POST /hooks/own", b.ownHook)
	mux.HandleFunc("POST /relay", b.relay) // want `POST /relay reaches command execution`
	http.ListenAndServe(":8080", mux)
}
