// Stub of golang.org/x/oauth2/microsoft, checked against golang.org/x/oauth2 v0.38.0.
package microsoft

import "golang.org/x/oauth2"

func AzureADEndpoint(tenant string) oauth2.Endpoint { return oauth2.Endpoint{} }
