// Package field: a gin engine built by a constructor that returns it with
// an error, kept in a struct field and served by a method of the type
// (MCPJungle's internal/api). And gin routes behind optional
// authentication: a middleware that sets the user when a token is present
// and lets a request without one through.
package field

import (
	"os"
	"os/exec"

	"github.com/gin-gonic/gin"
)

type Server struct {
	port   string
	router *gin.Engine
}

func run(c *gin.Context) { exec.Command("make").Run() }

func newRouter() (*gin.Engine, error) {
	r := gin.Default()
	api := r.Group("/api/v0")
	{
		api.POST("/build", run) // want `POST /api/v0/build reaches command execution`
	}
	return r, nil
}

func NewServer(port string) (*Server, error) {
	r, err := newRouter()
	if err != nil {
		return nil, err
	}
	return &Server{port: port, router: r}, nil
}

func (s *Server) Start() error { return s.router.Run(":" + s.port) }

// The same server with auth added to the field's engine: silent.

type Guarded struct{ router *gin.Engine }

func requireKey(c *gin.Context) {
	if c.GetHeader("X-API-Key") != os.Getenv("API_KEY") {
		c.AbortWithStatus(401)
		return
	}
	c.Next()
}

func newGuardedRouter() (*gin.Engine, error) {
	r := gin.Default()
	r.POST("/guarded", run)
	return r, nil
}

func NewGuarded() (*Guarded, error) {
	r, err := newGuardedRouter()
	if err != nil {
		return nil, err
	}
	g := &Guarded{router: r}
	g.router.Use(requireKey)
	return g, nil
}

func (g *Guarded) Start() error { return g.router.Run(":8080") }

// optionalKey sets the caller when a key is sent, and rejects a wrong
// one, but passes a request without a key on.
func optionalKey(c *gin.Context) {
	key := c.GetHeader("X-API-Key")
	if key == "" {
		c.Next()
		return
	}
	if key != os.Getenv("API_KEY") {
		c.AbortWithStatus(401)
		return
	}
	c.Next()
}

func optionalRoutes() {
	r := gin.Default()
	r.Group("/opt").Use(optionalKey).POST("/build", run) // want `POST /opt/build reaches command execution`
	r.Group("/req").Use(requireKey).POST("/build", run)
	r.Run(":8081")
}
