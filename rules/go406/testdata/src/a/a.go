package a

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os/exec"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"
	"github.com/google/jsonschema-go/jsonschema"
	"github.com/labstack/echo/v4"
	"github.com/openai/openai-go/v3"
	goopenai "github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

// net/http: the body decoded into a map and its values asserted.
func decodeBody(w http.ResponseWriter, r *http.Request) {
	var args map[string]any
	if err := json.NewDecoder(r.Body).Decode(&args); err != nil { // want `json.Decoder.Decode decodes the request body into args \(map\[string\]any\), which is then type-asserted with no validation`
		return
	}
	_ = exec.Command(args["command"].(string)).Run()
}

// The body read first, through a limit, then unmarshalled.
func readThenUnmarshal(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		return
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil { // want `json.Unmarshal decodes the request body into v \(any\), which is then type-asserted`
		return
	}
	m := v.(map[string]any)
	fmt.Fprintln(w, m)
}

// A decoder in a variable, the result ranged over.
func ranged(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(r.Body)
	var items []any
	_ = dec.Decode(&items) // want `json.Decoder.Decode decodes the request body into items \(\[\]any\), which is then ranged over with no validation`
	for _, it := range items {
		log.Println(it)
		store(it)
	}
}

// Ranged over only to print it: nothing relies on its shape.
func rangedPrinted(w http.ResponseWriter, r *http.Request) {
	var args map[string]any
	_ = json.NewDecoder(r.Body).Decode(&args)
	for k, v := range args {
		if _, ok := v.(string); ok {
			fmt.Fprintf(w, "%s='%s'\n", k, v)
		} else {
			fmt.Fprintf(w, "%s=%v\n", k, v)
		}
	}
}

// An element passed on to a function.
func passedOn(w http.ResponseWriter, r *http.Request) {
	var req map[string]interface{}
	_ = json.NewDecoder(r.Body).Decode(&req) // want `which is then indexed and passed to a.store with no validation`
	store(req["profile"])
}

func store(v any) {}

// gin, echo and fiber binders.
func ginHandler(c *gin.Context) {
	var body gin.H
	if err := c.ShouldBindJSON(&body); err != nil { // want `ShouldBindJSON decodes the request body into body \(gin.H\), which is then type-asserted`
		return
	}
	name := body["name"]
	c.JSON(200, gin.H{"hello": name.(string)})
}

func echoHandler(c echo.Context) error {
	var m map[string]any
	if err := c.Bind(&m); err != nil { // want `Bind decodes the request body into m`
		return err
	}
	return c.JSON(200, m["items"].([]any))
}

func fiberHandler(c *fiber.Ctx) error {
	var m map[string]any
	if err := json.Unmarshal(c.Body(), &m); err != nil { // want `json.Unmarshal decodes the request body into m`
		return err
	}
	for k := range m {
		_ = k
	}
	return nil
}

// Tool-call arguments written by the model.
func openaiToolCall(call openai.ChatCompletionMessageToolCallUnion) {
	var args map[string]any
	_ = json.Unmarshal([]byte(call.Function.Arguments), &args) // want `json.Unmarshal decodes tool-call arguments written by the model into args \(map\[string\]any\), which is then type-asserted`
	_ = exec.Command("git", args["ref"].(string))
}

func goOpenAIToolCalls(calls []goopenai.ToolCall) {
	for _, tc := range calls {
		raw := tc.Function.Arguments
		var args map[string]any
		_ = json.Unmarshal([]byte(raw), &args) // want `json.Unmarshal decodes tool-call arguments written by the model into args`
		store(args["path"])
	}
}

// A provider adapter decodes the model's arguments and hands the map on:
// not where they are misused (issue 11). The tool that reads them is.
type functionCall struct {
	Name      string
	Arguments map[string]any
}

func adaptCalls(calls []goopenai.ToolCall) []functionCall {
	var out []functionCall
	for _, tc := range calls {
		var args map[string]any
		if err := json.Unmarshal([]byte(tc.Function.Arguments), &args); err != nil {
			args = map[string]any{}
		}
		out = append(out, functionCall{Name: tc.Function.Name, Arguments: args})
		store(args)
	}
	return out
}

type shellTool struct{}

func (shellTool) Name() string        { return "shell" }
func (shellTool) Description() string { return "runs a command" }

func (shellTool) Run(ctx context.Context, args map[string]any) (any, error) {
	command := args["command"].(string) // want `tool-call arguments written by the model \(parameter args of tool method Run\) are type-asserted with no validation`
	return exec.CommandContext(ctx, "sh", "-c", command).Output()
}

type checkedTool struct{}

func (checkedTool) Name() string        { return "checked" }
func (checkedTool) Description() string { return "checks its arguments" }

func (checkedTool) Run(ctx context.Context, args map[string]any) (any, error) {
	command, ok := args["command"].(string)
	if !ok {
		return nil, fmt.Errorf("command must be a string")
	}
	return command, nil
}

// A method of the same shape on a type that is not a tool.
type cache struct{}

func (cache) Put(ctx context.Context, entry map[string]any) string { return entry["k"].(string) }

func anthropicToolUse(b anthropic.ToolUseBlock) {
	var in map[string]any
	_ = json.Unmarshal(b.Input, &in) // want `decodes tool-call arguments written by the model into in`
	_ = in["path"].(string)
}

// Few-shot examples formatted into prompt text.
func genaiExamples(calls []*genai.FunctionCall) []string {
	var out []string
	for _, fc := range calls {
		for k, v := range fc.Args {
			out = append(out, fmt.Sprintf("%s=%v", k, v))
		}
	}
	return out
}

func genaiRanged(calls []*genai.FunctionCall) {
	for _, fc := range calls {
		for _, v := range fc.Args { // want `tool-call arguments written by the model \(map\[string\]any\) are ranged over with no validation`
			store(v)
		}
	}
}

func genaiCalls(ctx context.Context, calls []*genai.FunctionCall) {
	for _, fc := range calls {
		city := fc.Args["city"].(string) // want `tool-call arguments written by the model \(map\[string\]any\) are type-asserted with no validation`
		_ = city
	}
}

// Silent: typed structs, validation, checked assertions, re-encoding.

type prompt struct {
	Text string `json:"text" validate:"required,max=4000"`
}

func typed(w http.ResponseWriter, r *http.Request) {
	var p prompt
	_ = json.NewDecoder(r.Body).Decode(&p)
	fmt.Fprintln(w, p.Text)
}

var validate = validator.New()

func validatedMap(w http.ResponseWriter, r *http.Request) {
	var m map[string]any
	_ = json.NewDecoder(r.Body).Decode(&m)
	if err := validate.Var(m["email"], "required,email"); err != nil {
		return
	}
	_ = m["email"].(string)
}

var schema *jsonschema.Resolved

func schemaValidated(call goopenai.ToolCall) error {
	var args map[string]any
	if err := json.Unmarshal([]byte(call.Function.Arguments), &args); err != nil {
		return err
	}
	if err := schema.Validate(args); err != nil {
		return err
	}
	_ = exec.Command("ls", args["dir"].(string))
	return nil
}

func checked(w http.ResponseWriter, r *http.Request) {
	var m map[string]any
	_ = json.NewDecoder(r.Body).Decode(&m)
	name, ok := m["name"].(string)
	if !ok {
		http.Error(w, "name must be a string", http.StatusBadRequest)
		return
	}
	switch v := m["age"].(type) {
	case float64:
		_ = v
	}
	_ = name
}

func reencoded(w http.ResponseWriter, r *http.Request) {
	var m map[string]any
	_ = json.NewDecoder(r.Body).Decode(&m)
	log.Printf("got %v", m)
	_ = json.NewEncoder(w).Encode(m)
	out, _ := json.Marshal(m)
	_, _ = w.Write(out)
}

func rawPassThrough(w http.ResponseWriter, r *http.Request) {
	var env struct {
		Kind    string          `json:"kind"`
		Payload json.RawMessage `json:"payload"`
	}
	_ = json.NewDecoder(r.Body).Decode(&env)
	_, _ = w.Write(env.Payload)
}

// Trusted input: a local file, not a request.
func config(data []byte) string {
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	return m["name"].(string)
}

type args struct{ Path string }

func (a args) Validate() error { return nil }

func ownValidate(c *gin.Context) {
	var m map[string]any
	_ = c.ShouldBindJSON(&m)
	a := args{Path: fmt.Sprint(m["path"])}
	if a.Validate() != nil {
		return
	}
	store(m["path"])
}

// appLogger is a project's own logger: its level methods take a format and
// ...any, as log.Printf does.
type appLogger struct{}

func (appLogger) Info(format string, v ...any)    {}
func (appLogger) Forward(format string, v ...any) {}
func (appLogger) Errorf(format string, v ...any)  {}

// Silent: a JSON-RPC request read with checked assertions for an
// intercept decision, and one element handed only to the logger's level
// methods.
func interceptInitialize(w http.ResponseWriter, r *http.Request, logger appLogger) {
	body, _ := io.ReadAll(r.Body)
	var req map[string]interface{}
	if err := json.Unmarshal(body, &req); err != nil {
		return
	}
	if method, ok := req["method"].(string); ok && method == "initialize" {
		id := req["id"]
		logger.Info("initialize from %s (id=%v)", r.RemoteAddr, id)
		logger.Errorf("id %v", req["id"])
	}
}

// A method that is not a log level, or whose parameter is not ...any,
// still uses the element.
func forwardElement(w http.ResponseWriter, r *http.Request, logger appLogger) {
	var req map[string]any
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil { // want `json.Decoder.Decode decodes the request body into req \(map\[string\]any\), which is then indexed and passed to Forward`
		return
	}
	logger.Forward("%v", req["id"])
}
