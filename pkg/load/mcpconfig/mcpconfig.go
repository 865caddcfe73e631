// Package mcpconfig loads MCP client configuration files (VS Code's
// mcp.json, Cursor's, Claude Desktop's and Claude Code's, Windsurf's,
// Cline's, Zed's and Gemini CLI's settings, Codex's config.toml,
// Continue's and Goose's YAML, ...) into the model of pkg/mcpclient, with
// the line and column of every value. JSON, YAML and TOML are read into
// one small tree (node), so that every layout is read by the same code.
package mcpconfig

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/internal/suppress"
	"github.com/apiaudit/apiaudit/pkg/goapi"
	"github.com/apiaudit/apiaudit/pkg/mcpclient"
)

// MaxFileSize is the largest client configuration read: real ones are a
// few kilobytes, and a larger file named like one is refused with a
// problem rather than parsed.
const MaxFileSize = 1 << 20

// knownNames are files that are client configurations by their name alone:
// one that does not parse is a problem, not something else to skip.
var knownNames = map[string]bool{
	"mcp.json":                   true, // VS Code (.vscode/), Cursor (.cursor/), Amazon Q (.amazonq/), Kiro, ...
	".mcp.json":                  true, // Claude Code, Copilot
	"mcp.jsonc":                  true,
	"claude_desktop_config.json": true,
	"mcp_config.json":            true, // Windsurf
	"cline_mcp_settings.json":    true,
	"mcp_settings.json":          true, // Roo Code
	"mcp-config.json":            true, // Copilot CLI
	"mcp_servers.json":           true,
	"mcp-servers.json":           true,
}

// KnownName reports whether a file is one that MCP clients read their
// server list from, by its base name (mcp.json, claude_desktop_config.json,
// ...) or by where it sits: Codex's .codex/config.toml and the block files
// of Continue's .continue/mcpServers/ directory.
func KnownName(path string) bool {
	path = filepath.ToSlash(path)
	base := strings.ToLower(filepath.Base(path))
	dir := filepath.Base(filepath.Dir(path))
	switch {
	case knownNames[base]:
		return true
	case base == "config.toml" && dir == ".codex":
		return true
	case dir == "mcpServers" && filepath.Base(filepath.Dir(filepath.Dir(path))) == ".continue":
		return true
	}
	return false
}

// syntax is how a configuration is written, by its extension.
type syntax int

const (
	syntaxJSON syntax = iota // .json and .jsonc: JSON with comments
	syntaxYAML               // .yaml and .yml: Continue, Goose, mcphost
	syntaxTOML               // .toml: Codex
	syntaxNone
)

func syntaxOf(path string) syntax {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonc":
		return syntaxJSON
	case ".yaml", ".yml":
		return syntaxYAML
	case ".toml":
		return syntaxTOML
	}
	return syntaxNone
}

// SyntaxName names how a file is written, by its extension, for messages:
// JSON, YAML or TOML.
func SyntaxName(path string) string {
	switch syntaxOf(path) {
	case syntaxYAML:
		return "YAML"
	case syntaxTOML:
		return "TOML"
	}
	return "JSON"
}

// HasExtension reports whether a file may be a client configuration by its
// extension: .json or .jsonc (VS Code and Zed write JSON with comments),
// .yaml or .yml (Continue, Goose), .toml (Codex).
func HasExtension(path string) bool { return syntaxOf(path) != syntaxNone }

// Sniff tells whether data, read from path, is a client configuration: it
// returns the layout its servers are read from ("" when it is not one).
// err is set when a file with a client configuration's name does not parse.
func Sniff(path string, data []byte) (format string, err error) {
	syn := syntaxOf(path)
	if syn == syntaxNone || !mayHold(syn, data) {
		return "", nil
	}
	root, perr := parse(syn, data)
	if perr != nil {
		if KnownName(path) {
			return "", perr
		}
		return "", nil
	}
	format, _, _ = layout(path, syn, root)
	return format, nil
}

// parse reads data written in syn into the tree the layouts are read from.
func parse(syn syntax, data []byte) (*node, error) {
	switch syn {
	case syntaxYAML:
		return parseYAML(data)
	case syntaxTOML:
		return parseTOML(data)
	}
	return parseJSONC(data)
}

var (
	// yamlKeys are the top-level keys of the YAML layouts, at the start
	// of a line.
	yamlKeys = regexp.MustCompile(`(?m)^(?:mcpServers|extensions)[ \t]*:`)
	// tomlKeys is Codex's table, as a header or a dotted key.
	tomlKeys = regexp.MustCompile(`(?m)^[ \t]*(?:\[[ \t]*)?mcp_servers\b`)
)

// mayHold is the cheap test before a parse: one of the keys that hold a
// server map appears in the text.
func mayHold(syn syntax, data []byte) bool {
	switch syn {
	case syntaxYAML:
		return yamlKeys.Match(data)
	case syntaxTOML:
		return tomlKeys.Match(data)
	}
	for _, k := range []string{`"mcpServers"`, `"servers"`, `"context_servers"`, `"mcp"`} {
		if bytes.Contains(data, []byte(k)) {
			return true
		}
	}
	return false
}

// gooseTypes are the extension types of Goose's config.yaml.
var gooseTypes = map[string]bool{"stdio": true, "sse": true, "streamable_http": true, "builtin": true, "platform": true, "frontend": true, "inline_python": true}

// layout finds the server map (or list) of a configuration, names its
// layout and gives the pointer it sits at.
func layout(path string, syn syntax, root *node) (format, base string, servers *node) {
	if root == nil || root.kind != kObject {
		return "", "", nil
	}
	name := strings.ToLower(filepath.Base(path))
	switch syn {
	case syntaxTOML:
		// Codex: [mcp_servers.<name>] tables.
		if v, _ := root.get("mcp_servers"); v != nil && v.kind == kObject {
			return "mcp_servers", "/mcp_servers", v
		}
		return "", "", nil
	case syntaxYAML:
		if v, _ := root.get("mcpServers"); v != nil {
			switch v.kind {
			case kObject: // mcphost and others: Claude's map, in YAML
				return "mcpServers", "/mcpServers", v
			case kArray: // Continue: a list of servers, each with a name
				return "mcpServers list", "/mcpServers", v
			}
		}
		// Goose: extensions.<name> with a type and cmd or uri. "extensions"
		// is a common word: only a map with at least one entry of Goose's
		// shape is taken as one.
		if v, _ := root.get("extensions"); v != nil && v.kind == kObject {
			for _, e := range v.vals {
				t, _ := e.get("type")
				cmd, _ := e.get("cmd")
				uri, _ := e.get("uri")
				if t != nil && t.kind == kString && gooseTypes[t.text] && (cmd != nil || uri != nil) {
					return "extensions", "/extensions", v
				}
			}
		}
		return "", "", nil
	}
	if v, _ := root.get("mcpServers"); v != nil && v.kind == kObject {
		return "mcpServers", "/mcpServers", v
	}
	if v, _ := root.get("servers"); v != nil && v.kind == kObject {
		// "servers" is a common word: only VS Code's file layout, named
		// for MCP or with the inputs VS Code asks for, is taken as one.
		inputs, _ := root.get("inputs")
		if strings.Contains(name, "mcp") || inputs != nil && inputs.kind == kArray {
			return "servers", "/servers", v
		}
	}
	if v, _ := root.get("context_servers"); v != nil && v.kind == kObject {
		return "context_servers", "/context_servers", v
	}
	if m, _ := root.get("mcp"); m != nil && m.kind == kObject {
		if v, _ := m.get("servers"); v != nil && v.kind == kObject {
			return "mcp.servers", "/mcp/servers", v
		}
		schema, _ := root.get("$schema")
		if strings.HasPrefix(name, "opencode") || schema != nil && strings.Contains(schema.text, "opencode") {
			return "mcp", "/mcp", m
		}
	}
	return "", "", nil
}

// Load reads the client configuration at abs; rel is how findings name it.
func Load(abs, rel string) (*mcpclient.Config, error) {
	data, err := regfile.ReadFile(abs, MaxFileSize, 0)
	var tl *regfile.TooLargeError
	if errors.As(err, &tl) {
		return nil, fmt.Errorf("not scanned: a client configuration of %d KB is over the %d KB limit", (tl.Size+1023)/1024, MaxFileSize/1024)
	}
	if err != nil {
		return nil, err
	}
	c, err := Parse(rel, data)
	if err != nil {
		return nil, err
	}
	c.Place = PlaceOf(rel)
	return c, nil
}

// PlaceOf says why a configuration at file (slash-separated, relative to
// the scan root) is not one anyone runs as is, in the words the Go rules
// use for code: "example code (examples/)", "test scaffolding
// (testdata/)"; "" when nothing in its directory's path says so.
func PlaceOf(file string) string { return goapi.PlaceReason(path.Dir(filepath.ToSlash(file))) }

// Parse reads a client configuration from data; file is how findings name
// it, and its extension says how it is written.
func Parse(file string, data []byte) (*mcpclient.Config, error) {
	syn := syntaxOf(file)
	if syn == syntaxNone {
		syn = syntaxJSON
	}
	root, err := parse(syn, data)
	if err != nil {
		return nil, err
	}
	format, base, servers := layout(file, syn, root)
	if format == "" {
		return nil, fmt.Errorf("not an MCP client configuration (no mcpServers, servers, context_servers, mcp_servers or extensions)")
	}
	c := &mcpclient.Config{File: file, Format: format}
	c.Ignores = append(c.Ignores, ignores(root, "")...)
	add := func(name string, pos mcpclient.Pos, ptr string, v *node) {
		s := &mcpclient.Server{Name: name, Pointer: ptr, Pos: pos}
		readServer(s, v)
		c.Servers = append(c.Servers, s)
		c.Ignores = append(c.Ignores, ignores(v, ptr)...)
	}
	if servers.kind == kArray { // Continue's list: the name is a member
		for i, v := range servers.vals {
			if v.kind != kObject {
				continue
			}
			name, pos := fmt.Sprintf("#%d", i+1), v.pos
			if n, _ := v.get("name"); n != nil && n.kind == kString {
				name, pos = n.text, n.pos
			}
			add(name, pos, fmt.Sprintf("%s/%d", base, i), v)
		}
	} else {
		for i, name := range servers.keys {
			if v := servers.vals[i]; v.kind == kObject {
				add(name, servers.keyPos[i], base+"/"+escape(name), v)
			}
		}
	}
	if inputs, _ := root.get("inputs"); inputs != nil && inputs.kind == kArray {
		for _, in := range inputs.vals {
			if id, _ := in.get("id"); id != nil && id.kind == kString {
				c.Inputs = append(c.Inputs, id.text)
			}
		}
	}
	return c, nil
}

// readServer fills a server from its object, whichever client's field
// names it uses.
func readServer(s *mcpclient.Server, v *node) {
	for _, key := range []string{"type", "transport", "transportType"} {
		if t, _ := v.get(key); t != nil && t.kind == kString {
			s.Type = t.text
			break
		}
	}
	for _, key := range []string{"command", "cmd"} { // cmd: Goose
		cmd, _ := v.get(key)
		if cmd == nil {
			continue
		}
		ptr := s.Pointer + "/" + key
		switch cmd.kind {
		case kString:
			s.Command = &mcpclient.Value{Text: cmd.text, Pointer: ptr, Pos: cmd.pos}
		case kArray: // opencode: the command and its arguments in one list
			vals := strs(cmd, ptr)
			if len(vals) > 0 {
				s.Command, s.Args = &vals[0], vals[1:]
			}
		case kObject: // Zed's older layout: {"path", "args", "env"}
			if p, _ := cmd.get("path"); p != nil && p.kind == kString {
				s.Command = &mcpclient.Value{Text: p.text, Pointer: ptr + "/path", Pos: p.pos}
			}
			if a, _ := cmd.get("args"); a != nil {
				s.Args = strs(a, ptr+"/args")
			}
			if e, _ := cmd.get("env"); e != nil {
				s.Env = entries(e, ptr+"/env")
			}
		}
		break
	}
	if a, _ := v.get("args"); a != nil {
		s.Args = append(s.Args, strs(a, s.Pointer+"/args")...)
	}
	for _, key := range []string{"env", "environment", "envs"} { // envs: Goose
		if e, _ := v.get(key); e != nil {
			s.Env = append(s.Env, entries(e, s.Pointer+"/"+key)...)
		}
	}
	for _, key := range []string{"url", "serverUrl", "httpUrl", "uri"} {
		if u, _ := v.get(key); u != nil && u.kind == kString {
			s.URL = &mcpclient.Value{Text: u.text, Pointer: s.Pointer + "/" + key, Pos: u.pos}
			break
		}
	}
	// headers (most clients, Goose), http_headers (Codex; its
	// env_http_headers name variables, not values), and Continue's
	// requestOptions.headers.
	for _, key := range []string{"headers", "http_headers"} {
		if h, _ := v.get(key); h != nil {
			s.Headers = append(s.Headers, entries(h, s.Pointer+"/"+key)...)
		}
	}
	if ro, _ := v.get("requestOptions"); ro != nil {
		if h, _ := ro.get("headers"); h != nil {
			s.Headers = append(s.Headers, entries(h, s.Pointer+"/requestOptions/headers")...)
		}
	}
	// Codex's bearer_token: the token itself, inline (newer releases
	// refuse it and want bearer_token_env_var, which names a variable).
	if t, kpos := v.get("bearer_token"); t != nil && t.kind == kString {
		s.Headers = append(s.Headers, mcpclient.Entry{Name: "bearer_token", KeyPos: kpos,
			Value: mcpclient.Value{Text: t.text, Pointer: s.Pointer + "/bearer_token", Pos: t.pos}})
	}
}

// ignores reads the x-apiaudit-ignore member of an object: the
// suppressions written for it (scope is its pointer, "" for the root).
// Entries are {rule, reason} objects, in a list or alone, as in OpenAPI
// documents (suppress.Parse).
func ignores(o *node, scope string) []mcpclient.Ignore {
	v, kpos := o.get(IgnoreKey)
	if v == nil {
		return nil
	}
	ptr := scope + "/" + IgnoreKey
	var out []mcpclient.Ignore
	for _, e := range suppress.Parse(v) {
		ig := mcpclient.Ignore{Rule: e.Rule, Reason: e.Reason, Err: e.Err, Scope: scope, Pointer: ptr, Pos: kpos}
		if e.Index >= 0 {
			ig.Pointer, ig.Pos = fmt.Sprintf("%s/%d", ptr, e.Index), e.Node.(*node).pos
		}
		out = append(out, ig)
	}
	return out
}

// IgnoreKey is the member that suppresses findings in a client
// configuration, at its top level (the whole file) or in a server's entry
// (that server): the key OpenAPI documents use.
const IgnoreKey = suppress.Key

// strs returns the string items of an array.
func strs(a *node, ptr string) []mcpclient.Value {
	if a.kind != kArray {
		return nil
	}
	var out []mcpclient.Value
	for i, item := range a.vals {
		if item.kind == kString {
			out = append(out, mcpclient.Value{Text: item.text, Pointer: fmt.Sprintf("%s/%d", ptr, i), Pos: item.pos})
		}
	}
	return out
}

// entries returns the string members of an object.
func entries(o *node, ptr string) []mcpclient.Entry {
	if o.kind != kObject {
		return nil
	}
	var out []mcpclient.Entry
	for i, k := range o.keys {
		if v := o.vals[i]; v.kind == kString {
			out = append(out, mcpclient.Entry{Name: k, KeyPos: o.keyPos[i],
				Value: mcpclient.Value{Text: v.text, Pointer: ptr + "/" + escape(k), Pos: v.pos}})
		}
	}
	return out
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}
