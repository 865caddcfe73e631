// Package cmd serves the Kubernetes MCP servers of the packages beside it,
// on every interface, with no authentication; the first through an
// interface that holds the transport, as a command that picks SSE or
// streamable HTTP by a flag does.
package cmd

import (
	"context"
	"flag"

	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"

	"kube/pods"
	"kube/secrets"
	"kube/writer"
)

func serveWriter(ctx context.Context, cs kubernetes.Interface) error {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	var t interface {
		Start(string) error
		Shutdown(context.Context) error
	}
	var err error
	t, err = writer.New(cs).HTTP(ctx) // want `MCP server over streamable HTTP \(built by writer.HTTP\) is served with no authentication, and its tools reach mutating Kubernetes API request \(tool "delete_pod" → deletePod → \(k8s.io/client-go/kubernetes/typed/core/v1.PodInterface\).Delete\), Kubernetes Secret read: mcp-go`
	if err != nil {
		return err
	}
	go t.Start(*addr)
	<-ctx.Done()
	return t.Shutdown(context.Background())
}

func serveSecrets(dyn dynamic.Interface) error {
	h, err := secrets.New(dyn).SSE() // want `MCP server over SSE \(built by secrets.SSE\) is served with no authentication, and its tools reach Kubernetes Secret read \(tool "get_resource" → get → \(k8s.io/client-go/dynamic.ResourceInterface\).Get\): mcp-go`
	if err != nil {
		return err
	}
	return h.Start(":8081")
}

func servePods(cs kubernetes.Interface) error {
	h, err := pods.New(cs).HTTP() // want `MCP server over streamable HTTP \(built by pods.HTTP\) is served with no authentication: mcp-go .* \(a warning, not an error: its 1 tool reach no command execution`
	if err != nil {
		return err
	}
	return h.Start(":8082")
}

// closeOnly keeps the transport in an interface it only shuts down: it is
// never served here (silent).
func closeOnly(ctx context.Context, cs kubernetes.Interface) error {
	var t interface{ Shutdown(context.Context) error }
	t, err := writer.New(cs).HTTP(ctx)
	if err != nil {
		return err
	}
	return t.Shutdown(ctx)
}
