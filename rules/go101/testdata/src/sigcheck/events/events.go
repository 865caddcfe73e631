// Package events stands for a chat platform's SDK: it parses a webhook
// request after checking its signature with the channel's secret.
package events

import (
	"errors"
	"net/http"
)

type Callback struct{ Text string }

func ParseRequest(channelSecret string, r *http.Request) (*Callback, error) {
	if r.Header.Get("X-Signature") == "" || channelSecret == "" {
		return nil, errors.New("bad signature")
	}
	return &Callback{}, nil
}

// Deliver hands a message on; its key only names a conversation.
func Deliver(r *http.Request, sessionKey string) error { return nil }
