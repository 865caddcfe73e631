//go:build !unix

package regfile

import "os"

// openFlags: elsewhere there are no named pipes to open by accident, and
// no O_NOFOLLOW; the descriptor is still checked once open.
func openFlags(Flags) int { return os.O_RDONLY }

func isLinkRefused(error) bool { return false }

func blocking(*os.File) error { return nil }
