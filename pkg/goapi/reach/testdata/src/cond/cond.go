// Package cond has capabilities that depend on an argument: the method or
// URL of a request, the path of a file written.
package cond

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

type client struct {
	base  string
	token string
	cache string
}

// postRaw POSTs to whatever URL it is given: a read or a write, as its
// callers decide.
func (c *client) postRaw(ctx context.Context, url string, body io.Reader) error { // want postRaw:"reaches mutating HTTP request unless argument 1 \\(request URL\\) is harmless"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// post names the API method after the base URL.
func (c *client) post(ctx context.Context, method string) error { // want post:"reaches mutating HTTP request unless argument 1 \\(request URL\\) is harmless"
	return c.postRaw(ctx, c.base+method, strings.NewReader("token="+c.token))
}

func (c *client) listChannels(ctx context.Context) error { // silent: Slack serves conversations.list over POST
	return c.post(ctx, "conversations.list")
}

func (c *client) prefs(ctx context.Context) error { // silent: users.prefs.get is a read
	const ep = "users.prefs.get"
	return c.post(ctx, ep)
}

func (c *client) sendMessage(ctx context.Context) error { // want sendMessage:"reaches mutating HTTP request"
	return c.post(ctx, "chat.postMessage")
}

func (c *client) deleteHistory(ctx context.Context) error { // want deleteHistory:"reaches mutating HTTP request"
	return c.post(ctx, "messages.delete_history") // a write word wins over a read word
}

func (c *client) unknownMethod(ctx context.Context) error { // want unknownMethod:"^reaches POST to an RPC method of unknown effect$"
	return c.post(ctx, "client.userBoot") // neither, on an API that POSTs every method: weak evidence
}

func (c *client) restCreate(ctx context.Context) error { // want restCreate:"^reaches mutating HTTP request$"
	return c.post(ctx, "/api/v1/channels") // a REST collection: POST creates
}

func (c *client) uploadFile(ctx context.Context) error { // want uploadFile:"^reaches mutating HTTP request$"
	return c.post(ctx, "/cgi-bin/form.php") // a file name, not a method
}

func (c *client) searchREST(ctx context.Context) error { // silent: POST /websites/search lists websites
	return c.postRaw(ctx, c.base+"/api/v2/websites/search?page=1", nil)
}

func (c *client) createREST(ctx context.Context) error { // want createREST:"reaches mutating HTTP request"
	return c.postRaw(ctx, c.base+"/api/v2/websites", nil)
}

func (c *client) anyURL(ctx context.Context, u string) error { // want anyURL:"reaches mutating HTTP request unless argument 1 \\(request URL\\) is harmless"
	return c.postRaw(ctx, u, nil)
}

func posts(u string) { // want posts:"reaches mutating HTTP request unless argument 0 \\(request URL\\) is harmless"
	http.Post(u, "application/json", nil)
}

func postsSearch() { // silent
	http.Post("https://api.example.com/v1/search", "application/json", nil)
	posts("https://api.example.com/v1/users.list")
}

// do takes the method from its caller.
func do(method, url string) error { // want do:"reaches mutating HTTP request unless argument 0 \\(HTTP method\\) is harmless"
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func getThing() error { return do("GET", "https://x/things") } // silent

func deleteThing() error { return do(http.MethodDelete, "https://x/things/1") } // want deleteThing:"reaches mutating HTTP request"

func postSearch() error { return do("POST", "https://x/things/search") } // silent: a POST to a search method

func postThing() error { return do("POST", "https://x/things") } // want postThing:"^reaches mutating HTTP request$"

func viaVar(write bool) error { // want viaVar:"reaches mutating HTTP request"
	m := "GET"
	if write {
		m = "PUT"
	}
	return do(m, "https://x/things")
}

func readVar(head bool) error { // silent: every value is a read
	m := http.MethodGet
	if head {
		m = http.MethodHead
	}
	return do(m, "https://x/things")
}

func (c *client) indirect() func(string, string) error { // want indirect:"reaches mutating HTTP request"
	return do // a reference, not a call: any method
}

// panelClient keeps the method in a field, set from its constructor's
// argument (mcp-1panel): Do mutates when the value was built with a
// mutating method, which its callers' bodies show.
type panelClient struct {
	Method, URL string
}

func newPanelClient(method, path string) *panelClient {
	return &panelClient{Method: method, URL: "https://panel" + path}
}

func (p *panelClient) Do() error { // want Do:"reaches mutating HTTP request unless built by cond.newPanelClient with a read method"
	req, err := http.NewRequest(p.Method, p.URL, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func (p *panelClient) Request() error { // want Request:"reaches mutating HTTP request unless built by cond.newPanelClient with a read method"
	return p.Do()
}

func systemInfo() error { // silent: built with GET
	return newPanelClient("GET", "/dashboard/base/os").Request()
}

func listWebsites() error { // silent: a POST to a search method
	c := newPanelClient("POST", "/websites/search")
	return c.Request()
}

func createWebsite() error { // want createWebsite:"reaches mutating HTTP request"
	c := newPanelClient(http.MethodPost, "/websites")
	return c.Request()
}

func install(name string) error { // want install:"reaches mutating HTTP request"
	if err := newPanelClient("GET", "/apps/"+name).Request(); err != nil {
		return err
	}
	return newPanelClient("POST", "/apps/install").Request()
}

func anyMethod(m string) error { // want anyMethod:"reaches mutating HTTP request unless argument 0 \\(HTTP method\\) is harmless"
	return newPanelClient(m, "/x").Request()
}

// rawPanel keeps the method in a field set from the environment: any.
type rawPanel struct{ Method string }

func (p *rawPanel) Do() error { // want Do:"^reaches mutating HTTP request$"
	_, err := http.NewRequest(p.Method, "https://panel/x", nil)
	return err
}

func configure(p *rawPanel) { p.Method = os.Getenv("PANEL_METHOD") }

// getter's method field is only ever set to GET: a read.
type getter struct {
	method, url string
}

func newGetter(url string) *getter { return &getter{method: http.MethodGet, url: url} }

func (g *getter) fetch() error { // silent
	req, err := http.NewRequest(g.method, g.url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// Files.

func (c *client) saveCache(data []byte) { // silent: the program's own cache
	os.WriteFile(c.cache, data, 0o644)
}

func saveUserCache(data []byte) error { // silent
	dir, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "app", "channels.json")
	return os.WriteFile(p, data, 0o644)
}

func saveTemp(data []byte) { // silent
	os.WriteFile(filepath.Join(os.TempDir(), "x.json"), data, 0o600)
	os.MkdirAll("/tmp/app/work", 0o755)
}

func saveConfig(data []byte) { // want saveConfig:"reaches file write"
	os.WriteFile("/etc/app/config.yaml", data, 0o644)
}

func writeTo(path string, data []byte) error { // want writeTo:"reaches file write unless argument 0 \\(file path\\) is harmless"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

func writeCache(data []byte) error { return writeTo("cache/users.json", data) } // silent

func writeHome(data []byte) error { // want writeHome:"reaches file write"
	home, _ := os.UserHomeDir()
	return writeTo(filepath.Join(home, ".bashrc"), data)
}

func removeCache() { // want removeCache:"reaches file removal"
	os.RemoveAll("/tmp/cache") // removal is not judged by place
}

// runtime takes both the method and the path from its caller: a POST is
// judged by the path its caller names.
func (c *client) runtime(ctx context.Context, method, path string) error { // want runtime:"reaches mutating HTTP request unless argument 1 \\(HTTP method\\) is harmless"
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func (c *client) showModel(ctx context.Context) error { // silent: Ollama's /api/show is a read served over POST
	return c.runtime(ctx, http.MethodPost, "/api/show")
}

func (c *client) props(ctx context.Context) error { // silent
	return c.runtime(ctx, "GET", "/props")
}

func (c *client) pull(ctx context.Context) error { // want pull:"^reaches mutating HTTP request$"
	return c.runtime(ctx, "POST", "/api/pull")
}

func (c *client) postTo(ctx context.Context, path string) error { // want postTo:"reaches mutating HTTP request unless argument 1 \\(request URL\\) is harmless"
	return c.runtime(ctx, "POST", path)
}

func (c *client) tags(ctx context.Context) error { return c.postTo(ctx, "/api/tags/list") } // silent

// forward sends upstream whatever method the client used: any.
func forward(w http.ResponseWriter, r *http.Request) { // want forward:"^reaches mutating HTTP request$"
	http.NewRequestWithContext(r.Context(), r.Method, "https://upstream/x", r.Body)
}
