// Package kubernetes is a stub of k8s.io/client-go/kubernetes (v0.36) for
// the rules' tests.
package kubernetes

import (
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/rest"
)

type Interface interface {
	CoreV1() corev1.CoreV1Interface
}

type Clientset struct{}

func (c *Clientset) CoreV1() corev1.CoreV1Interface { return nil }

func NewForConfig(c *rest.Config) (*Clientset, error) { return &Clientset{}, nil }
