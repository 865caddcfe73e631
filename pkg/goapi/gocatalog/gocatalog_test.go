package gocatalog_test

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi/gocatalog"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

// describe reports what the catalog says, each at the place it gives, so
// that `// want` comments check the model and its positions together.
var describe = &analysis.Analyzer{
	Name:     "describe",
	Doc:      "reports the tool catalog of a package",
	Requires: []*analysis.Analyzer{gocatalog.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[gocatalog.Analyzer].(*gocatalog.Result)
		for i, cat := range res.Catalogs {
			describeCatalog(pass, i, cat)
		}
		return nil, nil
	},
}

func describeCatalog(pass *analysis.Pass, index int, cat *toolcat.Catalog) {
	{
		at := func(p toolcat.Pos) token.Pos {
			for _, f := range pass.Files {
				tf := pass.Fset.File(f.Pos())
				if tf.Name() == p.File && p.Line > 0 {
					return tf.LineStart(p.Line) + token.Pos(p.Column-1)
				}
			}
			return token.NoPos
		}
		report := func(p toolcat.Pos, format string, args ...any) {
			if pos := at(p); pos.IsValid() {
				pass.Reportf(pos, format, args...)
			}
		}
		for _, t := range cat.Tools {
			comp := ""
			if t.InputSchema != nil && t.InputSchema.Composed {
				comp = " composed"
			}
			report(t.At, "tool %s at %d:%d%s in catalog %d", t.Label(), t.At.Line, t.At.Column, comp, index)
			if t.Name.Set {
				report(t.Name.At, "name %q at %d:%d", t.Name.Value, t.Name.At.Line, t.Name.At.Column)
			}
			if t.Description.Set {
				report(t.Description.At, "description %q", t.Description.Value)
			}
			if a := t.Annotations; a != nil {
				if a.Title.Set {
					report(a.Title.At, "title %q", a.Title.Value)
				}
				for _, h := range []struct {
					name string
					h    toolcat.Hint
				}{{"readOnly", a.ReadOnly}, {"destructive", a.Destructive}, {"idempotent", a.Idempotent}, {"openWorld", a.OpenWorld}} {
					if h.h.State != toolcat.Unset {
						report(h.h.At, "%s %s", h.name, h.h.State)
					}
				}
			}
			for _, p := range t.Params() {
				var b strings.Builder
				fmt.Fprintf(&b, "param %s %s", p.Path, strings.Join(p.Schema.Types, "|"))
				if p.Required {
					b.WriteString(" required")
				}
				if s := p.Schema; s.MaxLength != nil {
					fmt.Fprintf(&b, " maxLength=%d", *s.MaxLength)
				}
				if s := p.Schema; s.MaxItems != nil {
					fmt.Fprintf(&b, " maxItems=%d", *s.MaxItems)
				}
				if s := p.Schema; s.Maximum != nil {
					fmt.Fprintf(&b, " maximum=%g", *s.Maximum)
				}
				if s := p.Schema; s.Enum > 0 {
					fmt.Fprintf(&b, " enum=%d", s.Enum)
				}
				if d := p.Description(); d.Set {
					fmt.Fprintf(&b, " %q", d.Value)
				}
				report(p.At, "%s", b.String())
			}
			// Array items are parameters of their own in the model's walk
			// only when they are objects; show string items too.
			if t.InputSchema != nil {
				for _, p := range t.InputSchema.Properties {
					if it := p.Schema.Items; it != nil && len(it.Properties) == 0 {
						s := fmt.Sprintf("param %s[] %s", p.Name, strings.Join(it.Types, "|"))
						if it.Enum > 0 {
							s += fmt.Sprintf(" enum=%d", it.Enum)
						}
						report(p.At, "%s", s)
					}
				}
			}
		}
	}
}

func TestMCPGo(t *testing.T) { ruletest.RunGo(t, describe, "mcpgo") }

func TestGoSDK(t *testing.T)    { ruletest.RunGo(t, describe, "gosdk") }
func TestWrappers(t *testing.T) { ruletest.RunGo(t, describe, "wrapped/app") }
