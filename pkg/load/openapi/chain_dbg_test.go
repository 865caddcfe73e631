package openapi

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDbgChain(t *testing.T) {
	for _, n := range []int{500, 1000, 2000} {
		var b strings.Builder
		b.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/S0'}\ncomponents:\n  schemas:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "    S%d: {$ref: '#/components/schemas/S%d'}\n", i, i+1)
		}
		fmt.Fprintf(&b, "    S%d: {type: string}\n", n)
		dir := t.TempDir()
		p := filepath.Join(dir, "a.yaml")
		os.WriteFile(p, []byte(b.String()), 0o644)
		start := time.Now()
		d, err := Load(context.Background(), p, "3.0", Options{Root: dir})
		l := time.Since(start)
		Validate(context.Background(), d.T)
		v := time.Since(start) - l
		s := Schemas(d.T)
		w := time.Since(start) - l - v
		fmt.Println(n, err, "load", l, "validate", v, "schemas", len(s), w)
	}
}
