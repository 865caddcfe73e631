package go504

import (
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/inventory"
)

// TestLeftOutMessage: the one note for a module's undescribed servers
// names the documents considered (in the plural when several), says when
// a document sits under an example or test directory of the module, and
// counts the routes and packages.
func TestLeftOutMessage(t *testing.T) {
	for _, c := range []struct {
		lo         inventory.LeftOut
		want, nope []string
	}{
		{
			lo: inventory.LeftOut{Module: ".", Specs: []string{"cmd/conv/examples/users.yaml"}, Packages: []string{"cmd/api", "internal/core", "internal/notify", "cmd/tool"}, Routes: 43},
			want: []string{"43 routes of cmd/api, internal/core and 2 more packages compared with no OpenAPI document: cmd/conv/examples/users.yaml describes other servers",
				"serve too few of its operations and it lists too few of their routes; cmd/conv/examples/users.yaml sits under examples/, an example or test input"},
		},
		{
			lo:   inventory.LeftOut{Module: ".", Specs: []string{"docs/admin.yaml", "docs/proxy.yaml"}, Packages: []string{"internal/telemetry"}, Routes: 1},
			want: []string{"1 route of internal/telemetry compared with no OpenAPI document: docs/admin.yaml, docs/proxy.yaml describe other servers", "too few of their operations and they list too few"},
			nope: []string{"sits under"},
		},
		{
			// the module's own place in the scan does not count
			lo:   inventory.LeftOut{Module: "testdata/svc", Specs: []string{"testdata/svc/api/openapi.yaml"}, Packages: []string{"testdata/svc/cmd/b"}, Routes: 2},
			want: []string{"2 routes of testdata/svc/cmd/b"},
			nope: []string{"sits under"},
		},
	} {
		got := leftOutMessage(c.lo)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("message %q\nlacks %q", got, w)
			}
		}
		for _, n := range c.nope {
			if strings.Contains(got, n) {
				t.Errorf("message %q\nhas %q", got, n)
			}
		}
	}
}
