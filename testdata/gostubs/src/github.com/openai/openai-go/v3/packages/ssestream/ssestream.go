// Stub of the SDK's server-sent-event streams.
package ssestream

type Stream[T any] struct{}

func (s *Stream[T]) Next() bool { return false }
func (s *Stream[T]) Current() T { var t T; return t }
func (s *Stream[T]) Err() error { return nil }
