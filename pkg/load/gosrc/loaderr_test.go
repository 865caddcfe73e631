package gosrc

import (
	"slices"
	"testing"
)

// TestTagFlags checks which part of GOFLAGS reaches go list: the build
// tags, in the forms the go command accepts, and nothing else.
func TestTagFlags(t *testing.T) {
	for goflags, want := range map[string][]string{
		"":                                     nil,
		"-mod=mod":                             nil,
		"-tags=integration":                    {"-tags=integration"},
		"--tags=a,b":                           {"-tags=a,b"},
		"-mod=mod -tags=x -toolexec=/bin/evil": {"-tags=x"},
		"-tags=a -tags=b":                      {"-tags=b"},
		"-tags=":                               {"-tags="},
	} {
		if got := tagFlags(goflags); !slices.Equal(got, want) {
			t.Errorf("tagFlags(%q) = %q, want %q", goflags, got, want)
		}
	}
	if got := buildTags([]string{"-tags=a,b"}); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("buildTags = %q", got)
	}
}
