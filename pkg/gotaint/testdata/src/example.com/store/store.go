// Package store declares a storage interface; its implementations live
// elsewhere.
package store

// Storage keeps named items.
type Storage[T any] interface {
	Get(name string) (*T, error)
	Delete(name string) error
}

// Runner runs a command line.
type Runner interface {
	Run(line string) error
}

// Fetcher fetches a page.
type Fetcher interface {
	Fetch(url string) (string, error)
}
