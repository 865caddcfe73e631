// Package mcpconfig loads MCP client configuration files (VS Code's
// mcp.json, Cursor's, Claude Desktop's and Claude Code's, Windsurf's,
// Cline's, Zed's and Gemini CLI's settings, ...) into the model of
// pkg/mcpclient, with the line and column of every value.
package mcpconfig

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/apiaudit/apiaudit/internal/regfile"
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

// KnownName reports whether a file's base name is one that MCP clients read
// their server list from.
func KnownName(path string) bool { return knownNames[strings.ToLower(filepath.Base(path))] }

// HasExtension reports whether a file may be a client configuration by its
// extension: .json, or .jsonc as VS Code and Zed also write.
func HasExtension(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".json" || ext == ".jsonc"
}

// Sniff tells whether data, read from path, is a client configuration: it
// returns the layout its servers are read from ("" when it is not one).
// err is set when a file with a client configuration's name does not parse.
func Sniff(path string, data []byte) (format string, err error) {
	if !mayHold(data) {
		return "", nil
	}
	root, perr := parseJSONC(data)
	if perr != nil {
		if KnownName(path) {
			return "", perr
		}
		return "", nil
	}
	format, _ = layout(path, root)
	return format, nil
}

// mayHold is the cheap test before a parse: one of the keys that hold a
// server map appears somewhere in the text.
func mayHold(data []byte) bool {
	for _, k := range []string{`"mcpServers"`, `"servers"`, `"context_servers"`, `"mcp"`} {
		if bytes.Contains(data, []byte(k)) {
			return true
		}
	}
	return false
}

// layout finds the server map of a configuration and names its layout.
func layout(path string, root *node) (string, *node) {
	if root == nil || root.kind != kObject {
		return "", nil
	}
	name := strings.ToLower(filepath.Base(path))
	if v, _ := root.get("mcpServers"); v != nil && v.kind == kObject {
		return "mcpServers", v
	}
	if v, _ := root.get("servers"); v != nil && v.kind == kObject {
		// "servers" is a common word: only VS Code's file layout, named
		// for MCP or with the inputs VS Code asks for, is taken as one.
		inputs, _ := root.get("inputs")
		if strings.Contains(name, "mcp") || inputs != nil && inputs.kind == kArray {
			return "servers", v
		}
	}
	if v, _ := root.get("context_servers"); v != nil && v.kind == kObject {
		return "context_servers", v
	}
	if m, _ := root.get("mcp"); m != nil && m.kind == kObject {
		if v, _ := m.get("servers"); v != nil && v.kind == kObject {
			return "mcp.servers", v
		}
		schema, _ := root.get("$schema")
		if strings.HasPrefix(name, "opencode") || schema != nil && strings.Contains(schema.text, "opencode") {
			return "mcp", m
		}
	}
	return "", nil
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
	return Parse(rel, data)
}

// Parse reads a client configuration from data; file is how findings name it.
func Parse(file string, data []byte) (*mcpclient.Config, error) {
	root, err := parseJSONC(data)
	if err != nil {
		return nil, err
	}
	format, servers := layout(file, root)
	if format == "" {
		return nil, fmt.Errorf("not an MCP client configuration (no mcpServers, servers or context_servers object)")
	}
	c := &mcpclient.Config{File: file, Format: format}
	base := "/" + strings.ReplaceAll(format, ".", "/")
	for i, name := range servers.keys {
		v := servers.vals[i]
		if v.kind != kObject {
			continue
		}
		s := &mcpclient.Server{Name: name, Pointer: base + "/" + escape(name), Pos: servers.keyPos[i]}
		readServer(s, v)
		c.Servers = append(c.Servers, s)
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
	if cmd, _ := v.get("command"); cmd != nil {
		ptr := s.Pointer + "/command"
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
	}
	if a, _ := v.get("args"); a != nil {
		s.Args = append(s.Args, strs(a, s.Pointer+"/args")...)
	}
	for _, key := range []string{"env", "environment"} {
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
	if h, _ := v.get("headers"); h != nil {
		s.Headers = entries(h, s.Pointer+"/headers")
	}
}

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
