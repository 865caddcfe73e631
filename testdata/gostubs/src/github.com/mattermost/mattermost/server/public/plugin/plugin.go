// Package plugin is a stub of the Mattermost server's plugin API: the
// types a plugin's HTTP hook names.
package plugin

import "net/http"

// Context is what the server passes to a hook with each call.
type Context struct {
	SessionId string
	RequestId string
}

// API is the server's side of the plugin API.
type API interface {
	PluginHTTP(request *http.Request) *http.Response
}

// MattermostPlugin is embedded by a plugin's type.
type MattermostPlugin struct {
	API API
}
