// Package types is a stub of k8s.io/apimachinery/pkg/types (v0.36) for the
// rules' tests.
package types

type PatchType string

const MergePatchType PatchType = "application/merge-patch+json"

type NamespacedName struct {
	Namespace string
	Name      string
}
