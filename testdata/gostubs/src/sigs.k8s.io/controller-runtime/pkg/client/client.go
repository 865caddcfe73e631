// Package client is a stub of sigs.k8s.io/controller-runtime/pkg/client
// (v0.24) for the rules' tests.
package client

import (
	"context"

	"k8s.io/apimachinery/pkg/types"
)

type Object interface {
	GetName() string
	GetNamespace() string
}

type ObjectList interface {
	GetContinue() string
}

type ObjectKey = types.NamespacedName

type Reader interface {
	Get(ctx context.Context, key ObjectKey, obj Object, opts ...interface{}) error
	List(ctx context.Context, list ObjectList, opts ...interface{}) error
}

type Patch interface {
	Data(obj Object) ([]byte, error)
}

type Writer interface {
	Create(ctx context.Context, obj Object, opts ...interface{}) error
	Delete(ctx context.Context, obj Object, opts ...interface{}) error
	Update(ctx context.Context, obj Object, opts ...interface{}) error
	Patch(ctx context.Context, obj Object, patch Patch, opts ...interface{}) error
	DeleteAllOf(ctx context.Context, obj Object, opts ...interface{}) error
}

type SubResourceWriter interface {
	Update(ctx context.Context, obj Object, opts ...interface{}) error
}

type StatusClient interface {
	Status() SubResourceWriter
}

type Client interface {
	Reader
	Writer
	StatusClient
}
