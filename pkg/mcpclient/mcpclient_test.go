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
