package gosrc

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestWithoutCgo checks the rewrite of a cgo file's declarations: C types
// become Go stand-ins by kind, C values and calls become 0, function
// bodies (which the loader drops) are left alone, and every line stays
// where it was.
func TestWithoutCgo(t *testing.T) {
	src := `//go:build cgo

package b

/*
#include "b.h"
*/
import "C"

import "unsafe"

const (
	Version = C.VERSION
	Max     = C.int(
		8)
)

type Sym = C.symbol

type P struct {
	c    *C.struct_parser
	n    C.size_t
	e    C.enum_kind
	buf  [4]C.char
	tree *C.TSTree
}

var zero = C.TSPoint{}

func New(s *C.char) *P {
	return &P{c: C.new_parser(), n: C.size_t(len(C.GoString(s)))}
}

func (p *P) Ptr() unsafe.Pointer { return unsafe.Pointer(p.c) }
`
	out, ok := withoutCgo([]byte(src))
	if !ok {
		t.Fatal("did not parse")
	}
	got := string(out)
	if n, m := strings.Count(got, "\n"), strings.Count(src, "\n"); n != m {
		t.Errorf("%d lines, want %d:\n%s", n, m, got)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "b.go", out, 0); err != nil {
		t.Errorf("the rewrite does not parse: %v\n%s", err, got)
	}
	for _, want := range []string{
		"Version = 0\n",
		"Max     = 0\n\n)",
		"type Sym = int\n",
		"c    *struct{}\n",
		"n    uint64\n",
		"e    uint32\n",
		"buf  [4]int8\n",
		"tree *int\n",
		"var zero = 0\n",
		"func New(s *int8) *P {\n\treturn &P{c: C.new_parser(), n: C.size_t(len(C.GoString(s)))}", // the body stays
		`import "C"`, // for types.Config.FakeImportC
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the rewrite lacks %q:\n%s", want, got)
		}
	}
	if _, ok := withoutCgo([]byte("package b\n\nfunc {")); ok {
		t.Error("a file that does not parse was rewritten")
	}
}
