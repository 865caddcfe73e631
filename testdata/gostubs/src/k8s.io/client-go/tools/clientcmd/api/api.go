// Package api is a stub of client-go's kubeconfig types.
package api

type Config struct {
	CurrentContext string
}
