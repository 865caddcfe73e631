//go:build !linux

package gowrap

import "errors"

// setPdeathsig: only Linux has a parent-death signal, and childproc.WrapGo
// sets the wrapper up only there.
func setPdeathsig() error { return errors.New("no parent-death signal on this system") }
