// Package rest is a stub of k8s.io/client-go/rest (v0.36) for the rules'
// tests.
package rest

import (
	"context"

	"k8s.io/apimachinery/pkg/types"
)

type Config struct {
	Host        string
	BearerToken string
}

func InClusterConfig() (*Config, error) { return &Config{}, nil }

type Interface interface {
	Get() *Request
	Post() *Request
	Put() *Request
	Patch(pt types.PatchType) *Request
	Delete() *Request
}

type Request struct{}

func (r *Request) Namespace(namespace string) *Request         { return r }
func (r *Request) Resource(resource string) *Request           { return r }
func (r *Request) Name(resourceName string) *Request           { return r }
func (r *Request) SubResource(subresources ...string) *Request { return r }
func (r *Request) Do(ctx context.Context) Result               { return Result{} }

type Result struct{}

func (r Result) Raw() ([]byte, error) { return nil, nil }
