package a

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"
)

// approvalGate asks the person at the terminal before it reads the file
// the model names.
type approvalGate struct{}

func (approvalGate) ReadFile(path string) ([]byte, error) {
	fmt.Printf("read %s? [y/N] ", path)
	s := bufio.NewScanner(os.Stdin)
	if !s.Scan() || strings.TrimSpace(s.Text()) != "y" {
		return nil, fmt.Errorf("denied")
	}
	return os.ReadFile(path)
}

// reader reads whatever it is asked to.
type reader struct{}

func (reader) ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

func readsFromModel(ctx context.Context, c *goopenai.Client) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	path := resp.Choices[0].Message.Content
	approvalGate{}.ReadFile(path) // want `model output reaches a file path in approvalGate.ReadFile → os.ReadFile at approval.go:\d+, from model output \(source at approval.go:\d+\) \(a note, not an error: on the way the call goes through approvalGate.ReadFile, which by its name asks the user to approve it first`
	reader{}.ReadFile(path)       // want `model output reaches a file path in reader.ReadFile → os.ReadFile at approval.go:\d+, from model output \(source at approval.go:\d+\)$`
}
