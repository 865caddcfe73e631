// Package unstructured is a stub of
// k8s.io/apimachinery/pkg/apis/meta/v1/unstructured (v0.36) for the rules'
// tests.
package unstructured

type Unstructured struct {
	Object map[string]interface{}
}

func (u *Unstructured) GetName() string      { return "" }
func (u *Unstructured) GetNamespace() string { return "" }
func (u *Unstructured) SetKind(kind string)  {}

type UnstructuredList struct {
	Items []Unstructured
}

func (u *UnstructuredList) GetContinue() string { return "" }
