package go203

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunGo(t, Analyzer, "a")
}

func TestParseBytes(t *testing.T) {
	for s, want := range map[string]int64{"2M": 2e6, "2MB": 2e6, "2Mi": 2 << 20, "2MiB": 2 << 20, "1.5G": 1.5e9, "100": 100, "4KB": 4000, "1GiB": 1 << 30} {
		if got, ok := parseBytes(s); !ok || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	if _, ok := parseBytes("lots"); ok {
		t.Error("parseBytes(lots) succeeded")
	}
}
