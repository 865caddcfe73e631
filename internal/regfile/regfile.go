// Package regfile opens the files apiaudit reads from a scanned tree:
// regular files only, checked on the open descriptor, and no more than a
// size limit.
//
// Checking a name with os.Stat and then opening it leaves a window in which
// the file can be swapped for a named pipe (whose open and reads block
// forever) or a link to a device (which never ends). Open closes that
// window: it opens without blocking (a pipe opens at once, writer or not),
// asks the kernel what the open descriptor is, and refuses it unless it is
// a regular file; reads then stop at the limit whatever the file grows to.
package regfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Flags choose how a name is opened.
type Flags int

const (
	// NoFollow refuses a name whose last element is a symbolic link, for
	// callers that resolved the links themselves (and checked where they
	// lead) or that never follow them: a link that appears in between is
	// refused rather than followed.
	NoFollow Flags = 1 << iota
)

// NotRegularError is a name that leads to something other than a regular
// file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode // the type bits; ModeSymlink for a link refused by NoFollow
}

func (e *NotRegularError) Error() string { return Describe(e.Mode) }

// TooLargeError is a regular file over the limit.
type TooLargeError struct {
	Path  string
	Size  int64 // at least this many bytes (more may follow)
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %s, over the %s limit", Size(e.Size), Size(e.Limit))
}

// Describe says what a file that is not a regular one is, the same way for
// every caller: "not a regular file (a named pipe)".
func Describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory named like a file"
	case m&fs.ModeSymlink != 0:
		return "not a regular file (a symbolic link)"
	case m&fs.ModeNamedPipe != 0:
		return "not a regular file (a named pipe)"
	case m&fs.ModeDevice != 0:
		return "not a regular file (a device)"
	case m&fs.ModeSocket != 0:
		return "not a regular file (a socket)"
	}
	return "not a regular file"
}

// Size writes a byte count the way --max-file-size reads it.
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%dB", n)
	case n < 1<<20:
		return fmt.Sprintf("%dKB", (n+(1<<10)-1)>>10)
	}
	return fmt.Sprintf("%dMB", (n+(1<<20)-1)>>20)
}

// Open opens name for reading when it is a regular file, and returns it
// with what fstat says of it. Anything else is a *NotRegularError, and
// nothing is read from it.
func Open(name string, flags Flags) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, openFlags(flags), 0)
	if err != nil {
		if flags&NoFollow != 0 && isLinkRefused(err) {
			return nil, nil, &NotRegularError{Path: name, Mode: fs.ModeSymlink}
		}
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: name, Mode: info.Mode().Type()}
	}
	if err := blocking(f); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ReadFile reads a regular file of at most limit bytes. A file over the
// limit is a *TooLargeError, refused from its size before anything is
// read, and refused too if it grows past the limit while it is read.
func ReadFile(name string, limit int64, flags Flags) ([]byte, error) {
	f, info, err := Open(name, flags)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, info.Size(), name, limit)
}

// ReadAll reads an open file of the given size (from Open) up to limit
// bytes; one over the limit is a *TooLargeError.
func ReadAll(f *os.File, size int64, name string, limit int64) ([]byte, error) {
	if size > limit {
		return nil, &TooLargeError{Path: name, Size: size, Limit: limit}
	}
	// Room for the whole file and bytes.Buffer's last read: one
	// allocation, as os.ReadFile makes.
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	n, err := buf.ReadFrom(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, &TooLargeError{Path: name, Size: n, Limit: limit}
	}
	return buf.Bytes(), nil
}

// IsRefused reports whether err is Open refusing a file for what it is or
// for its size, rather than failing to open it.
func IsRefused(err error) bool {
	var nr *NotRegularError
	var tl *TooLargeError
	return errors.As(err, &nr) || errors.As(err, &tl)
}
