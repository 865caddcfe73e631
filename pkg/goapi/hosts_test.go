package goapi

import (
	"go/types"
	"testing"
)

func TestHostOf(t *testing.T) {
	api := types.NewPackage("github.com/mattermost/mattermost/server/public/plugin", "plugin")
	helper := types.NewPackage("example.com/myplugin/internal/kv", "kv")
	helper.SetImports([]*types.Package{api})

	plugin := types.NewPackage("example.com/myplugin/server", "main")
	plugin.SetImports([]*types.Package{helper}) // the API through another package
	server := types.NewPackage("github.com/mattermost/mattermost/server/v8/channels/app", "app")
	server.SetImports([]*types.Package{api})
	oldServer := types.NewPackage("github.com/mattermost/mattermost-server/v6/app", "app")
	oldServer.SetImports([]*types.Package{types.NewPackage("github.com/mattermost/mattermost-server/v6/plugin", "plugin")})
	plain := types.NewPackage("example.com/svc", "svc")

	for _, c := range []struct {
		pkg  *types.Package
		want string
	}{
		{plugin, "Mattermost"},
		{helper, "Mattermost"},
		{server, ""},    // the host itself serves the plugin API
		{oldServer, ""}, // and so did its v6 module
		{plain, ""},
		{nil, ""},
	} {
		got := ""
		if h := HostOf(c.pkg); h != nil {
			got = h.Name
		}
		name := "<nil>"
		if c.pkg != nil {
			name = c.pkg.Path()
		}
		if got != c.want {
			t.Errorf("HostOf(%s) = %q, want %q", name, got, c.want)
		}
	}
}
