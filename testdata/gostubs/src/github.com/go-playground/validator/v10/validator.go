// Stub of github.com/go-playground/validator/v10, checked against v10.30.6.
package validator

import "context"

type Validate struct{}

type Option func(*Validate)

func New(options ...Option) *Validate { return nil }

func (v *Validate) Struct(s interface{}) error                                      { return nil }
func (v *Validate) StructCtx(ctx context.Context, s interface{}) (err error)        { return nil }
func (v *Validate) Var(field interface{}, tag string) error                         { return nil }
func (v *Validate) VarCtx(ctx context.Context, field interface{}, tag string) error { return nil }
