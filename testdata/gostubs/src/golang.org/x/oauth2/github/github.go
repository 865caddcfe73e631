// Stub of golang.org/x/oauth2/github, checked against golang.org/x/oauth2 v0.38.0.
package github

import "golang.org/x/oauth2/endpoints"

var Endpoint = endpoints.GitHub
