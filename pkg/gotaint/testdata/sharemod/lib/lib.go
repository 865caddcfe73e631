// Package lib removes files; only the command-line tool uses it.
package lib

import "os"

// Remove removes path.
func Remove(path string) error { return os.Remove(path) }
