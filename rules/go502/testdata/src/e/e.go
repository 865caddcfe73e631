// Package e switches verification off only on request: still reported,
// a level lower, with the switch named.
package e

import (
	"crypto/tls"
	"flag"
	"net/http"
	"os"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// clientFor takes the switch as a parameter, as kubectl-ai's factory does.
func clientFor(skipVerify bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if skipVerify {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

func fromParam(skip bool) openai.Client {
	return openai.NewClient(option.WithHTTPClient(clientFor(skip))) // want `the http client given to option.WithHTTPClient skips TLS certificate verification \(InsecureSkipVerify set at e.go:20\) \(a note, not an error: verification is off only when the skipVerify parameter asks for it\)`
}

var insecure = flag.Bool("insecure-tls", false, "skip TLS verification (testing only)")

func fromFlag() openai.Client {
	tr := &http.Transport{}
	if *insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr})) // want `\(a note, not an error: verification is off only when the insecure flag asks for it\)`
}

func fromEnv() openai.Client {
	tr := &http.Transport{}
	if os.Getenv("LLM_SKIP_TLS_VERIFY") == "1" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr})) // want `\(a note, not an error: verification is off only when the LLM_SKIP_TLS_VERIFY environment variable asks for it\)`
}

type config struct {
	SkipVerify bool
	Retries    int
}

func fromConfig(c config) openai.Client {
	tr := &http.Transport{}
	if c.SkipVerify {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr})) // want `\(a note, not an error: verification is off only when the SkipVerify setting asks for it\)`
}

// always: a condition that is no opt-in switch leaves it an error.
func always(c config) openai.Client {
	tr := &http.Transport{}
	if c.Retries > 0 {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr})) // want `skips TLS certificate verification \(InsecureSkipVerify set at e.go:\d+\)$`
}
