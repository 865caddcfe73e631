package a

import (
	"context"
	"os"
	"os/exec"

	goopenai "github.com/sashabaranov/go-openai"
)

// The model's answer names an entry of the program's own table: the
// entry (a configured command, a registered path) is the program's, and
// the answer only selected it. The name itself stays model output.
type serverConf struct {
	Command string
	Args    []string
}

type registry struct {
	servers map[string]serverConf
	files   map[string]*fileEntry
	used    map[string]int
}

type fileEntry struct{ Path string }

func (r *registry) server(name string) serverConf { return r.servers[name] }

// open looks the entry up and stats the registered path; it also counts
// the use under the name it was given.
func (r *registry) open(name string) error {
	e := r.files[name]
	r.used[name]++
	_, err := os.Stat(e.Path)
	return err
}

// load stats the registered path of the entry it is asked for, and
// stores the entry back under its name.
func (r *registry) load(name string) error {
	e := r.files[name]
	_, err := os.Stat(e.Path)
	r.files[name] = e
	return err
}

// register records the name as a key of the table of registered files.
func (r *registry) register(name string) { r.files[name] = &fileEntry{Path: "/var/lib/app/default"} }

func answer(ctx context.Context, c *goopenai.Client) string {
	resp, _ := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return resp.Choices[0].Message.Content
}

func reconnect(ctx context.Context, c *goopenai.Client, r *registry) {
	name := answer(ctx, c)
	sc := r.servers[name]
	exec.Command(sc.Command, sc.Args...).Run()
	exec.Command(r.server(name).Command).Run()
	r.open(name)
	r.load(name)
}

// A helper that records the name as a key does not make the entries the
// program registered the model's: what is read back by name is still the
// program's path.
func registerAndRun(ctx context.Context, c *goopenai.Client, r *registry) {
	name := answer(ctx, c)
	r.register(name)
	exec.Command(r.files[name].Path).Run()
	exec.Command(r.server(name).Command).Run()
}

// The name itself reaches the command: reported.
func runNamed(ctx context.Context, c *goopenai.Client, r *registry) {
	name := answer(ctx, c)
	sc := r.server(name)
	exec.Command(name, sc.Args...).Run() // want `model output reaches command execution in exec.Command, from model output`
}
