package app

import (
	"wrapped/lib"

	"github.com/mark3labs/mcp-go/mcp"
)

type args struct{ Query string }

func search(args) error { return nil }

var Search = lib.MustTool( // want `tool search at 13:14 composed in catalog 0`
	"search",                  // want `name "search" at 14:2`
	"Searches the dashboards", // want `description "Searches the dashboards"`
	search,
	mcp.WithTitleAnnotation("Search"),    // want `title "Search"`
	mcp.WithReadOnlyHintAnnotation(true), // want `readOnly true`
)

var Ping = lib.Simple("ping", "Checks the server") // want `tool ping at 21:12 composed in catalog 0` `name "ping" at 21:23` `description "Checks the server"`

var label = lib.Label("not_a_tool")
