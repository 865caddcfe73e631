package a

import (
	"context"
	"os/exec"

	goopenai "github.com/sashabaranov/go-openai"
)

// An agent loop that calls itself with the model's next answer. The
// answer goes into the history; the command it runs is its configured
// shell, which the answer never reaches.
type loopConf struct{ Shell string }

type loopAgent struct {
	conf    *loopConf
	history []string
}

func (a *loopAgent) step(ctx context.Context, c *goopenai.Client, msg string, depth int) {
	if depth > 3 {
		return
	}
	a.history = append(a.history, msg)
	exec.Command(a.conf.Shell).Run()
	a.step(ctx, c, answer(ctx, c), depth+1)
}

// The answer itself is run by the next call: reported where it is passed.
func (a *loopAgent) run(ctx context.Context, c *goopenai.Client, cmd string, depth int) {
	if depth > 3 {
		return
	}
	exec.Command(cmd).Run()
	a.run(ctx, c, answer(ctx, c), depth+1) // want `model output reaches command execution in loopAgent.run → exec.Command at recursion.go:\d+, from model output`
}
