package oas104

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

// TestMultiFile checks that a parameter defined in another file and used by
// two operations is reported once, where it is written (see the want in
// testdata/multi/params.yaml).
func TestMultiFile(t *testing.T) {
	ruletest.Run(t, Rule, "testdata/multi/api.yaml")
}

// TestSwagger20JSON checks positions in a JSON document, which has no room
// for want comments.
func TestSwagger20JSON(t *testing.T) {
	findings, _ := ruletest.Findings(t, Rule, "testdata/bad20.json")
	var got []string
	for _, f := range findings {
		got = append(got, fmt.Sprintf("%s %s", f.Location, f.Message))
	}
	want := []string{
		`bad20.json:10:7 security scheme "partnerKey" sends the api key "partner_key" in the query string`,
		`bad20.json:16:7 query parameter "api_token" looks like a credential in the url (used by get /bookings and 1 more)`,
		`bad20.json:51:13 query parameter "access_token" looks like a credential in the url (used by post /bookings)`,
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func join(s []string) string {
	out := ""
	for _, l := range s {
		out += "\t" + l + "\n"
	}
	return out
}

func TestCredential(t *testing.T) {
	for name, want := range map[string]bool{
		"token": true, "access_token": true, "accessToken": true, "id_token": true, "refresh_token": true,
		"api_key": true, "apikey": true, "apiKey": true, "APIKey": true, "api-key": true, "x-api-key": true,
		"X-API-KEY": true, "key": true, "secret": true, "client_secret": true, "clientSecret": true,
		"password": true, "passwd": true, "auth": true, "authorization": true, "session": true,
		"sessionid": true, "session_id": true, "JSESSIONID": true, "jwt": true, "bearer": true,
		"x-auth-token": true, "secret_key": true, "private_key": true, "access_key": true,

		"page_token": false, "pageToken": false, "next_token": false, "nextPageToken": false,
		"continuation_token": false, "sync_token": false, "tokenizer": false, "max_tokens": false,
		"tokens": false, "token_type": false, "token_id": false, "signature": false, "sig": false,
		"sort_key": false, "idempotency_key": false, "partition_key": false, "key_id": false,
		"client_id": false, "auth_code": false, "code": false, "author": false, "keyword": false,
		"session_count": false, "secretary": false, "csrf_token": false, "passkey_id": false,
		"ClientToken": false, "rotateWorkerToken": false, "AllowUsersToChangePassword": false,
		"include_secret": false,
	} {
		if got := openapi.CredentialName(name); got != want {
			t.Errorf("credential(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestFallback checks the grading of a query-string key: a note where
// every requirement that accepts it offers a scheme that keeps the key out
// of the URL, an error where one requirement takes it alone or no
// requirement uses it.
func TestFallback(t *testing.T) {
	for file, want := range map[string]map[string]lint.Severity{
		"testdata/fallback.yaml":    {"queryKey": lint.SeverityNote, "onlyQuery": lint.SeverityDefault},
		"testdata/no-fallback.yaml": {"queryKey": lint.SeverityDefault},
	} {
		findings, _ := ruletest.Findings(t, Rule, file)
		if len(findings) != len(want) {
			t.Errorf("%s: %d findings, want %d", file, len(findings), len(want))
		}
		for _, f := range findings {
			for name, sev := range want {
				if strings.HasPrefix(f.Message, fmt.Sprintf("security scheme %q", name)) && f.Severity != sev {
					t.Errorf("%s: %s: severity %v, want %v", file, f.Message, f.Severity, sev)
				}
			}
		}
	}
}

// TestOptionalParameter checks the grading of credential-named parameters:
// a note when optional and every operation that takes it requires a
// credential with an alternative outside the url, unless its description
// calls it a secret of its own (a private key); a warning when required,
// or when an operation needs no credential or takes it only in the url
// (bad20.json).
func TestOptionalParameter(t *testing.T) {
	want := map[string]lint.Severity{
		`"oauth_token"`:  lint.SeverityNote,
		`"session_id"`:   lint.SeverityNote,
		`"password"`:     lint.SeverityWarning,
		`"access_token"`: lint.SeverityWarning,
		`"key"`:          lint.SeverityWarning, // a private key, by its description
		`"api_key"`:      lint.SeverityNote,
	}
	findings, _ := ruletest.Findings(t, Rule, "testdata/optional-param.yaml")
	if len(findings) != len(want) {
		t.Fatalf("%d findings, want %d: %v", len(findings), len(want), findings)
	}
	for _, f := range findings {
		for name, sev := range want {
			if strings.Contains(f.Message, "parameter "+name) && f.Severity != sev {
				t.Errorf("%s: severity %v, want %v", f.Message, f.Severity, sev)
			}
		}
	}
}

// TestPathLinks checks that a path token with no word of access is a note
// and an access token in a path a warning.
func TestPathLinks(t *testing.T) {
	ruletest.Graded(t, Rule, "testdata/path-links.yaml", 2, lint.SeverityWarning, map[string]lint.Severity{`"activation_token"`: lint.SeverityNote})
}

// TestDevOnly: a scheme described as serving development or test
// instances only is told apart from one that merely mentions development.
func TestDevOnly(t *testing.T) {
	for desc, want := range map[string]bool{
		"A Dev Browser API token sent as a query parameter.\n\nUsed to authenticate only dev instances.": true,
		"For local development only.":                           true,
		"Only valid in test environments.":                      true,
		"The API key of your account.":                          false,
		"Use it in development and production.":                 false,
		"Only the owner may use it; see the development guide.": false,
		"": false,
	} {
		if got := devOnly(desc); got != want {
			t.Errorf("devOnly(%q) = %v, want %v", desc, got, want)
		}
	}
}

// TestPublishable checks the grades of keys meant to be seen: a browser
// key (by its description, or paired with a Referer header scheme) is a
// note; a server key in the url stays an error, and a key whose
// description forbids the browser stays at its grade.
func TestPublishable(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		`security scheme "browserKey"`:    lint.SeverityNote,
		`security scheme "tiedKey"`:       lint.SeverityNote,
		`security scheme "serverKey"`:     lint.SeverityDefault,
		`security scheme "hiddenKey"`:     lint.SeverityDefault,
		`query parameter "api_key"`:       lint.SeverityNote,
		`query parameter "app_key"`:       lint.SeverityNote,
		`query parameter "client_key"`:    lint.SeverityWarning,
		`query parameter "developer_key"`: lint.SeverityWarning,
	}, "testdata/publishable.yaml")
}

// TestSignedLink checks that a token beside an expiry on a GET that serves
// a file is a note, and that the same token with no expiry, an access
// token, or a token on a call that answers JSON stays a warning.
func TestSignedLink(t *testing.T) {
	ruletest.Severities(t, Rule, map[string]lint.Severity{
		`query parameter "token" looks like a credential in the url (used by get /jobs/`: lint.SeverityNote,
		`query parameter "dl_token"`: lint.SeverityNote,
		`query parameter "token" looks like a credential in the url (used by get /reports/`: lint.SeverityWarning,
		`query parameter "access_token"`: lint.SeverityWarning,
		`query parameter "token" looks like a credential in the url (used by get /status)`: lint.SeverityWarning,
	}, "testdata/signed-link.yaml")
}
