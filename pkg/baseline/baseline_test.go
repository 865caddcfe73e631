package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

func finding(rule, file, ptr, msg string) lint.Finding {
	loc := lint.Location{File: file, Line: 3, Column: 5, Pointer: ptr}
	return lint.Finding{RuleID: rule, Severity: lint.SeverityError, Message: msg, Location: loc, Fingerprint: lint.Fingerprint(rule, loc, msg)}
}

var (
	fA = finding("OAS101", "api.yaml", "/paths/~1a/get", "get /a can be called without authentication")
	fB = finding("OAS201", "api.yaml", "/components/schemas/X/properties/n", "property n has no maxLength")
	fC = finding("OAS101", "b.yaml", "/paths/~1c/post", "post /c can be called without authentication")
)

func TestRoundTrip(t *testing.T) {
	b := New("base.json", []lint.Finding{fC, fB, fA, fA}, nil)
	var buf bytes.Buffer
	if err := b.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(buf.Bytes(), "base.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Fingerprint: fA.Fingerprint, RuleID: "OAS101", File: "api.yaml", Message: fA.Message},
		{Fingerprint: fB.Fingerprint, RuleID: "OAS201", File: "api.yaml", Message: fB.Message},
		{Fingerprint: fC.Fingerprint, RuleID: "OAS101", File: "b.yaml", Message: fC.Message},
	}
	if !reflect.DeepEqual(back.Entries, want) {
		t.Errorf("entries after a round trip:\n%+v\nwant (sorted, one per fingerprint):\n%+v", back.Entries, want)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"fingerprint\": ") {
		t.Errorf("unexpected layout:\n%s", buf.String())
	}

	// Rewriting keeps the reason and the expiry date of entries that are
	// still found, and drops the others.
	back.Entries[0].Reason, back.Entries[0].Expires = "internal API", "2030-01-31"
	again := New("base.json", []lint.Finding{fA, fB}, back)
	if len(again.Entries) != 2 || again.Entries[0].Reason != "internal API" || again.Entries[0].Expires != "2030-01-31" || again.Entries[1].Reason != "" {
		t.Errorf("rewritten entries: %+v", again.Entries)
	}

	var empty bytes.Buffer
	if err := New("x", nil, nil).Encode(&empty); err != nil || !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("empty baseline: %v\n%s", err, empty.String())
	}
}

func TestApply(t *testing.T) {
	today := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	b, err := Parse([]byte(`{"version": 1, "findings": [
  {"fingerprint": "`+fA.Fingerprint+`", "ruleId": "OAS101", "file": "api.yaml", "message": "m", "reason": "health check", "expires": "2026-03-10"},
  {"fingerprint": "`+fB.Fingerprint+`", "ruleId": "OAS201", "file": "api.yaml", "message": "m", "expires": "2026-03-09"},
  {"fingerprint": "0000000000000000", "ruleId": "OAS101", "file": "gone.yaml", "message": "m"}
]}`), "base.json")
	if err != nil {
		t.Fatal(err)
	}
	res := &lint.Result{Findings: []lint.Finding{fA, fB, fC}}
	b.Apply(res, today)

	// fA: live (expires today); fB: expired yesterday, reported again; fC: new.
	if got := []string{res.Findings[0].Fingerprint, res.Findings[1].Fingerprint}; len(res.Findings) != 2 || !slices.Contains(got, fB.Fingerprint) || !slices.Contains(got, fC.Fingerprint) {
		t.Errorf("findings left: %+v", res.Findings)
	}
	if res.Baselined != 1 || len(res.Suppressed) != 1 || res.Suppressed[0].Fingerprint != fA.Fingerprint {
		t.Fatalf("baselined %d, suppressed %+v", res.Baselined, res.Suppressed)
	}
	want := &lint.Suppression{Kind: lint.SuppressedExternal, Reason: "health check", Location: lint.Location{File: "base.json"}}
	if !reflect.DeepEqual(res.Suppressed[0].Suppression, want) {
		t.Errorf("suppression = %+v, want %+v", res.Suppressed[0].Suppression, want)
	}
	if len(res.Notices) != 1 || res.Notices[0].File != "base.json" || !strings.Contains(res.Notices[0].Message, "expired on 2026-03-09") || !strings.Contains(res.Notices[0].Message, fB.Fingerprint) {
		t.Errorf("notices = %+v, want one for the expired entry", res.Notices)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{``, "baseline b.json: the file is empty"},
		{`{"version": 1, "findings": [`, "baseline b.json: not a baseline file: unexpected EOF"},
		{"{\"version\": 1,\n \"findings\": [}\n", "baseline b.json: line 2: not valid JSON"},
		{`{"version": 2, "findings": []}`, "baseline b.json: version 2 is not supported (want 1)"},
		{`{"findings": []}`, "baseline b.json: version 0 is not supported"},
		{`{"version": 1, "findings": [], "extra": 1}`, `baseline b.json: not a baseline file: json: unknown field "extra"`},
		{`{"version": 1, "findings": [{"fingerprint": "x", "expire": "2026-01-01"}]}`, `unknown field "expire"`},
		{`{"version": 1, "findings": [{"ruleId": "OAS101"}]}`, "baseline b.json: findings[0] has no fingerprint"},
		{`{"version": 1, "findings": [{"fingerprint": "x", "expires": "31/12/2026"}]}`, `baseline b.json: findings[0].expires: "31/12/2026" is not a date such as 2026-12-31`},
		{"{\"version\": 1,\n\"findings\": {}}", "baseline b.json: line 2: findings: want an array, got a JSON object"},
		{`{"version": 1, "findings": []} {}`, "baseline b.json: more than one JSON value"},
		{`[]`, "baseline b.json: not a baseline file: want a JSON object, got a JSON array"},
	} {
		_, err := Parse([]byte(tc.src), "b.json")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "none.json")); err == nil || !strings.Contains(err.Error(), "none.json: no such file") {
		t.Errorf("missing file: %v", err)
	}
	p := filepath.Join(dir, "ok.json")
	if err := os.WriteFile(p, []byte(`{"version": 1, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(p); err != nil || b.Name != p || len(b.Entries) != 0 {
		t.Errorf("Read = %+v, %v", b, err)
	}
}

func TestParseVersionType(t *testing.T) {
	if _, err := Parse([]byte(`{"version": "1", "findings": []}`), "b.json"); err == nil || !strings.Contains(err.Error(), "version: want a number, got a JSON string") {
		t.Errorf("err = %v", err)
	}
}

// TestStale: an entry is stale when its file was scanned and nothing has
// its fingerprint; entries of files not scanned, and expired ones (already
// a notice of their own), are not.
func TestStale(t *testing.T) {
	b := New("base.json", []lint.Finding{fA, fB, fC}, nil)
	today := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if got := b.Stale([]lint.Finding{fA, fB, fC}, []string{"api.yaml", "b.yaml"}, today); len(got) != 0 {
		t.Errorf("nothing fixed: stale %v", got)
	}
	// fB fixed; b.yaml not scanned, so fC is not stale though absent.
	got := b.Stale([]lint.Finding{fA}, []string{"api.yaml"}, today)
	if len(got) != 1 || got[0].Fingerprint != fB.Fingerprint {
		t.Fatalf("stale = %v, want fB's entry", got)
	}
	p := b.StaleNotice(got)
	if p.File != "base.json" || !strings.HasPrefix(p.Message, "1 baseline entry matches no finding") || !strings.Contains(p.Message, "--write-baseline base.json") || !strings.Contains(p.Message, fB.Message) {
		t.Errorf("notice = %+v", p)
	}
	b.Entries[1].Expires, b.expires[1] = "2026-01-01", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := b.Stale([]lint.Finding{fA}, []string{"api.yaml"}, today); len(got) != 0 {
		t.Errorf("an expired entry is reported as stale too: %v", got)
	}
	if p := b.StaleNotice([]Entry{b.Entries[0], b.Entries[2]}); !strings.HasPrefix(p.Message, "2 baseline entries match no finding") {
		t.Errorf("notice = %q", p.Message)
	}
}
