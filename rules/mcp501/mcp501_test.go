package mcp501

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/toolmanifest"
	"github.com/apiaudit/apiaudit/pkg/toolcat"
)

func load(t *testing.T, file string) *toolcat.Catalog {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := toolmanifest.Load("tools.yaml", data) // one name: the same catalog, then and now
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func findings(t *testing.T, cat *toolcat.Catalog, lock *toolcat.Lock) []lint.Finding {
	t.Helper()
	var out []lint.Finding
	pass := &lint.CatalogPass{Rule: Rule, Catalog: cat, Lock: lock, Report: func(f lint.Finding) { out = append(out, f) }}
	if err := Rule.Catalog(pass); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	lock := toolcat.NewLock([]*toolcat.Catalog{load(t, "testdata/locked.yaml")})
	// The lock survives its own encoding.
	data, err := lock.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if lock, err = toolcat.DecodeLock(data); err != nil {
		t.Fatal(err)
	}

	if got := findings(t, load(t, "testdata/locked.yaml"), lock); len(got) != 0 {
		t.Errorf("unchanged catalog: %v", got)
	}
	if got := findings(t, load(t, "testdata/bad.yaml"), nil); len(got) != 0 {
		t.Errorf("no lock: %v", got)
	}

	// The wants of bad.yaml, and the removed tool at the tools key.
	wantRE := regexp.MustCompile(`# want "(.*)"$`)
	src, _ := os.ReadFile("testdata/bad.yaml")
	wants := map[int]*regexp.Regexp{}
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			pat, err := strconv.Unquote(`"` + m[1] + `"`)
			if err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			wants[i+1] = regexp.MustCompile(pat)
		}
	}
	wants[1] = regexp.MustCompile(`^tool "old_tool" was removed since the tools lock$`)
	got := findings(t, load(t, "testdata/bad.yaml"), lock)
	for _, f := range got {
		re := wants[f.Location.Line]
		if re == nil || !re.MatchString(f.Message) {
			t.Errorf("line %d: unexpected %s: %s", f.Location.Line, f.Severity, f.Message)
			continue
		}
		delete(wants, f.Location.Line)
		want := map[string]lint.Severity{"changed": lint.SeverityDefault, "added": lint.SeverityWarning, "removed": lint.SeverityNote}
		for word, sev := range want {
			if strings.Contains(f.Message, " "+word+" since") && f.Severity != sev {
				t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
			}
		}
	}
	for line, re := range wants {
		t.Errorf("line %d: no finding matched %q", line, re)
	}

	// A catalog the lock does not know.
	other := load(t, "testdata/bad.yaml")
	other.Name = "elsewhere.yaml"
	if got := findings(t, other, lock); len(got) != 1 || !strings.Contains(got[0].Message, "is not in the tools lock") {
		t.Errorf("unknown catalog: %v", got)
	}
}

func TestHandEditedLock(t *testing.T) {
	lock := toolcat.NewLock([]*toolcat.Catalog{load(t, "testdata/locked.yaml")})
	data, _ := lock.Encode()
	data = []byte(strings.Replace(string(data), "Adds two numbers.", "Adds numbers.", 1))
	if _, err := toolcat.DecodeLock(data); err == nil || !strings.Contains(err.Error(), "hash does not match") {
		t.Errorf("edited lock: %v", err)
	}
}
