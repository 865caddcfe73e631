module example.com/listeners

go 1.26.0

require github.com/mark3labs/mcp-go v0.43.2
