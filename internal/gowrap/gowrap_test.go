package gowrap

import (
	"slices"
	"testing"
)

func TestEnviron(t *testing.T) {
	env := []string{"HOME=/h", EnvGo + "=/usr/bin/go", "PATH=/tmp/w:/usr/bin:/bin", EnvDir + "=/tmp/w", EnvParent + "=12", "GOFLAGS=-mod=readonly"}
	want := []string{"HOME=/h", "PATH=/usr/bin:/bin", "GOFLAGS=-mod=readonly"}
	if got := Environ(env, "/tmp/w"); !slices.Equal(got, want) {
		t.Errorf("Environ = %q; want %q", got, want)
	}
	// PATH is touched only where the wrapper put its directory.
	env = []string{"PATH=/usr/bin:/tmp/w", "X=" + EnvGo}
	if got := Environ(env, "/tmp/w"); !slices.Equal(got, env) {
		t.Errorf("Environ = %q; want it unchanged", got)
	}
	if got := Environ([]string{"PATH=/tmp/w"}, "/tmp/w"); !slices.Equal(got, []string{"PATH="}) {
		t.Errorf("Environ = %q", got)
	}
}
