// What the upstream tool-definition check (GO402) uses.
package mcp

import "context"

type ListToolsParams struct{}

type ListToolsResult struct{ Tools []*Tool }

type Client struct{}

type ClientSession struct{}

type InMemoryTransport struct{}

func NewClient(impl *Implementation, opts any) *Client { return nil }

func (c *Client) Connect(ctx context.Context, t Transport, opts any) (*ClientSession, error) {
	return nil, nil
}

func (cs *ClientSession) ListTools(ctx context.Context, params *ListToolsParams) (*ListToolsResult, error) {
	return nil, nil
}

func NewInMemoryTransports() (*InMemoryTransport, *InMemoryTransport) { return nil, nil }
