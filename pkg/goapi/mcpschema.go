package goapi

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

const mcpGoMCP = "github.com/mark3labs/mcp-go/mcp"

// ArgSchema is what a tool's input schema says of one argument.
type ArgSchema struct {
	Declared bool           // the schema names the argument
	Required bool           // and lists it as required
	Default  constant.Value // its default, when a constant; nil when none
}

// MCPGoArgSchema reads what an mcp-go tool definition says of argument
// name: a call of mcp.NewTool(name, opts...) whose options declare it
// (mcp.WithString("x", mcp.Required(), mcp.DefaultString("d")), ...). A
// definition it cannot read is undeclared. resolve follows a variable to
// its value (nil: no following).
func MCPGoArgSchema(info *types.Info, tool ast.Expr, name string, resolve func(ast.Expr) ast.Expr) ArgSchema {
	tool = ast.Unparen(tool)
	if _, ok := tool.(*ast.Ident); ok && resolve != nil {
		if r := resolve(tool); r != nil {
			tool = ast.Unparen(r)
		}
	}
	call, ok := tool.(*ast.CallExpr)
	if !ok {
		return ArgSchema{}
	}
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || CanonPath(fn.Pkg().Path()) != mcpGoMCP || !strings.HasPrefix(fn.Name(), "NewTool") {
		return ArgSchema{}
	}
	if fn.Name() == "NewToolWithRawSchema" {
		// The schema is JSON the program wrote: a declared schema as much
		// as the options of NewTool are.
		if len(call.Args) < 3 {
			return ArgSchema{}
		}
		return rawArgSchema(info, call.Args[2], name)
	}
	var out ArgSchema
	for _, opt := range call.Args[1:] {
		prop, ok := ast.Unparen(opt).(*ast.CallExpr)
		if !ok || len(prop.Args) == 0 {
			continue
		}
		fn := Callee(info, prop)
		if fn == nil || fn.Pkg() == nil || CanonPath(fn.Pkg().Path()) != mcpGoMCP || !strings.HasPrefix(fn.Name(), "With") || ConstString(info, prop.Args[0]) != name {
			continue
		}
		out.Declared = true
		for _, po := range prop.Args[1:] {
			pc, ok := ast.Unparen(po).(*ast.CallExpr)
			if !ok {
				continue
			}
			pf := Callee(info, pc)
			if pf == nil || pf.Pkg() == nil || CanonPath(pf.Pkg().Path()) != mcpGoMCP {
				continue
			}
			switch {
			case pf.Name() == "Required":
				out.Required = true
			case strings.HasPrefix(pf.Name(), "Default") && len(pc.Args) == 1:
				out.Default = constValue(info, pc.Args[0])
			}
		}
	}
	return out
}

// SameDefault reports whether the default a handler reads an argument
// with (the last argument of GetString(key, def), GetInt...) is the one
// its schema declares, or the schema declares none.
func (a ArgSchema) SameDefault(info *types.Info, def ast.Expr) bool {
	if a.Default == nil {
		return true
	}
	v := constValue(info, def)
	if v == nil {
		return false
	}
	if a.Default.Kind() == constant.Int || a.Default.Kind() == constant.Float {
		if v.Kind() != constant.Int && v.Kind() != constant.Float {
			return false
		}
		return constant.Compare(constant.ToFloat(a.Default), token.EQL, constant.ToFloat(v))
	}
	return a.Default.Kind() == v.Kind() && constant.Compare(a.Default, token.EQL, v)
}

// MCPGoValidationAdvice is how to make an mcp-go server validate tool
// arguments, in terms that exist in the release the code is built with:
// server.WithInputSchemaValidation() where serverPkg (the loaded
// github.com/mark3labs/mcp-go/server package) declares it, and the typed
// request helpers where it does not.
func MCPGoValidationAdvice(serverPkg *types.Package) string {
	typed := "RequireString, RequireInt and the other Require helpers (which fail on a missing or mistyped argument) or BindArguments into a typed struct"
	if serverPkg != nil && serverPkg.Scope().Lookup("WithInputSchemaValidation") != nil {
		return "build the server with server.WithInputSchemaValidation(), or read arguments with " + typed
	}
	return "read arguments with " + typed + " (the mcp-go release in go.mod has no server.WithInputSchemaValidation())"
}

// rawArgSchema reads what a raw JSON input schema (the constant text given
// to mcp.NewToolWithRawSchema, through a json.RawMessage or []byte
// conversion) says of argument name. A schema that is not a constant, or
// not JSON, declares nothing.
func rawArgSchema(info *types.Info, e ast.Expr, name string) ArgSchema {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		e = call.Args[0] // a conversion: json.RawMessage(`...`), []byte("...")
	}
	text := ConstString(info, e)
	if text == "" {
		return ArgSchema{}
	}
	var schema struct {
		Properties map[string]struct {
			Default json.RawMessage `json:"default"`
		} `json:"properties"`
		Required []string `json:"required"`
	}
	if json.Unmarshal([]byte(text), &schema) != nil {
		return ArgSchema{}
	}
	prop, ok := schema.Properties[name]
	if !ok {
		return ArgSchema{}
	}
	out := ArgSchema{Declared: true}
	for _, r := range schema.Required {
		if r == name {
			out.Required = true
		}
	}
	if len(prop.Default) > 0 {
		var v any
		if json.Unmarshal(prop.Default, &v) == nil {
			switch v := v.(type) {
			case string:
				out.Default = constant.MakeString(v)
			case float64:
				out.Default = constant.MakeFloat64(v)
			case bool:
				out.Default = constant.MakeBool(v)
			default:
				out.Declared = false // a default the handler's constant cannot be compared with
			}
		}
	}
	return out
}
