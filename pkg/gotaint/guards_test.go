package gotaint

import (
	"go/constant"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
)

func TestFormatVerbs(t *testing.T) {
	for format, want := range map[string]string{
		"%x":          "x",
		"%02x-%s.log": "xs",
		"100%% %X":    "X",
		"%-8.3f|%v":   "fv",
		"no verbs":    "",
	} {
		c := ssa.NewConst(constant.MakeString(format), types.Typ[types.String])
		got, ok := formatVerbs(c)
		if !ok || string(got) != want {
			t.Errorf("formatVerbs(%q) = %q, %v; want %q", format, string(got), ok, want)
		}
	}
	for _, format := range []string{"%[1]x", "%*d", "trailing %"} {
		c := ssa.NewConst(constant.MakeString(format), types.Typ[types.String])
		if _, ok := formatVerbs(c); ok {
			t.Errorf("formatVerbs(%q): want not understood", format)
		}
	}
}

func TestCmpRunes(t *testing.T) {
	in := func(s runeSet, r int) bool { return s.has(r) }
	if s := cmpRunes(token.GEQ, 'a').and(cmpRunes(token.LEQ, 'z')); !in(s, 'a') || !in(s, 'z') || in(s, '/') || s.high {
		t.Errorf("a..z: %+v", s)
	}
	if s := cmpRunes(token.NEQ, '/'); in(s, '/') || !in(s, '.') || !s.high {
		t.Errorf("!= '/': %+v", s)
	}
	if s := cmpRunes(token.GTR, 200); s.has('a') || !s.high {
		t.Errorf("> 200: %+v", s)
	}
}
