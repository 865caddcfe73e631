// Package kube reaches the Kubernetes API through client-go's typed and
// dynamic clients and controller-runtime's client: writes are mutating
// cluster requests, reads of Secrets (or of a resource the caller names)
// are Secret reads, and reads of other known resources are nothing.
package kube

import (
	"context"
	"net/url"
	"os"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/remotecommand"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Cluster struct {
	cs  kubernetes.Interface
	dyn dynamic.Interface
	c   client.Client
	cfg *rest.Config
}

var (
	podsGVR    = schema.GroupVersionResource{Version: "v1", Resource: "pods"}
	secretsGVR = schema.GroupVersionResource{Version: "v1", Resource: "secrets"}
)

// The typed clientset.

func (k *Cluster) DeletePod(ctx context.Context, ns, name string) error { // want DeletePod:"reaches mutating Kubernetes API request"
	return k.cs.CoreV1().Pods(ns).Delete(ctx, name, metav1.DeleteOptions{})
}

func (k *Cluster) MarkReady(ctx context.Context, pod *corev1.Pod) error { // want MarkReady:"reaches mutating Kubernetes API request"
	_, err := k.cs.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, pod, metav1.UpdateOptions{})
	return err
}

func (k *Cluster) Token(ctx context.Context, ns, name string) ([]byte, error) { // want Token:"reaches Kubernetes Secret read"
	s, err := k.cs.CoreV1().Secrets(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, err
	}
	return s.Data["token"], nil
}

func (k *Cluster) PodCount(ctx context.Context, ns string) (int, error) { // silent: pods are no Secrets
	l, err := k.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return 0, err
	}
	return len(l.Items), nil
}

func (k *Cluster) Setting(ctx context.Context, ns, key string) (string, error) { // silent: a ConfigMap read
	cm, err := k.cs.CoreV1().ConfigMaps(ns).Get(ctx, "settings", metav1.GetOptions{})
	if err != nil {
		return "", err
	}
	return cm.Data[key], nil
}

func (k *Cluster) PodLogs(ctx context.Context, ns, name string) ([]byte, error) { // silent: a raw GET
	return k.cs.CoreV1().RESTClient().Get().Namespace(ns).Resource("pods").Name(name).SubResource("log").Do(ctx).Raw()
}

func (k *Cluster) Evict(ctx context.Context, ns, name string) error { // want Evict:"reaches mutating Kubernetes API request"
	_, err := k.cs.CoreV1().RESTClient().Post().Namespace(ns).Resource("pods").Name(name).SubResource("eviction").Do(ctx).Raw()
	return err
}

// The dynamic client: the resource decides whether a read hands out
// Secrets.

func (k *Cluster) Fetch(ctx context.Context, gvr schema.GroupVersionResource, ns, name string) (*unstructured.Unstructured, error) { // want Fetch:"reaches Kubernetes Secret read unless argument 1 \\(Kubernetes resource\\) is harmless"
	return k.dyn.Resource(gvr).Namespace(ns).Get(ctx, name, metav1.GetOptions{})
}

func (k *Cluster) FetchPod(ctx context.Context, ns, name string) (*unstructured.Unstructured, error) { // silent: a pod, through the helper
	return k.Fetch(ctx, podsGVR, ns, name)
}

func (k *Cluster) FetchSecret(ctx context.Context, ns, name string) (*unstructured.Unstructured, error) { // want FetchSecret:"reaches Kubernetes Secret read"
	return k.Fetch(ctx, secretsGVR, ns, name)
}

func (k *Cluster) FetchKind(ctx context.Context, resource, ns, name string) (*unstructured.Unstructured, error) { // want FetchKind:"reaches Kubernetes Secret read unless argument 1 \\(Kubernetes resource\\) is harmless"
	return k.Fetch(ctx, schema.GroupVersionResource{Version: "v1", Resource: resource}, ns, name)
}

func (k *Cluster) FetchFromEnv(ctx context.Context, ns, name string) (*unstructured.Unstructured, error) { // want FetchFromEnv:"reaches Kubernetes Secret read"
	return k.FetchKind(ctx, os.Getenv("RESOURCE"), ns, name)
}

func (k *Cluster) ListServices(ctx context.Context) (int, error) { // silent: services, named through a local variable
	ri := k.dyn.Resource(schema.GroupVersion{Version: "v1"}.WithResource("services"))
	l, err := ri.List(ctx, metav1.ListOptions{})
	if err != nil {
		return 0, err
	}
	return len(l.Items), nil
}

func (k *Cluster) Apply(ctx context.Context, gvr schema.GroupVersionResource, obj *unstructured.Unstructured) error { // want Apply:"reaches mutating Kubernetes API request"
	_, err := k.dyn.Resource(gvr).Apply(ctx, obj.GetName(), obj, metav1.ApplyOptions{})
	return err
}

// controller-runtime's client: the object's type says what is read.

func (k *Cluster) Restart(ctx context.Context, pod *corev1.Pod) error { // want Restart:"reaches mutating Kubernetes API request"
	return k.c.Delete(ctx, pod)
}

func (k *Cluster) SetStatus(ctx context.Context, pod *corev1.Pod) error { // want SetStatus:"reaches mutating Kubernetes API request"
	return k.c.Status().Update(ctx, pod)
}

func (k *Cluster) Pod(ctx context.Context, key client.ObjectKey) (*corev1.Pod, error) { // silent: a typed pod
	var p corev1.Pod
	err := k.c.Get(ctx, key, &p)
	return &p, err
}

func (k *Cluster) Secret(ctx context.Context, key client.ObjectKey) (*corev1.Secret, error) { // want Secret:"reaches Kubernetes Secret read"
	var s corev1.Secret
	err := k.c.Get(ctx, key, &s)
	return &s, err
}

func (k *Cluster) Object(ctx context.Context, key client.ObjectKey, obj client.Object) error { // want Object:"reaches Kubernetes Secret read unless argument 2 \\(Kubernetes resource\\) is harmless"
	return k.c.Get(ctx, key, obj)
}

func (k *Cluster) Anything(ctx context.Context, kind string, key client.ObjectKey) (*unstructured.Unstructured, error) { // want Anything:"reaches Kubernetes Secret read"
	u := &unstructured.Unstructured{}
	u.SetKind(kind)
	return u, k.c.Get(ctx, key, u)
}

// Running a command in a pod.

func (k *Cluster) Exec(ctx context.Context, u *url.URL) error { // want Exec:"reaches mutating Kubernetes API request"
	ex, err := remotecommand.NewSPDYExecutor(k.cfg, "POST", u)
	if err != nil {
		return err
	}
	return ex.StreamWithContext(ctx, remotecommand.StreamOptions{Stdout: os.Stdout})
}
