// Stub of github.com/modelcontextprotocol/go-sdk/mcp, checked against v1.8.0:
// what the bounds rules (GO203) use.
package mcp

const DefaultMaxRequestBodyBytes = 4 << 20
