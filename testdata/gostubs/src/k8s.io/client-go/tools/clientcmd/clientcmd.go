// Package clientcmd is a stub of client-go's kubeconfig loading, for the
// rules' tests: the functions that read a kubeconfig, whose users may name
// an exec credential plugin that client-go runs.
package clientcmd

import (
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd/api"
)

type ConfigOverrides struct{}

type ClientConfig interface {
	ClientConfig() (*rest.Config, error)
}

func Load(data []byte) (*api.Config, error)                             { return nil, nil }
func LoadFromFile(filename string) (*api.Config, error)                 { return nil, nil }
func RESTConfigFromKubeConfig(configBytes []byte) (*rest.Config, error) { return nil, nil }
func NewClientConfigFromBytes(configBytes []byte) (ClientConfig, error) { return nil, nil }
func BuildConfigFromFlags(masterUrl, kubeconfigPath string) (*rest.Config, error) {
	return nil, nil
}
func NewDefaultClientConfig(config api.Config, overrides *ConfigOverrides) ClientConfig { return nil }
