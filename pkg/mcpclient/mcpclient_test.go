package mcpclient

import "testing"

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"GITHUB_PERSONAL_ACCESS_TOKEN": true, "X-API-Key": true, "apiKey": true, "--auth-token": true,
		"Authorization": true, "DB_PASSWORD": true, "clientSecret": true, "Cookie": true,
		"GITHUB_TOKEN_FILE": false, "API_KEY_HEADER": false, "AWS_ACCESS_KEY_ID": false, "MAX_TOKENS": false,
		"TOKEN_LIMIT": false, "KEYBOARD_LAYOUT": false, "MONKEY": false, "GITHUB_TOOLSETS": false, "": false,
	} {
		if got := SecretName(name); got != want {
			t.Errorf("SecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestValues(t *testing.T) {
	for _, tc := range []struct {
		v                string
		ref, placeholder bool
		random           bool
	}{
		{"${input:github-token}", true, false, false},
		{"Bearer ${env:TOKEN}", true, false, false},
		{"${API_KEY:-}", true, false, false},
		{"{env:NOTION_TOKEN}", true, false, false},
		{"<YOUR_TOKEN>", false, true, false},
		{"your-api-key-here", false, true, false},
		{"sk-xxxxxxxxxxxxxxxxxxxxxxxx", false, true, false},
		{"[REDACTED_API_KEY]", false, true, false},
		{"8xNbe3nNyjOq9wMxEhh2FDEEtfjgVvVq", false, false, true},
		{"e228f219e9cb0eb53f16947ccf25ec84d8dbc742", false, false, true},
		{"claude-3-5-sonnet-20241022", false, false, true}, // random-looking: only flagged under a secret's name
		{"postgres", false, false, false},
		{"1234567890abcdefghij", false, false, false},
	} {
		if got := References(tc.v); got != tc.ref {
			t.Errorf("References(%q) = %v", tc.v, got)
		}
		if got := Placeholder(tc.v); got != tc.placeholder {
			t.Errorf("Placeholder(%q) = %v", tc.v, got)
		}
		if got := Random(tc.v); got != tc.random {
			t.Errorf("Random(%q) = %v", tc.v, got)
		}
	}
	if _, defaults := Literal("${KEY:-sk-abc}/x/${OTHER}"); len(defaults) != 1 || defaults[0] != "sk-abc" {
		t.Errorf("Literal defaults %q", defaults)
	}
}

func TestKnownToken(t *testing.T) {
	for v, want := range map[string]string{
		"ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d":            "GitHub token",
		"Bearer sbp_c0c46bc32330421d66fb959e01b1f318d2c4c62c": "Supabase access token",
		"AKIA4K7BN7XJ8B7TFQ7X":                                "AWS access key id",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":            "",
		"ghp_1234567890abcdefghij1234567890abcdef":            "",
		"github_pat_你的实际令牌":                                   "",
	} {
		if got, _ := KnownToken(v); got != want {
			t.Errorf("KnownToken(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestPlainHTTP(t *testing.T) {
	for raw, want := range map[string]Reach{
		"https://mcp.acme.io/mcp":         Encrypted,
		"http://localhost:3000/mcp":       Loopback,
		"http://127.0.0.2/mcp":            Loopback,
		"http://[::1]:9/mcp":              Loopback,
		"http://host.docker.internal/mcp": Loopback,
		"http://api.example.com/mcp":      Reserved,
		"http://mcp.acme.test/mcp":        Reserved,
		"http://192.0.2.1/mcp":            Reserved,
		"http://10.1.2.3/mcp":             Private,
		"http://jenkins:8080/mcp":         Private,
		"http://nas.local/mcp":            Private,
		"http://mcp.acme.io/mcp":          Public,
		"ws://52.14.3.9/mcp":              Public,
		"http://${env:HOST}/mcp":          Encrypted,
		"not a url":                       Encrypted,
	} {
		if got, _ := PlainHTTP(raw); got != want {
			t.Errorf("PlainHTTP(%q) = %d, want %d", raw, got, want)
		}
	}
}

// TestURLSecrets: passwords in the user information of a URL anywhere in
// a value, a token as the user name; references, placeholders, the user
// name again and development defaults stay silent.
func TestURLSecrets(t *testing.T) {
	for raw, want := range map[string]string{
		"postgres://user:s3cret@host/db":                                   "a password in the URL",
		"postgresql://app:N0t%40Default@${DB_HOST}/prod":                   "a password in the URL",
		"DATABASE_URL=mysql://app:Kf83-ld0@db:3306/x":                      "a password in the URL",
		"--upstream \"https://svc:Tr0ub4dor-3@up.corp.net\"":               "a password in the URL",
		"https://ZsX7d0Qe5Yk2LmNp8RtWv3Bc@git.corp.net/r":                  "a credential as the URL's user name",
		"https://api.corp.net/v1?api_key=8xNbe3nNyjOq9wMxEhh2FDEEtfjgVvVq": "the query parameter api_key",
		"postgres://user:${DB_PASSWORD}@host/db":                           "",
		"postgres://user:$DB_PASSWORD@host/db":                             "",
		"postgres://postgres:postgres@localhost:5432/dev":                  "",
		"https://user:token@example.com/repo.git":                          "",
		"http://user:pass@proxy:8080":                                      "",
		"postgres://<user>:<password>@<host>/<db>":                         "",
		"redis://:your-password-here@cache:6379":                           "",
		"https://git@github.com/org/repo.git":                              "",
		"ops@corp.net":                                                     "",
		"https://host/path@v2":                                             "",
		"postgres://app:abc@db/x":                                          "",
	} {
		got := ""
		if s := URLSecrets(raw); len(s) > 0 {
			got = s[0]
		}
		if got != want {
			t.Errorf("URLSecrets(%q) = %q, want %q", raw, got, want)
		}
	}
}
