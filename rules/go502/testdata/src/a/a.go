package a

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/url"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	goopenai "github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

// A literal all the way down.
func inline() openai.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	return openai.NewClient(option.WithHTTPClient(&http.Client{Transport: tr})) // want `the http client given to option.WithHTTPClient skips TLS certificate verification \(InsecureSkipVerify set at a.go:21\)`
}

// The field set after the literal, and the config attached later.
func fieldLater() *goopenai.Client {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	tr := &http.Transport{}
	tr.TLSClientConfig = cfg
	c := &http.Client{Transport: tr}
	conf := goopenai.DefaultConfig(key())
	conf.HTTPClient = c // want `the http client given to go-openai.ClientConfig.HTTPClient skips TLS certificate verification \(InsecureSkipVerify set at a.go:28\)`
	return goopenai.NewClientWithConfig(conf)
}

// Built by a helper of the package.
func insecureClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func viaHelper(ctx context.Context) {
	_, _ = genai.NewClient(ctx, &genai.ClientConfig{HTTPClient: insecureClient()}) // want `genai.ClientConfig.HTTPClient skips TLS certificate verification \(InsecureSkipVerify set at a.go:39\)`
	base, _ := url.Parse("https://ollama.internal:11434")
	_ = api.NewClient(base, insecureClient()) // want `api.NewClient skips TLS`
}

// A package-level client.
var shared = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

func mcpClients() {
	_, _ = client.NewStreamableHttpClient("https://tools.example.com/mcp", transport.WithHTTPBasicClient(shared)) // want `transport.WithHTTPBasicClient skips TLS`
	_ = &mcp.StreamableClientTransport{Endpoint: "https://tools.example.com/mcp", HTTPClient: shared}             // want `mcp.StreamableClientTransport.HTTPClient skips TLS`
}

// Another client in a package that builds model clients: a warning where
// verification is switched off.
func metrics() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `InsecureSkipVerify switches off TLS certificate verification in a package that builds a model or MCP client \(openai.NewClient\)`
	}}}
}

// Silent: verification on, or switched off only by a non-constant.
func silent(skip bool) {
	_ = openai.NewClient(option.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}))
	cfg := &tls.Config{InsecureSkipVerify: false}
	_ = openai.NewClient(option.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}))
	_ = openai.NewClient(option.WithHTTPClient(http.DefaultClient))
	_ = openai.NewClient(option.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: skip}}}))
}

func key() string { return "" }
