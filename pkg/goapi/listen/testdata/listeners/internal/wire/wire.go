// Package wire starts the module's servers for the command.
package wire

import "example.com/listeners/internal/chained"

func Start(addr string) error { return chained.Run(addr) }
