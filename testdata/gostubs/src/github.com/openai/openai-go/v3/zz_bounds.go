// Stub of github.com/openai/openai-go/v3, checked against v3.98.0: what the
// bounds rules (GO205) use. (ChatModel is an alias of shared.ChatModel, itself
// an alias of string.)
package openai

import "github.com/openai/openai-go/v3/packages/param"

type ChatModel = string

func Int(i int64) param.Opt[int64] { return param.NewOpt(i) }
