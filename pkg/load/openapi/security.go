package openapi

import "github.com/getkin/kin-openapi/openapi3"

// Security is the security that applies to one operation.
type Security struct {
	Reqs    openapi3.SecurityRequirements
	Pointer string // where the requirements are written: the operation's "security" or the root's
	Own     bool   // the operation sets security itself (possibly to [])
	Set     bool   // security is written somewhere (operation or root)
}

// EffectiveSecurity returns the operation's own security when it has a
// security field, else the document's.
func EffectiveSecurity(t *openapi3.T, op Operation) Security {
	if op.Op.Security != nil {
		return Security{Reqs: *op.Op.Security, Pointer: Join(op.Pointer, "security"), Own: true, Set: true}
	}
	return Security{Reqs: t.Security, Pointer: "/security", Set: t.Security != nil}
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
