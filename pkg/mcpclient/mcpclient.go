// Package mcpclient is the model of an MCP client configuration file: the
// servers an agent host (VS Code, Cursor, Claude Desktop and Claude Code,
// Windsurf, Cline, Zed, Gemini CLI, Codex, Continue, Goose, ...) starts or
// connects to, with where each value is written. pkg/load/mcpconfig fills
// it; the MCP1xx and MCP5xx client rules read it. It does no I/O.
package mcpclient

// Pos is a 1-based line and column (in characters) in the file.
type Pos struct{ Line, Column int }

// Value is a string written in the file.
type Value struct {
	Text    string
	Pointer string // RFC 6901 pointer of the value
	Pos     Pos    // where the string literal starts
}

// Entry is one name and value of an env, environment or headers object.
type Entry struct {
	Name   string
	KeyPos Pos // where the name is written
	Value  Value
}

// Server is one entry of the configuration's server map.
type Server struct {
	Name    string
	Pointer string // of the server's object
	Pos     Pos    // of its name
	// Type is the transport as written ("stdio", "http", "sse", "local",
	// "remote", ...), "" when the entry does not say.
	Type    string
	Command *Value // the program started for a local server
	Args    []Value
	Env     []Entry
	URL     *Value // the endpoint of a remote server (url, serverUrl, httpUrl)
	Headers []Entry
}

// Config is one client configuration file.
type Config struct {
	File string // slash-separated, relative to the scan root
	// Format names the layout the servers were read from: "mcpServers"
	// (Claude, Cursor, Windsurf, Cline, Gemini CLI and most others),
	// "servers" (VS Code's mcp.json), "mcp.servers" (VS Code settings),
	// "context_servers" (Zed), "mcp" (opencode), "mcp_servers" (Codex's
	// TOML), "mcpServers list" (Continue's YAML) or "extensions" (Goose).
	Format  string
	Servers []*Server
	// Inputs are the ids of VS Code's inputs, which ${input:id} names.
	Inputs []string
	// Ignores are the suppressions written in the file.
	Ignores []Ignore
	// Place says why the file is not a configuration anyone runs as is:
	// "example code (examples/)", "test scaffolding (testdata/)"; "" for
	// one that is. Rules about what a server does when started (MCP502,
	// MCP503) grade such files one step lower; credentials (MCP101) are
	// live wherever they are committed and are not graded by place.
	Place string
}

// Ignore is one x-apiaudit-ignore entry written in the file.
type Ignore struct {
	Rule   string // rule ID or glob ("MCP5*")
	Reason string // why the finding does not apply; required
	// Scope is the pointer of the element it covers: "" for the whole
	// file, a server's pointer for that server.
	Scope   string
	Pointer string // of the entry itself
	Pos     Pos    // where the entry is written
	Err     string // why the entry is malformed, if it is
}
