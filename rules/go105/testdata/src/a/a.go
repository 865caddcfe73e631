package a

import (
	"flag"
	"net/http"
	"os"
	"os/exec"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func runIt(c *gin.Context) { exec.Command("x").Run() }
func list(c *gin.Context)  {}

func apiKey(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("X-API-Key") != key {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

// fabric's shape: the key defaults to empty, and then nothing checks.
func serve(addr, key string) {
	r := gin.New()
	if key != "" {
		r.Use(apiKey(key)) // want `apiKey\(key\) is installed only when key != "": otherwise POST /run reaches command execution .* with no authentication, and 1 more route is open; fail closed`
	}
	r.PUT("/items/:id", list)
	r.POST("/run", runIt)
	r.GET("/items", list)
	r.Run(addr)
}

// Routes that only change state: a warning.
func serveState(addr string) {
	r := gin.New()
	if os.Getenv("API_KEY") != "" {
		r.Use(apiKey(os.Getenv("API_KEY"))) // want `installed only when os.Getenv\("API_KEY"\) != "": otherwise PUT /v1/items/:id changes state with no authentication; fail`
	}
	v1 := r.Group("/v1")
	v1.PUT("/items/:id", list)
	r.Run(addr)
}

// Auth on both branches is auth.
func serveBoth(addr, key, user, pass string) {
	r := gin.New()
	if key != "" {
		r.Use(apiKey(key))
	} else {
		r.Use(gin.BasicAuth(gin.Accounts{user: pass}))
	}
	r.POST("/run", runIt)
	r.Run(addr)
}

// A switch with auth in every case and a default is auth; without the
// default it is not.
func serveSwitch(addr, mode, key string) {
	r := gin.New()
	switch mode {
	case "key":
		r.Use(apiKey(key))
	default:
		r.Use(gin.BasicAuth(gin.Accounts{"a": key}))
	}
	r.POST("/run", runIt)
	r.Run(addr)

	r2 := gin.New()
	switch mode {
	case "key":
		r2.Use(apiKey(key)) // want `installed only when mode == "key"`
	case "none":
	}
	r2.POST("/run", runIt)
	r2.Run(addr)
}

// A constant condition is always true.
const authOn = true

func serveConst(addr, key string) {
	r := gin.New()
	if authOn {
		r.Use(apiKey(key))
	}
	r.POST("/run", runIt)
	r.Run(addr)
}

// The condition only guards a log line: auth is unconditional.
func serveAlways(addr, key string) {
	r := gin.New()
	if key == "" {
		println("no key")
	}
	r.Use(apiKey(key))
	r.POST("/run", runIt)
	r.Run(addr)
}

// Open anyway: GO101's, not this rule's.
func serveOpen(addr string) {
	r := gin.New()
	r.POST("/run", runIt)
	r.Run(addr)
}

func bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("TOKEN") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var oauth = flag.Bool("oauth", false, "require OAuth bearer tokens")

// An MCP server whose auth is switched on by a flag that defaults to off,
// listening on all interfaces.
func serveMCP(server *mcp.Server) {
	r := chi.NewRouter()
	if *oauth {
		r.Use(bearer) // want `bearer is installed only when \*oauth: otherwise the MCP server over streamable HTTP \(mcp.NewStreamableHTTPHandler\) is served with no authentication`
	}
	r.Handle("/mcp", mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return server }, nil))
	http.ListenAndServe(":8080", r)
}
