// Package schema is a stub of k8s.io/apimachinery/pkg/runtime/schema
// (v0.36) for the rules' tests.
package schema

type GroupVersionResource struct {
	Group    string
	Version  string
	Resource string
}

type GroupVersion struct {
	Group   string
	Version string
}

func (gv GroupVersion) WithResource(resource string) GroupVersionResource {
	return GroupVersionResource{Group: gv.Group, Version: gv.Version, Resource: resource}
}
