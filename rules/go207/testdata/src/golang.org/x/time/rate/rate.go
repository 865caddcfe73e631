// Package rate is a stub of golang.org/x/time/rate for the tests.
package rate

type Limit float64

type Limiter struct{}

func NewLimiter(r Limit, b int) *Limiter { return nil }
func (l *Limiter) Allow() bool           { return true }
