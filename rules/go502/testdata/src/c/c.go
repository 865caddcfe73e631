// Package c reaches a model call through a function of another package
// and switches off verification for the default transport.
package c

import (
	"context"
	"crypto/tls"
	"net/http"

	"d"
)

func init() {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify switches off TLS certificate verification in a package that calls a model \(Ask → \(github.com/sashabaranov/go-openai.Client\).CreateChatCompletion\)`
}

func Run(ctx context.Context) { d.Ask(ctx) }
