package inventory

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Formats are the output formats of the inventory.
var Formats = []string{"text", "json", "markdown", "csv"}

// Columns are the inventory's columns, in the order of the text, markdown
// and CSV formats.
var Columns = []string{"METHOD", "PATH", "STATUS", "SPEC", "CODE", "FRAMEWORK", "HANDLER",
	"SPEC AUTH", "CODE AUTH", "MIDDLEWARE", "BODY LIMIT", "TIMEOUTS", "REACHES", "AGENT"}

// cells is one row's values, in Columns order.
func (r Row) cells() []string {
	c := make([]string, len(Columns))
	c[0], c[1], c[2] = r.Method, r.Path, r.Status
	if op := r.Op; op != nil {
		c[3] = op.At.String()
		if op.Anonymous && len(op.Security) == 0 {
			c[7] = "none"
		} else {
			c[7] = strings.Join(op.Security, " or ")
		}
	}
	if rt := r.Route; rt != nil {
		c[4] = rt.At.String()
		c[5] = rt.Framework
		c[6] = rt.Handler
		c[8] = string(rt.Auth)
		if rt.Conditional {
			c[8] += " (conditional)"
		}
		c[9] = strings.Join(rt.Middleware, " → ")
		switch {
		case rt.BodyLimit != "":
			c[10] = rt.BodyLimit
		case rt.ReadsBody:
			c[10] = "none"
		}
		c[11] = rt.Timeouts
		c[12] = strings.Join(rt.Reaches, ", ")
	}
	c[13] = r.agent()
	return c
}

// agent is what exposes the endpoint to agents: an MCP server, MCP tool
// annotations in the document, a GPT action's consequential flag.
func (r Row) agent() string {
	var out []string
	if r.Route != nil && r.Route.MCP != "" {
		out = append(out, "MCP server ("+r.Route.MCP+")")
	}
	if r.Op != nil {
		if r.Op.MCP {
			out = append(out, "MCP tool")
		}
		if c := r.Op.Consequential; c != nil {
			out = append(out, fmt.Sprintf("GPT action (consequential: %t)", *c))
		}
	}
	return strings.Join(out, ", ")
}

// Write prints the inventory in one of Formats.
func (inv *Inventory) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return inv.text(w)
	case "json":
		return inv.json(w)
	case "markdown":
		return inv.markdown(w)
	case "csv":
		return inv.csv(w)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func (inv *Inventory) pairingLines() []string {
	var out []string
	for _, p := range inv.Pairings {
		state := "paired"
		if !p.Paired {
			state = "not paired"
		}
		out = append(out, fmt.Sprintf("%s ↔ %s: %s, %s", p.Spec, p.Module, state, p.Why))
	}
	return out
}

func (inv *Inventory) text(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(Columns, "\t"))
	for _, r := range inv.Rows {
		c := r.cells()
		for i := range c {
			if c[i] == "" {
				c[i] = "-"
			}
		}
		fmt.Fprintln(tw, strings.Join(c, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if len(inv.Pairings) == 0 {
		_, err := fmt.Fprintln(w, "no document shares an operation with a Go module: no drift is reported")
		return err
	}
	for _, l := range inv.pairingLines() {
		fmt.Fprintln(w, l)
	}
	return nil
}

// Schema is the version of the JSON format (docs/inventory.md).
const Schema = 1

func (inv *Inventory) json(w io.Writer) error {
	out := struct {
		Schema    int       `json:"schema"`
		Pairings  []Pairing `json:"pairings"`
		Endpoints []Row     `json:"endpoints"`
	}{Schema, inv.Pairings, inv.Rows}
	if out.Pairings == nil {
		out.Pairings = []Pairing{}
	}
	if out.Endpoints == nil {
		out.Endpoints = []Row{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func (inv *Inventory) markdown(w io.Writer) error {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	fmt.Fprintln(w, "| "+strings.Join(Columns, " | ")+" |")
	fmt.Fprintln(w, strings.Repeat("|---", len(Columns))+"|")
	for _, r := range inv.Rows {
		c := r.cells()
		for i := range c {
			c[i] = esc(c[i])
		}
		fmt.Fprintln(w, "| "+strings.Join(c, " | ")+" |")
	}
	fmt.Fprintln(w)
	for _, l := range inv.pairingLines() {
		fmt.Fprintln(w, "- "+esc(l))
	}
	return nil
}

func (inv *Inventory) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for _, r := range inv.Rows {
		c := r.cells()
		for i, v := range c {
			// a cell that a spreadsheet would run as a formula
			if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
				c[i] = "'" + v
			}
		}
		if err := cw.Write(c); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
