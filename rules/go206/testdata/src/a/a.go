package a

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/mark3labs/mcp-go/mcp"
	gosdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// The shape of mcp-go's "everything" example: steps and duration straight
// from the arguments.
func longRunning(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	arguments := req.GetArguments()
	duration, _ := arguments["duration"].(float64)
	steps, _ := arguments["steps"].(float64)
	stepDuration := duration / steps
	for i := 1; i < int(steps)+1; i++ { // want `tool argument "steps" sets a loop count with no upper bound`
		time.Sleep(time.Duration(stepDuration * float64(time.Second))) // want `tool argument "duration" sets a sleep duration with no upper bound`
	}
	return nil, nil
}

func repeat(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	n := req.GetInt("count", 1)
	buf := make([]byte, 0, n*1024) // want `tool argument "count" sets an allocation size with no upper bound`
	_ = buf
	_ = strings.Repeat("x", req.GetInt("width", 1)) // want `tool argument "width" sets an allocation size with no upper bound`
	if n <= 0 {                                     // a lower bound only
		return nil, nil
	}
	for range n { // want `tool argument "count" sets a loop count with no upper bound`
	}
	return nil, nil
}

// Capped: a comparison with a limit, min, a clamp.
func capped(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	args := req.GetArguments()
	steps, _ := args["steps"].(float64)
	if steps > 100 {
		return mcp.NewToolResultError("too many steps"), nil
	}
	for i := 0; i < int(steps); i++ {
	}
	secs := min(req.GetInt("seconds", 1), 30)
	time.Sleep(time.Duration(secs) * time.Second)
	n := req.GetInt("n", 10)
	if n > maxItems {
		n = maxItems
	}
	_ = make([]int, n)
	return nil, nil
}

const maxItems = 500

type page struct{ Limit int }

func list(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	out := make([]string, n) // want `request parameter "n" sets an allocation size with no upper bound`
	_ = out
	var p page
	_ = json.NewDecoder(r.Body).Decode(&p)
	for i := 0; i < p.Limit; i++ { // want `field Limit of the request sets a loop count with no upper bound`
	}
	var q page
	_ = json.NewDecoder(r.Body).Decode(&q)
	if q.Limit > 1000 {
		return
	}
	for i := 0; i < q.Limit; i++ {
	}
	// A fixed number: silent.
	for i := 0; i < 10; i++ {
	}
}

func ginList(c *gin.Context) {
	d, _ := strconv.Atoi(c.Param("delay"))
	time.Sleep(time.Duration(d) * time.Millisecond) // want `request parameter "delay" sets a sleep duration with no upper bound`
}

type waitIn struct{ Seconds int }

// go-sdk typed input.
func wait(ctx context.Context, req *gosdk.CallToolRequest, in waitIn) (*gosdk.CallToolResult, any, error) {
	time.Sleep(time.Duration(in.Seconds) * time.Second) // want `field Seconds of the request sets a sleep duration with no upper bound`
	return nil, nil, nil
}

type rangeIn struct{ Start, End, Step int64 }

const maxPoints = 100

// The number of points the loop walks, (end-start)/step+1, is checked
// before it runs: silent.
func series(ctx context.Context, req *gosdk.CallToolRequest, in rangeIn) (*gosdk.CallToolResult, any, error) {
	if in.Step <= 0 || in.Start >= in.End {
		return nil, nil, nil
	}
	points := (in.End-in.Start)/in.Step + 1
	if points > maxPoints {
		return nil, nil, nil
	}
	for t := in.Start; t <= in.End; t += in.Step {
	}
	return nil, nil, nil
}

// Only the end is compared with a start the caller also sets: the span is
// not capped.
func seriesUnchecked(ctx context.Context, req *gosdk.CallToolRequest, in rangeIn) (*gosdk.CallToolResult, any, error) {
	if in.Step <= 0 {
		return nil, nil, nil
	}
	width := in.End - in.Start
	_ = width
	for t := in.Start; t <= in.End; t += in.Step { // want `field Start of the request sets a loop count with no upper bound`
	}
	return nil, nil, nil
}

// A cap on the span of other fields does not bound this loop.
func seriesOther(ctx context.Context, req *gosdk.CallToolRequest, in rangeIn, from, to int64) (*gosdk.CallToolResult, any, error) {
	if (in.End-in.Step)/2 > maxPoints {
		return nil, nil, nil
	}
	for t := in.Start; t <= in.End; t += in.Step { // want `field Start of the request sets a loop count with no upper bound`
	}
	return nil, nil, nil
}
