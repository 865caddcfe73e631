// Package sdkaudit has one firing line per system-prompt field of the LLM
// SDKs that the audit table in docs/go.md lists, and the same fields set
// from constants or in the user channel (silent). A request value passed
// on as it came is the caller's own prompt (gotaint.OwnData); these are
// spliced into the program's text.
package sdkaudit

import (
	"net/http"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/firebase/genkit/go/ai"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/realtime"
	"github.com/openai/openai-go/v3/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
	"google.golang.org/genai"
)

func openaiGo(r *http.Request) {
	x := "Act as " + r.FormValue("x")                                                                                                                                                  // spliced into the program's text: not the caller's own prompt
	_ = openai.DeveloperMessage("Answer as " + x)                                                                                                                                      // want `system prompt in openai.DeveloperMessage, from a form value`
	_ = openai.BetaAssistantNewParams{Instructions: openai.String("Be " + x)}                                                                                                          // want `system prompt in openai.BetaAssistantNewParams.Instructions`
	_ = openai.BetaAssistantUpdateParams{Instructions: openai.String("Be " + x)}                                                                                                       // want `system prompt in openai.BetaAssistantUpdateParams.Instructions`
	_ = openai.BetaThreadNewAndRunParams{Instructions: openai.String("Be " + x)}                                                                                                       // want `system prompt in openai.BetaThreadNewAndRunParams.Instructions`
	_ = openai.BetaThreadRunNewParams{AdditionalInstructions: openai.String(x)}                                                                                                        // want `system prompt in openai.BetaThreadRunNewParams.AdditionalInstructions`
	_ = realtime.RealtimeSessionCreateRequestParam{Instructions: openai.String(x)}                                                                                                     // want `system prompt in realtime.RealtimeSessionCreateRequestParam.Instructions`
	_ = responses.EasyInputMessageParam{Role: responses.EasyInputMessageRoleSystem, Content: responses.EasyInputMessageContentUnionParam{OfString: openai.String(x)}}                  // want `system prompt in responses.EasyInputMessageParam.Content`
	_ = responses.ResponseInputItemMessageParam{Role: "developer", Content: responses.ResponseInputMessageContentListParam{{OfInputText: &responses.ResponseInputTextParam{Text: x}}}} // want `system prompt in responses.ResponseInputItemMessageParam.Content`
	_ = responses.ResponseInputItemParamOfMessage("Act as "+x, "system")                                                                                                               // want `system prompt in responses.ResponseInputItemParamOfMessage`

	_ = openai.ChatCompletionSystemMessageParam{Content: openai.ChatCompletionSystemMessageParamContentUnion{OfString: openai.String(x)}}       // want `system prompt in openai.ChatCompletionSystemMessageParam.Content`
	_ = openai.ChatCompletionDeveloperMessageParam{Content: openai.ChatCompletionDeveloperMessageParamContentUnion{OfString: openai.String(x)}} // want `system prompt in openai.ChatCompletionDeveloperMessageParam.Content`

	// The user channel is not the system prompt.
	_ = responses.EasyInputMessageParam{Role: responses.EasyInputMessageRoleUser, Content: responses.EasyInputMessageContentUnionParam{OfString: openai.String(x)}}
	_ = openai.BetaAssistantNewParams{Instructions: openai.String("Be brief")}
}

func goOpenAI(r *http.Request) {
	x := "Act as " + r.FormValue("x")                                                                                     // spliced into the program's text: not the caller's own prompt
	_ = goopenai.AssistantRequest{Instructions: &x}                                                                       // want `system prompt in openai.AssistantRequest.Instructions`
	_ = goopenai.ChatCompletionMessage{Role: "developer", Content: "Be " + x}                                             // want `system prompt in openai.ChatCompletionMessage.Content`
	_ = goopenai.ChatCompletionMessage{Role: "system", MultiContent: []goopenai.ChatMessagePart{{Type: "text", Text: x}}} // want `system prompt in openai.ChatCompletionMessage.MultiContent`
	_ = goopenai.RunRequest{AdditionalInstructions: x}                                                                    // want `system prompt in openai.RunRequest.AdditionalInstructions`
	_ = goopenai.ChatCompletionMessage{Role: "user", Content: x}
}

func anthropicSDK(r *http.Request) {
	x := "Act as " + r.FormValue("x")                                                                                                    // spliced into the program's text: not the caller's own prompt
	_ = anthropic.BetaMessageNewParams{System: []anthropic.BetaTextBlockParam{{Text: x}}}                                                // want `system prompt in anthropic.BetaMessageNewParams.System`
	_ = anthropic.MessageCountTokensParams{System: anthropic.MessageCountTokensParamsSystemUnion{OfString: anthropic.String(x)}}         // want `system prompt in anthropic.MessageCountTokensParams.System`
	_ = anthropic.BetaMessageCountTokensParams{System: anthropic.BetaMessageCountTokensParamsSystemUnion{OfString: anthropic.String(x)}} // want `system prompt in anthropic.BetaMessageCountTokensParams.System`
	_ = anthropic.MessageBatchNewParamsRequestParams{System: []anthropic.TextBlockParam{{Text: x}}}                                      // want `system prompt in anthropic.MessageBatchNewParamsRequestParams.System`
	_ = anthropic.BetaMessageBatchNewParamsRequestParams{System: []anthropic.BetaTextBlockParam{{Text: x}}}                              // want `system prompt in anthropic.BetaMessageBatchNewParamsRequestParams.System`
	_ = anthropic.MessageNewParams{System: []anthropic.TextBlockParam{{Text: "You are a shop assistant."}}}
}

func genaiSDK(r *http.Request) {
	x := "Act as " + r.FormValue("x") // spliced into the program's text: not the caller's own prompt
	sys := &genai.Content{Parts: []*genai.Part{{Text: "Answer as " + x}}}
	_ = genai.GenerateContentConfig{SystemInstruction: sys}     // want `system prompt in genai.GenerateContentConfig.SystemInstruction`
	_ = genai.CountTokensConfig{SystemInstruction: sys}         // want `system prompt in genai.CountTokensConfig.SystemInstruction`
	_ = genai.CreateCachedContentConfig{SystemInstruction: sys} // want `system prompt in genai.CreateCachedContentConfig.SystemInstruction`
	_ = genai.LiveConnectConfig{SystemInstruction: sys}         // want `system prompt in genai.LiveConnectConfig.SystemInstruction`
	_ = genai.LiveClientSetup{SystemInstruction: sys}           // want `system prompt in genai.LiveClientSetup.SystemInstruction`
	_ = ai.WithSystem("You are " + x)                           // want `system prompt in ai.WithSystem`
	_ = genai.GenerateContentConfig{SystemInstruction: &genai.Content{Parts: []*genai.Part{{Text: "Be brief."}}}}
}

func ollamaSDK(r *http.Request) {
	x := "Act as " + r.FormValue("x")                                          // spliced into the program's text: not the caller's own prompt
	_ = api.GenerateRequest{System: "Act as " + x}                             // want `system prompt in api.GenerateRequest.System`
	_ = api.ChatRequest{Messages: []api.Message{{Role: "system", Content: x}}} // want `system prompt in api.Message.Content`
	_ = api.ChatRequest{Messages: []api.Message{{Role: "user", Content: x}}}
}

func langchaingo(r *http.Request) {
	x := "Act as " + r.FormValue("x")                                                                               // spliced into the program's text: not the caller's own prompt
	_ = llms.SystemChatMessage{Content: "Act as " + x}                                                              // want `system prompt in llms.SystemChatMessage.Content`
	_ = llms.MessageContent{Role: llms.ChatMessageTypeSystem, Parts: []llms.ContentPart{llms.TextContent{Text: x}}} // want `system prompt in llms.MessageContent.Parts`
	_ = llms.MessageContent{Role: llms.ChatMessageTypeHuman, Parts: []llms.ContentPart{llms.TextContent{Text: x}}}
}
