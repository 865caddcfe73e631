// Package remote runs tool arguments in a pod, a container and over SSH.
package remote

import (
	"context"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/mark3labs/mcp-go/mcp"
	"golang.org/x/crypto/ssh"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/clientcmd"
)

func podExec(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cmd := req.GetStringSlice("command", nil)
	opts := &corev1.PodExecOptions{
		Container: "app",
		Command:   cmd, // want `tool arguments reach command execution in the command of a pod exec`
		Stdout:    true,
	}
	_ = opts
	return nil, nil
}

func dockerExec(ctx context.Context, cli *client.Client, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	line, _ := req.RequireString("command")
	_, err := cli.ContainerExecCreate(ctx, "box", container.ExecOptions{
		Cmd: []string{"sh", "-c", line}, // want `tool arguments reach command execution in the command of a docker exec`
	})
	return nil, err
}

func sshRun(c *ssh.Client, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	s, _ := c.NewSession()
	defer s.Close()
	out, err := s.CombinedOutput(req.GetString("command", "")) // want `tool arguments reach command execution in an SSH session's command`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// Fixed commands, whatever the tool is asked: silent.
func fixed(ctx context.Context, c *ssh.Client, cli *client.Client, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	pod := req.GetString("pod", "")
	_ = &corev1.PodExecOptions{Container: pod, Command: []string{"df", "-h"}}
	_, _ = cli.ContainerExecCreate(ctx, pod, container.ExecOptions{Cmd: []string{"uptime"}})
	s, _ := c.NewSession()
	return nil, s.Run("uptime")
}

// A kubeconfig the model passes: its exec credential plugin runs here.
func registerCluster(req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cfg := req.GetString("kubeconfig", "")
	_, err := clientcmd.RESTConfigFromKubeConfig([]byte(cfg)) // want `tool arguments reach command execution in a kubeconfig, whose exec credential plugin client-go runs, from MCP tool arguments \(source at remote.go:\d+\)$`
	return nil, err
}

func registerClusterFile(req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	path := req.GetString("kubeconfig_path", "")
	_, err := clientcmd.BuildConfigFromFlags("", path) // want `tool arguments reach command execution in the path of a kubeconfig, whose exec credential plugin client-go runs, from MCP tool arguments \(source at remote.go:\d+\)$`
	return nil, err
}

// The server's own kubeconfig, whatever the tool is asked: silent.
func ownCluster(req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := clientcmd.BuildConfigFromFlags(req.GetString("server", ""), "/etc/agent/kubeconfig")
	return nil, err
}
