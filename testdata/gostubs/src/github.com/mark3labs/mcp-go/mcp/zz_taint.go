// Stub of github.com/mark3labs/mcp-go/mcp (what the taint rules use),
// checked against v1.2.1.
package mcp
