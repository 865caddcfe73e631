package goapi

import (
	"strings"
	"testing"
)

func TestParseFunc(t *testing.T) {
	cases := map[string]Func{
		"os/exec.Command":         {Pkg: "os/exec", Name: "Command"},
		"(*database/sql.DB).Exec": {Pkg: "database/sql", Recv: "DB", Name: "Exec"},
		"(database/sql.DB).Exec":  {Pkg: "database/sql", Recv: "DB", Name: "Exec"},
		"(*github.com/openai/openai-go/v3.ChatCompletionService).New": {Pkg: "github.com/openai/openai-go", Recv: "ChatCompletionService", Name: "New"},
		" github.com/labstack/echo/v4/middleware.BodyLimit ":          {Pkg: "github.com/labstack/echo/middleware", Name: "BodyLimit"},
	}
	for in, want := range cases {
		got, err := ParseFunc(in)
		if err != nil || got != want {
			t.Errorf("ParseFunc(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "Command", "os/exec.", "(*sql.DB.Exec", "os/exec.Command()", "a b.C"} {
		if f, err := ParseFunc(bad); err == nil {
			t.Errorf("ParseFunc(%q) = %+v, want an error", bad, f)
		}
	}
}

func TestCanonPath(t *testing.T) {
	cases := map[string]string{
		"net/http": "net/http",
		"github.com/openai/openai-go/v3/responses": "github.com/openai/openai-go/responses",
		"github.com/gofiber/fiber/v2":              "github.com/gofiber/fiber",
		"github.com/labstack/echo/v4/middleware":   "github.com/labstack/echo/middleware",
		"github.com/x/v1/y":                        "github.com/x/v1/y",
		"example.com/vendor/tool":                  "example.com/vendor/tool",
		"v2":                                       "v2",
	}
	for in, want := range cases {
		if got := CanonPath(in); got != want {
			t.Errorf("CanonPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadMethodName(t *testing.T) {
	for u, want := range map[string]bool{
		"conversations.list":                    true,
		"users.prefs.get":                       true,
		"https://edge.example.com/users/search": true,
		"/api/v2/websites/search?page=1":        true,
		"conversations.genericInfo":             true,
		"chat.postMessage":                      false,
		"messages/delete_history":               false,
		"/api/v2/websites":                      false,
		"https://list.example.com":              false, // a host, no method
		"client.userBoot":                       false,
		"":                                      false,
	} {
		if got := ReadMethodName(u); got != want {
			t.Errorf("ReadMethodName(%q) = %v, want %v", u, got, want)
		}
	}
	for u, want := range map[string]bool{
		"client.userBoot":           true,
		"https://hooks.example.com": false,
		"/upload/form.json":         false,
		"chat.postMessage":          false,
		"/api/v1/channels":          false,
	} {
		if got := rpcName(u); got != want {
			t.Errorf("rpcName(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]string{
		"channelsCachePath": "channels cache path",
		"users.prefs.get":   "users prefs get",
		"HTTPServer":        "http server",
		"UserCacheDir":      "user cache dir",
		"delete_history":    "delete history",
	} {
		if got := strings.Join(Words(s), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestIsWriteSQL checks which statement texts change data.
func TestIsWriteSQL(t *testing.T) {
	for q, want := range map[string]bool{
		"INSERT INTO t VALUES (1)": true, "  delete from t": true, "(UPDATE t SET a = 1)": true, "DROP;": true,
		"SELECT 1": false, "BEGIN;": false, "": false, "WITH x AS (SELECT 1) SELECT * FROM x": false,
	} {
		if got := IsWriteSQL(q); got != want {
			t.Errorf("IsWriteSQL(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestQuietSQL checks which statement texts change no data.
func TestQuietSQL(t *testing.T) {
	for q, want := range map[string]bool{
		"BEGIN;": true, "START TRANSACTION": true, "rollback": true, "COMMIT": true,
		"SET search_path TO app": true, "PRAGMA busy_timeout = ": true, "USE shop": true, "SELECT 1": true, "SHOW TABLES": true,
		"SELECT * INTO backup FROM users": false, "UPDATE t SET a = 1": false,
		"INSERT INTO t VALUES (1)": false, "DELETE FROM t": false, "": false, "CALL dolt_commit('-am', 'x')": false,
	} {
		if got := QuietSQL(q); got != want {
			t.Errorf("QuietSQL(%q) = %v, want %v", q, got, want)
		}
	}
}
