package openapi

import "github.com/apiaudit/apiaudit/pkg/ident"

// Words is ident.Words: rules of this package's users match names word by
// word with it.
func Words(name string) []string { return ident.Words(name) }
