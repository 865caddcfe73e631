package a

import (
	"os"
	"strings"

	"github.com/anthropics/anthropic-sdk-go/tools/agenttoolset"
)

func environMap() map[string]string {
	m := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

func bad() {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	_ = &agenttoolset.AgentToolContext{
		Workdir: "/srv/agent",
		Env:     env, // want `AgentToolContext.Env is built from os.Environ\(\): the model-driven shell gets every secret of this process`
	}
	_ = &agenttoolset.AgentToolContext{Workdir: "/srv/agent", Env: environMap()} // want `AgentToolContext.Env is built from os.Environ`
	_ = &agenttoolset.AgentToolContext{
		Workdir:           "/srv/agent",
		UnrestrictedPaths: true, // want `AgentToolContext sets UnrestrictedPaths: the agent's file tools may reach any path`
	}
	_ = &agenttoolset.AgentToolContext{Workdir: "/"} // want `AgentToolContext.Workdir is "/": the agent's file tools are not confined`
	_ = agenttoolset.AgentToolContext{
		Workdir:      "/srv/agent",
		AllowedRoots: []string{"/srv/shared", os.Getenv("HOME")}, // want `AgentToolContext.AllowedRoots includes the home directory`
	}
	c := &agenttoolset.AgentToolContext{Workdir: "/srv/agent"}
	c.UnrestrictedPaths = true // want `AgentToolContext sets UnrestrictedPaths`
}

func good() {
	_ = &agenttoolset.AgentToolContext{
		Workdir:      "/srv/agent/work",
		AllowedRoots: []string{"/srv/agent/memory"},
		Env:          map[string]string{"PATH": "/usr/bin:/bin", "LANG": os.Getenv("LANG")},
	}
	_ = &agenttoolset.AgentToolContext{Workdir: os.Getenv("AGENT_WORKDIR"), UnrestrictedPaths: false}
}
