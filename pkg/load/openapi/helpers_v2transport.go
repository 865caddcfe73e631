package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// V2Transport is what a Swagger 2.0 document said about transport before
// its conversion to OpenAPI 3: the conversion builds servers only from a
// host, and drops the schemes of operations, so the transport rule reads
// them here.
type V2Transport struct {
	Host    string
	Schemes []string // the document's schemes, as written
	// Ops holds the schemes of operations that declare their own, by
	// operation pointer (/paths/~1pets/get).
	Ops map[string][]string
}

const v2TransportKey = "v2transport"

// recordV2Transport keeps what a 2.0 document says about transport, for
// V2TransportOf; the loader calls it once the document is converted.
func recordV2Transport(t *openapi3.T, doc *openapi2.T) {
	if t == nil || doc == nil {
		return
	}
	v := &V2Transport{Host: doc.Host, Schemes: doc.Schemes, Ops: map[string][]string{}}
	for path, item := range doc.Paths {
		if item == nil {
			continue
		}
		for method, op := range item.Operations() {
			if op != nil && len(op.Schemes) > 0 {
				v.Ops[Pointer("paths", path, strings.ToLower(method))] = op.Schemes
			}
		}
	}
	cached(t, v2TransportKey, func() *V2Transport { return v })
}

// V2TransportOf returns what the Swagger 2.0 document t was converted from
// said about transport, or nil when t was not written as 2.0.
func V2TransportOf(t *openapi3.T) *V2Transport {
	return cached(t, v2TransportKey, func() *V2Transport { return nil })
}
