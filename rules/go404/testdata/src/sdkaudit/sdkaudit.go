// Package sdkaudit has one firing line per model-output source of the LLM
// SDKs that the audit table in docs/go.md lists (streams, the Live API,
// the tool runner), and constant commands (silent). Tool-call arguments
// (a field source of kind ToolArgs) are GO405's: see its a/toolcalls.go.
package sdkaudit

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/firebase/genkit/go/genkit"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/responses"
	goopenai "github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

func streams(ctx context.Context, oc *openai.Client, rs *responses.ResponseService, gc *goopenai.Client, ac *anthropic.Client) {
	s := oc.Chat.Completions.NewStreaming(ctx, openai.ChatCompletionNewParams{})
	for s.Next() {
		os.Remove(s.Current().Choices[0].Delta.Content) // want `model output reaches a file path in os.Remove`
	}
	rstream := rs.NewStreaming(ctx, responses.ResponseNewParams{})
	for rstream.Next() {
		exec.Command("sh", "-c", rstream.Current().Delta) // want `model output reaches command execution in exec.Command`
	}
	gs, _ := gc.CreateChatCompletionStream(ctx, goopenai.ChatCompletionRequest{})
	chunk, _ := gs.Recv()
	os.Remove(chunk.Choices[0].Delta.Content) // want `model output reaches a file path in os.Remove`
	as := ac.Messages.NewStreaming(ctx, anthropic.MessageNewParams{})
	for as.Next() {
		os.Remove(as.Current().Delta.Text) // want `model output reaches a file path in os.Remove`
	}
	exec.Command("uptime")
}

func runner(ctx context.Context, ac *anthropic.Client, tools []anthropic.BetaTool) {
	msg, _ := ac.Beta.Messages.NewToolRunner(tools, anthropic.BetaToolRunnerParams{MaxIterations: 5}).RunToCompletion(ctx)
	b, _ := json.Marshal(msg)
	os.WriteFile(string(b), nil, 0o600) // want `model output reaches a file path in os.WriteFile`
}

func live(ctx context.Context, l *genai.Live, chat *genai.Chat) {
	sess, _ := l.Connect(ctx, "gemini-live", &genai.LiveConnectConfig{})
	m, _ := sess.Receive()
	os.Remove(m.ServerContent.ModelTurn.Parts[0].Text) // want `model output reaches a file path in os.Remove`
	resp, _ := chat.SendMessage(ctx, genai.Part{Text: "hi"})
	os.Remove(resp.Text()) // want `model output reaches a file path in os.Remove`
}

func genkitOutput(ctx context.Context, g *genkit.Genkit) {
	resp, _ := genkit.Generate(ctx, g)
	os.Remove(resp.Text()) // want `model output reaches a file path in os.Remove`
}
