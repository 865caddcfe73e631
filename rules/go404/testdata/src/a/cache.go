package a

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	goopenai "github.com/sashabaranov/go-openai"
)

// cacheKey names a cache file by a hash of the text: hex digits only,
// chosen by nobody.
func cacheKey(provider, text string) string {
	sum := sha256.Sum256([]byte(provider + "-" + text))
	return hex.EncodeToString(sum[:])
}

func cacheKeyStreamed(text string) string {
	h := sha256.New()
	fmt.Fprint(h, text)
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

func cacheKeyFormatted(text string) string {
	return fmt.Sprintf("%x.json", sha256.Sum256([]byte(text)))
}

func cachedAnswers(ctx context.Context, c *goopenai.Client, dir string) {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	text := resp.Choices[0].Message.Content
	os.ReadFile(filepath.Join(dir, cacheKey("openai", text)))
	os.WriteFile(filepath.Join(dir, cacheKeyStreamed(text)), nil, 0o600)
	os.Remove(filepath.Join(dir, cacheKeyFormatted(text)))
	exec.Command("touch", cacheKey("x", text))

	// The text itself, hex-encoded without a hash, or a hash in the
	// standard base64 alphabet (which has '/'), or the raw digest bytes:
	// still reported.
	os.ReadFile(filepath.Join(dir, hex.EncodeToString([]byte(text)))) // want `model output reaches a file path in os.ReadFile`
	sum := sha256.Sum256([]byte(text))
	os.ReadFile(filepath.Join(dir, base64.StdEncoding.EncodeToString(sum[:]))) // want `model output reaches a file path in os.ReadFile`
	os.ReadFile(filepath.Join(dir, string(sum[:])))                            // want `model output reaches a file path in os.ReadFile`
	os.ReadFile(filepath.Join(dir, fmt.Sprintf("%x-%s", sum, text)))           // want `model output reaches a file path in os.ReadFile`
}
