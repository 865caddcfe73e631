// Command apiaudit audits OpenAPI descriptions and Go services for the API
// risks that matter once AI agents sit on top of them.
package main

import (
	"os"

	"github.com/apiaudit/apiaudit/pkg/cli"
)

// Set by the release build: -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
var version, commit, date string

func main() {
	os.Exit(cli.Main(cli.BuildInfo{Version: version, Commit: commit, Date: date}, os.Args[1:], os.Stdout, os.Stderr))
}
