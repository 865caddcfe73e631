// Package v1 is a stub of k8s.io/apimachinery/pkg/apis/meta/v1 (v0.36)
// for the rules' tests.
package v1

type ObjectMeta struct {
	Name      string
	Namespace string
}

func (m *ObjectMeta) GetName() string      { return m.Name }
func (m *ObjectMeta) GetNamespace() string { return m.Namespace }

type ListMeta struct{ Continue string }

func (m *ListMeta) GetContinue() string { return m.Continue }

type GetOptions struct{}
type ListOptions struct{ LabelSelector string }
type CreateOptions struct{}
type UpdateOptions struct{}
type DeleteOptions struct{}
type PatchOptions struct{}
type ApplyOptions struct{}

type PartialObjectMetadata struct{ ObjectMeta }
