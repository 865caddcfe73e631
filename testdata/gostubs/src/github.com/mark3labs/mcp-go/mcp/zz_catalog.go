package mcp

import "encoding/json"

func WithInputSchema[T any]() ToolOption                         { return nil }
func WithRawInputSchema(schema json.RawMessage) ToolOption       { return nil }
func WithInteger(name string, opts ...PropertyOption) ToolOption { return nil }
func WithObject(name string, opts ...PropertyOption) ToolOption  { return nil }
func WithArray(name string, opts ...PropertyOption) ToolOption   { return nil }
func Title(title string) PropertyOption                          { return nil }
func Enum(values ...string) PropertyOption                       { return nil }
func MaxLength(max int) PropertyOption                           { return nil }
func MinLength(min int) PropertyOption                           { return nil }
func Pattern(pattern string) PropertyOption                      { return nil }
func Max[T int | int64 | float64](max T) PropertyOption          { return nil }
func Min[T int | int64 | float64](min T) PropertyOption          { return nil }
func Items(schema any) PropertyOption                            { return nil }
func MaxItems(max int) PropertyOption                            { return nil }
func WithStringItems(opts ...PropertyOption) PropertyOption      { return nil }
