package openapi

import "github.com/getkin/kin-openapi/openapi3"

// Security is the security that applies to one operation.
type Security struct {
	Reqs    openapi3.SecurityRequirements
	Pointer string // where the requirements are written: the operation's "security" or the root's
	Own     bool   // the operation sets security itself (possibly to [])
	Set     bool   // security is written somewhere (operation or root)
	// Throughout: the document never requires credentials without an
	// alternative. Every requirement list it writes, at the top or on an
	// operation, is [] or offers an empty {} alternative, and at least two
	// of them offer {} beside a real scheme (E2B's envd: each operation
	// writes [AccessTokenAuth, {}], the token being a setting of the
	// sandbox). The author describes optional authentication, a deployment
	// choice, as a top-level [token, {}] would.
	Throughout bool
}

// EffectiveSecurity returns the operation's own security when it has a
// security field, else the document's.
func EffectiveSecurity(t *openapi3.T, op Operation) Security {
	if op.Op.Security != nil {
		return Security{Reqs: *op.Op.Security, Pointer: Join(op.Pointer, "security"), Own: true, Set: true,
			Throughout: optionalThroughout(t)}
	}
	return Security{Reqs: t.Security, Pointer: "/security", Set: t.Security != nil, Throughout: optionalThroughout(t)}
}

// optionalThroughout reports whether a document makes authentication
// optional everywhere it writes a requirement (see Security.Throughout).
func optionalThroughout(t *openapi3.T) bool {
	if t == nil {
		return false
	}
	return cached(t, "optional-throughout", func() bool {
		optional := 0
		lenient := func(reqs openapi3.SecurityRequirements) bool {
			s := Security{Reqs: reqs}
			if s.Optional() {
				optional++
			}
			return s.Anonymous()
		}
		if t.Security != nil && !lenient(t.Security) {
			return false
		}
		for _, op := range Operations(t) {
			if op.Op.Security != nil && !lenient(*op.Op.Security) {
				return false
			}
		}
		return optional >= 2
	})
}

// Anonymous reports whether the operation can be called with no credentials:
// no requirement at all, or an empty {} alternative among them.
func (s Security) Anonymous() bool {
	if len(s.Reqs) == 0 {
		return true
	}
	for _, r := range s.Reqs {
		if len(r) == 0 {
			return true
		}
	}
	return false
}

// Optional reports whether the requirements offer an empty {} alternative
// beside at least one real one: authentication the caller may leave out.
func (s Security) Optional() bool {
	empty, real := false, false
	for _, r := range s.Reqs {
		if len(r) == 0 {
			empty = true
		} else {
			real = true
		}
	}
	return empty && real
}

// Schemes returns the security schemes of a document by name.
func Schemes(t *openapi3.T) openapi3.SecuritySchemes {
	if t == nil || t.Components == nil {
		return nil
	}
	return t.Components.SecuritySchemes
}
