package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/internal/gostub"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// TestOlderVersionsAreNotes checks that the versions of one description
// kept side by side (dated files of one directory, v-numbered names) are
// all scanned (and documents of one name in sibling directories named by
// versions), the newest at full severity and the older ones as notes
// that name it, with the same fingerprints as at full severity; and that
// names whose numbers are not versions (service1, service2), and versions
// in different directories, are left alone.
func TestOlderVersionsAreNotes(t *testing.T) {
	dir := t.TempDir()
	// Each file differs (its info.version is its name), so that no
	// byte-identical copy is dropped before.
	write := func(name, path string) {
		gostub.Write(t, dir, name, "openapi: 3.0.3\ninfo: {title: t, version: \""+name+"\"}\npaths:\n  "+path+":\n    get:\n      responses: {\"200\": {description: ok}}\n")
	}
	write("fapi/2021-02-05.yml", "/a")
	write("fapi/2025-11-10.yml", "/a")
	write("fapi/2024-10-01.yml", "/b")
	write("api/api-v1.yaml", "/c")
	write("api/api-v2.yaml", "/c")
	write("api/api-v10.yaml", "/d")
	write("svc/service1.yaml", "/e")
	write("svc/service2.yaml", "/e")
	write("one/2020-01-01.yml", "/f")
	write("descriptions/2.9/api.yaml", "/g")
	write("descriptions/2.14/api.yaml", "/g")
	write("descriptions/0/api.yaml", "/g")
	write("descriptions/2.14/other.yaml", "/h")
	t.Chdir(dir)
	res, err := Run(context.Background(), Options{Paths: []string{"."}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	sev := map[string]lint.Severity{}
	msg := map[string]string{}
	for _, f := range res.Findings {
		sev[f.Location.File] = f.Severity
		msg[f.Location.File] = f.Message
	}
	full := []string{"fapi/2025-11-10.yml", "api/api-v10.yaml", "svc/service1.yaml", "svc/service2.yaml", "one/2020-01-01.yml",
		"descriptions/2.14/api.yaml", "descriptions/0/api.yaml", "descriptions/2.14/other.yaml"}
	notes := map[string]string{
		"fapi/2021-02-05.yml":       "fapi/2025-11-10.yml",
		"fapi/2024-10-01.yml":       "fapi/2025-11-10.yml",
		"api/api-v1.yaml":           "api/api-v10.yaml",
		"api/api-v2.yaml":           "api/api-v10.yaml",
		"descriptions/2.9/api.yaml": "descriptions/2.14/api.yaml",
	}
	for _, f := range full {
		if sev[f] != lint.SeverityWarning {
			t.Errorf("%s: severity %v, want warning (%q)", f, sev[f], msg[f])
		}
	}
	for f, newest := range notes {
		if sev[f] != lint.SeverityNote || !strings.Contains(msg[f], "an older version of the description; the newest, "+newest+",") {
			t.Errorf("%s: severity %v, message %q; want a note naming %s", f, sev[f], msg[f], newest)
		}
	}

	// The fingerprint of a lowered finding is the one it has at full
	// severity: a baseline or a judgment keeps matching it.
	var old, cur string
	for _, f := range res.Findings {
		switch f.Location.File {
		case "fapi/2021-02-05.yml":
			old = f.Fingerprint
		}
	}
	write("fapi/2021-02-05.yml", "/a")
	res, err = Run(context.Background(), Options{Paths: []string{"fapi/2021-02-05.yml"}, Rules: []*lint.Rule{everyOperation}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		cur = f.Fingerprint
		if f.Severity != lint.SeverityWarning {
			t.Errorf("scanned alone, the older version is a %v", f.Severity)
		}
	}
	if old == "" || old != cur {
		t.Errorf("fingerprint of the lowered finding %q, alone %q", old, cur)
	}
}

func TestVersionNumbers(t *testing.T) {
	for tok, want := range map[string][]int{
		"2024-10-01": {2024, 10, 1},
		"20241001":   {2024, 10, 1},
		"v1.3":       {1, 3},
		"v10":        {10},
		"2.22":       {2, 22},
	} {
		if got := versionNumbers(tok); !slices.Equal(got, want) {
			t.Errorf("versionNumbers(%q) = %v, want %v", tok, got, want)
		}
	}
	for stem, want := range map[string]string{
		"api-v2":                  "v2",
		"stripe-spec3-2022-04-12": "2022-04-12",
		"github.com__ghes-2.22":   "2.22",
		"openapi3":                "",
		"service1":                "",
		"2021-02-05":              "2021-02-05",
	} {
		got := ""
		if loc := lastToken(stem); loc != nil {
			got = stem[loc[0]:loc[1]]
		}
		if got != want {
			t.Errorf("lastToken(%q) = %q, want %q", stem, got, want)
		}
	}
}
