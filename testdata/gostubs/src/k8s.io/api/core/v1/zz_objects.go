package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// Objects of the core group (k8s.io/api v0.36), as the capability tests
// use them.

type Secret struct {
	metav1.ObjectMeta
	Data map[string][]byte
}

type SecretList struct {
	metav1.ListMeta
	Items []Secret
}

type Pod struct {
	metav1.ObjectMeta
}

type PodList struct {
	metav1.ListMeta
	Items []Pod
}

type ConfigMap struct {
	metav1.ObjectMeta
	Data map[string]string
}
