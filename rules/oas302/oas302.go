// Package oas302 defines rule OAS302: read operations that only a write
// scope lets in.
package oas302

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

var Rule = &lint.Rule{
	ID:   "OAS302",
	Name: "write-scope-on-read",
	Doc: lint.Doc{
		Title: "Read operation requires a write scope",
		Summary: "A read-only operation (GET, HEAD or OPTIONS whose name says it reads) can only be called " +
			"with a scope named for writing (`bookings:write`, `Files.ReadWrite`, `calendar.manage`), so a " +
			"client that only reads must hold the power to change things.",
		Why: `Least privilege only works if the reads of an API can be granted without
its writes. When the only way into a GET is a write scope, every client that
wants to look at data has to be given a token that can also change or delete
it, and the narrower read scope (if the API has one) goes unused.

This matters most for AI agents, which are often given read access "just to
look things up" and then read untrusted text: a prompt injection that
arrives in the data the agent reads can now use the same token to write.
Keeping read tokens read-only contains that (OWASP LLM06, excessive agency;
API5, function level authorization).

An operation is reported when every alternative of its security requirement
asks for a write scope and none of them asks for a read scope: a
requirement listing both ` + "`pets:read`" + ` and ` + "`pets:write`" + ` is taken as
the common (if imprecise) way of saying "either" and is not reported.
Admin scopes and roles (` + "`admin`" + `, ` + "`moderator`" + `) are not write
scopes: reading audit logs or server settings with them is by design.
Operations under admin or internal paths, GETs named for an action
(cancelBooking) or marked ` + "`x-openai-isConsequential: true`" + `, and
operations anyone can call are not reported. When every operation shares one
requirement, OAS303 reports the document once instead.`,
		Fix: "declare a read scope (bookings:read) and accept it on read operations, alone or as an alternative to the write scope",
		Bad: `security:
  - oauth: [bookings:write]
paths:
  /bookings/{id}:
    get:                     # needs a write scope to read
      operationId: getBooking
  /bookings:
    post:
      operationId: createBooking
      security:
        - oauth: [bookings:write, payments:charge]`,
		Good: `security:
  - oauth: [bookings:write]
paths:
  /bookings/{id}:
    get:
      operationId: getBooking
      security:
        - oauth: [bookings:read]
  /bookings:
    post:
      operationId: createBooking
      security:
        - oauth: [bookings:write, payments:charge]`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "low",
		Grades: `- **warning**: the document has a read scope about what one of the write scopes covers (` + "`settings.get`" + ` beside ` + "`settings.update`" + `, ` + "`bookings:read`" + ` beside ` + "`bookings:write`" + `), declared by a scheme or used by another requirement, or any read scope when the write scope names nothing but writing; the message names it.
- **note**: no read scope exists for what the write scopes cover (words shared by every scope of the document and the issuer part of URL scopes do not count): the API offers no narrower way in, and the description is accurate (Discord's role connections, judged noise, 0 of 2 at warning).`,
		CWE:   []int{272, 250},
		OWASP: []string{"API5:2023", "LLM06:2025"},
		Since: "v0.1.0",
	},
	Spec:    run,
	Options: &options,
}

// Options are the settings of OAS302.
type Options struct {
	// WriteWords make a scope a write scope when one of its words (split at
	// separators and case changes) is among them: bookings:write,
	// Files.ReadWrite.All, calendar.manage.
	WriteWords []string `yaml:"write-words"`
	// ReadOnlyWords make a scope read-only whatever else it says:
	// drive.admin.readonly.
	ReadOnlyWords []string `yaml:"read-only-words"`
	// ReadWords make a scope a read scope when it has no write word:
	// bookings:read, viewer.
	ReadWords []string `yaml:"read-words"`
	// AllowedScopes are never counted as write scopes.
	AllowedScopes []string `yaml:"allowed-scopes"`
}

var options = Options{
	WriteWords: []string{
		"write", "writer", "readwrite", "rw", "manage", "delete", "modify", "edit", "editor", "full",
		"create", "update",
	},
	ReadOnlyWords: []string{"readonly", "ro"},
	ReadWords:     []string{"read", "reader", "view", "viewer", "get", "list", "search", "query", "see"},
}

type class int

const (
	neutral class = iota
	read
	write
)

func (o *Options) classify(scope string) class {
	if slices.ContainsFunc(o.AllowedScopes, func(a string) bool { return strings.EqualFold(a, scope) }) {
		return neutral
	}
	w := openapi.Words(scope)
	has := func(list []string) bool {
		return slices.ContainsFunc(w, func(s string) bool { return slices.Contains(list, s) })
	}
	switch {
	case has(o.ReadOnlyWords):
		return read
	case has(o.WriteWords):
		return write
	case has(o.ReadWords):
		return read
	}
	return neutral
}

func run(pass *lint.SpecPass) error {
	opts := &options
	ops := openapi.Operations(pass.Doc)
	if sharedEverywhere(pass.Doc, ops) {
		return nil // OAS303's
	}
	schemes := openapi.Schemes(pass.Doc)
	known := knownScopes(pass.Doc, ops)
	for _, op := range ops {
		if !readOnly(op) || openapi.PrivilegedSegment(op.Path) != "" {
			continue
		}
		sec := openapi.EffectiveSecurity(pass.Doc, op)
		if sec.Anonymous() {
			continue
		}
		var writes []string
		bound := true
		for _, req := range sec.Reqs {
			w, ok := writeBound(opts, req)
			if !ok {
				bound = false
				break
			}
			writes = append(writes, w)
		}
		if !bound {
			continue
		}
		field := ""
		if sec.Own {
			field = "security"
		}
		hint := readHint(opts, schemes, sec.Reqs, known)
		sev := lint.SeverityDefault
		if hint == "" {
			// No read scope exists for what the write scopes cover: the
			// API offers no narrower way in, and the description is
			// accurate (Discord's role connections, judged noise, 0 of 2).
			sev, hint = lint.SeverityNote, " (a note: no scheme declares or requirement uses a read scope for what these write scopes cover, so the API offers no narrower way in; add one to the API first)"
		}
		pass.ReportSeverityf(sev, op.Pointer, op.Op.Origin, field,
			"%s %s only reads, but every way in requires a write scope (%s)%s",
			op.Method, op.Path, strings.Join(slices.Compact(writes), "; "), hint)
	}
	return nil
}

// scopeSet is every scope a document names, declared by its OAuth schemes
// or used in a requirement, and the words all of them share (a URL prefix
// such as https, www, auth), which say nothing of what a scope covers.
type scopeSet struct {
	all    []string
	common map[string]bool
}

func knownScopes(t *openapi3.T, ops []openapi.Operation) scopeSet {
	set := map[string]bool{}
	for _, ref := range openapi.Schemes(t) {
		if ref != nil {
			for _, s := range openapi.SchemeScopes(ref.Value) {
				set[s] = true
			}
		}
	}
	add := func(reqs openapi3.SecurityRequirements) {
		for _, req := range reqs {
			for _, list := range req {
				for _, s := range list {
					set[s] = true
				}
			}
		}
	}
	add(t.Security)
	for _, op := range ops {
		if op.Op.Security != nil {
			add(*op.Op.Security)
		}
	}
	k := scopeSet{all: slices.Sorted(maps.Keys(set))}
	for i, s := range k.all {
		words := map[string]bool{}
		for _, w := range openapi.Words(s) {
			words[w] = true
		}
		if i == 0 {
			k.common = words
			continue
		}
		maps.DeleteFunc(k.common, func(w string, _ bool) bool { return !words[w] })
	}
	return k
}

// covers is what a scope is about: its words without the words that say
// read or write and without the words every scope of the document shares.
func (k scopeSet) covers(opts *Options, scope string) []string {
	if strings.Contains(scope, "://") {
		// https://www.googleapis.com/auth/calendar.readonly: the host
		// and path before the last segment name the issuer.
		scope = scope[strings.LastIndex(scope, "/")+1:]
	}
	var out []string
	for _, w := range openapi.Words(scope) {
		if k.common[w] || slices.Contains(opts.WriteWords, w) || slices.Contains(opts.ReadWords, w) ||
			slices.Contains(opts.ReadOnlyWords, w) || w == "all" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// readFor returns a read scope of the document about what write scope ws
// is about ("" if none): any read scope when ws names nothing but writing.
func (k scopeSet) readFor(opts *Options, ws string) string {
	want := k.covers(opts, ws)
	for _, s := range k.all {
		if opts.classify(s) != read {
			continue
		}
		if len(want) == 0 || slices.ContainsFunc(k.covers(opts, s), func(w string) bool { return slices.Contains(want, w) }) {
			return s
		}
	}
	return ""
}

// readOnly reports whether an operation only reads: GET, HEAD or OPTIONS,
// not named for an action, not marked as consequential.
func readOnly(op openapi.Operation) bool {
	switch op.Method {
	case "get", "head", "options":
	default:
		return false
	}
	if openapi.DefaultVerbs.Classify(op).Kind != openapi.ActionRead {
		return false
	}
	m := openapi.Marks(op.Op)
	return (m.Consequential == nil || !*m.Consequential) && (m.ReadOnly == nil || *m.ReadOnly)
}

// writeBound reports whether a requirement asks for a write scope and no
// read scope, and describes its write scopes.
func writeBound(opts *Options, req openapi3.SecurityRequirement) (string, bool) {
	var writes []string
	for _, name := range slices.Sorted(maps.Keys(req)) {
		var ws []string
		for _, s := range req[name] {
			switch opts.classify(s) {
			case read:
				return "", false
			case write:
				ws = append(ws, s)
			}
		}
		if len(ws) > 0 {
			writes = append(writes, fmt.Sprintf("%s: %s", name, strings.Join(ws, ", ")))
		}
	}
	return strings.Join(writes, " and "), len(writes) > 0
}

// readHint names a read scope about what the requirements' write scopes
// are about, which the operation could accept instead: one its schemes
// declare, or one another requirement of the document uses; "" when there
// is none.
func readHint(opts *Options, schemes openapi3.SecuritySchemes, reqs openapi3.SecurityRequirements, known scopeSet) string {
	for _, req := range reqs {
		for _, name := range slices.Sorted(maps.Keys(req)) {
			for _, ws := range req[name] {
				if opts.classify(ws) != write {
					continue
				}
				r := known.readFor(opts, ws)
				if r == "" {
					continue
				}
				if ref := schemes[name]; ref != nil && slices.Contains(openapi.SchemeScopes(ref.Value), r) {
					return fmt.Sprintf("; scheme %q declares the read scope %q", name, r)
				}
				return fmt.Sprintf("; the document uses the read scope %q", r)
			}
		}
	}
	return ""
}

// sharedEverywhere reports whether every operation that needs credentials
// asks for the same ones, among reads and writes alike: OAS303 reports that
// once for the document.
func sharedEverywhere(t *openapi3.T, ops []openapi.Operation) bool {
	key, n := "", 0
	reads, writes := false, false
	for _, op := range ops {
		sec := openapi.EffectiveSecurity(t, op)
		if sec.Anonymous() {
			continue
		}
		k := openapi.RequirementKey(sec.Reqs)
		if n > 0 && k != key {
			return false
		}
		key, n = k, n+1
		if op.IsWrite() {
			writes = true
		} else {
			reads = true
		}
	}
	return reads && writes
}
