package a

import (
	"math"
	"net/http"

	"github.com/anthropics/anthropic-sdk-go/tools/agenttoolset"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func getServer(*http.Request) *mcp.Server { return nil }

func mcpHandlers() {
	_ = mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{
		MaxRequestBodyBytes: -1, // want `StreamableHTTPOptions.MaxRequestBodyBytes -1 disables the MCP request body limit`
	})
	_ = mcp.NewSSEHandler(getServer, &mcp.SSEOptions{MaxRequestBodyBytes: 4 << 30}) // want `SSEOptions.MaxRequestBodyBytes 4 << 30 is at least 1 GiB, in effect no limit`

	opts := &mcp.StreamableHTTPOptions{}
	opts.MaxRequestBodyBytes = -1 // want `opts.MaxRequestBodyBytes -1 disables the MCP request body limit`
	_ = mcp.NewStreamableHTTPHandler(getServer, opts)
}

func handler(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, math.MaxInt64) // want `http.MaxBytesReader limit math.MaxInt64 is at least 1 GiB, in effect no limit`
}

func frameworks(e *echo.Echo) {
	e.Use(echomw.BodyLimit("10G"))                                           // want `middleware.BodyLimit limit "10G" is at least 1 GiB`
	e.Use(echomw.BodyLimitWithConfig(echomw.BodyLimitConfig{Limit: "2GiB"})) // want `BodyLimitConfig.Limit "2GiB" is at least 1 GiB`
	_ = middleware.RequestSize(1 << 40)                                      // want `middleware.RequestSize limit 1 << 40 is at least 1 GiB`
	_ = fiber.New(fiber.Config{BodyLimit: 2 * 1024 * 1024 * 1024})           // want `Config.BodyLimit 2 \* 1024 \* 1024 \* 1024 is at least 1 GiB`
}

func agentFiles() agenttoolset.AgentToolContext {
	return agenttoolset.AgentToolContext{Workdir: "/srv/work", MaxFileBytes: -1} // want `AgentToolContext.MaxFileBytes -1 disables the agent file tools' size cap`
}

// Silent: limits that limit, defaults, values the rule cannot see.

func good(w http.ResponseWriter, r *http.Request, e *echo.Echo, n int64) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	r.Body = http.MaxBytesReader(w, r.Body, n)
	_ = mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{MaxRequestBodyBytes: 0})
	_ = mcp.NewStreamableHTTPHandler(getServer, &mcp.StreamableHTTPOptions{MaxRequestBodyBytes: 16 << 20})
	e.Use(echomw.BodyLimit("2M"))
	e.Use(echomw.BodyLimit("512MiB"))
	_ = middleware.RequestSize(1 << 20)
	_ = fiber.New(fiber.Config{BodyLimit: -1}) // fiber falls back to its 4 MiB default
	_ = fiber.New(fiber.Config{BodyLimit: 0})
	_ = agenttoolset.AgentToolContext{Workdir: "/srv/work"}
	_ = agenttoolset.AgentToolContext{MaxFileBytes: 1 << 20}
}
