// Package catalog connects a client to its own server through an in-memory
// transport to print the tool catalog (gitlab-mcp-server's server card):
// those tools are the program's own, so nothing is reported.
package catalog

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func card(ctx context.Context, srv *mcp.Server, out *mcp.Server) {
	_, ct := mcp.NewInMemoryTransports()
	session, _ := mcp.NewClient(&mcp.Implementation{Name: "card"}, nil).Connect(ctx, ct, nil)
	res, _ := session.ListTools(ctx, nil)
	for _, t := range res.Tools {
		out.AddTool(&mcp.Tool{Name: t.Name, Description: t.Description}, nil)
	}
}
