package gotaint

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// An endpoint that speaks a model API (OpenAI's chat completions or
// responses, Anthropic's messages, Gemini's generateContent) takes the
// whole conversation from its caller: the system prompt and the tools
// are fields of the request, the caller's own, and relaying them to a
// provider is the API's contract, not an injection into the program's
// prompt. OwnData recognises such a relay when the data arrives as it
// came; a gateway that converts between API dialects on the way (data
// URLs for images, signatures, markers for server tools) puts text of
// its own into the converted conversation, and the engine, which follows
// a conversation as a whole, then takes the system prompt and the tools
// for spliced. ModelAPIRelay recognises the relay by the request instead:
// the request body decoded into a type shaped like a model API's request.

// ModelAPIRelay returns, for the package under analysis, a function that
// says why a flow is a model API endpoint relaying its caller's own
// conversation: the flow's untrusted data is request data, and possibly
// content the program retrieved, but no tool arguments or model output,
// and a step of its request trace is in a function of the package that
// decodes the request into a model API request type (or calls one that
// does). "" when it is not.
func ModelAPIRelay(pass *analysis.Pass) func(*Flow) string {
	type span struct {
		from, to token.Pos
		typ      string
	}
	var decoders []span
	decodes := map[*types.Func]string{}
	bodies := map[*types.Func]*ast.FuncDecl{}
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			bodies[fn] = fd
			if name := decodedRequest(pass.TypesInfo, fd.Body); name != "" {
				decodes[fn] = name
			}
		}
	}
	if len(decodes) == 0 {
		return func(*Flow) string { return "" }
	}
	for fn, fd := range bodies {
		name := decodes[fn]
		if name == "" {
			// A handler that calls a helper of the package that decodes.
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && name == "" {
					if callee := goapi.Callee(pass.TypesInfo, call); callee != nil {
						name = decodes[callee.Origin()]
					}
				}
				return name == ""
			})
		}
		if name != "" {
			decoders = append(decoders, span{fd.Pos(), fd.End(), name})
		}
	}
	return func(f *Flow) string {
		if f.Sources&Request == 0 || f.Sources&^(Request|Retrieved) != 0 {
			return ""
		}
		for _, st := range f.Trace(Request).Steps() {
			for _, d := range decoders {
				if d.from <= st.Pos && st.Pos < d.to {
					return "the endpoint takes a model API's request (" + d.typ + ", whose fields let the caller write the conversation, the system prompt or the tools): " +
						"the caller writes the system prompt and declares the tools itself, and relaying them to the provider is the API's contract; " +
						"the program's own text on the way is its conversion between API dialects"
				}
			}
		}
		return ""
	}
}

// decodedRequest is the name of a model API request type that body
// decodes data into (json.Unmarshal, a Decoder's Decode, a framework's
// Bind), or "".
func decodedRequest(info *types.Info, body *ast.BlockStmt) string {
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != "" {
			return found == ""
		}
		fn := goapi.Callee(info, call)
		if fn == nil || !decodeCall(fn.Name()) {
			return true
		}
		for _, a := range call.Args {
			t := info.TypeOf(a)
			if p, ok := types.Unalias(t).(*types.Pointer); ok {
				t = p.Elem()
			} else {
				continue
			}
			if named, ok := types.Unalias(t).(*types.Named); ok && modelAPIRequest(named) {
				found = named.Obj().Name()
			}
		}
		return true
	})
	return found
}

func decodeCall(name string) bool {
	for _, w := range []string{"Decode", "Unmarshal", "Bind", "BodyParser"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// modelAPIRequest: a struct with the conversation of a model API request
// (messages, contents or input) and a field by which those APIs let the
// caller write the system prompt or declare tools (system,
// systemInstruction, instructions, tools). A request with a conversation
// and no such field is a chat front end's, whose system prompt is the
// program's.
func modelAPIRequest(t *types.Named) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	conversation, with := false, false
	for i := range st.NumFields() {
		name := jsonName(st.Field(i), st.Tag(i))
		switch name {
		case "messages", "contents", "input":
			conversation = true
		case "system", "systeminstruction", "system_instruction", "instructions", "tools":
			with = true
		}
	}
	return conversation && with
}

func jsonName(f *types.Var, tag string) string {
	if j, ok := reflect.StructTag(tag).Lookup("json"); ok {
		if name, _, _ := strings.Cut(j, ","); name != "" && name != "-" {
			return strings.ToLower(name)
		}
	}
	return strings.ToLower(f.Name())
}
