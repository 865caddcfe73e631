// Package choice has constructors that choose the concrete type of the
// interface value they return.
package choice

import "net/http"

type Config struct{ Enabled, Debug bool }

type Auth interface {
	Wrap(http.Handler) http.Handler
}

type On struct{}

func (On) Wrap(h http.Handler) http.Handler { return h }

type Off struct{}

func (Off) Wrap(h http.Handler) http.Handler { return h }

func New(cfg Config) (Auth, error) { // want New:"returns choice.Off when !cfg.Enabled; choice.On when cfg.Enabled"
	if !cfg.Enabled {
		return Off{}, nil
	}
	return On{}, nil
}

func NewSwitch(mode string) Auth { // want NewSwitch:"returns choice.On when mode == \"on\"; choice.Off"
	switch mode {
	case "on":
		return &On{}
	}
	return &Off{}
}

func Only() Auth { return On{} } // want Only:"returns choice.On"

func Delegates(cfg Config) Auth { // want Delegates:"returns, among others, choice.On when cfg.Debug"
	if cfg.Debug {
		return On{}
	}
	a, _ := New(cfg)
	return a
}
