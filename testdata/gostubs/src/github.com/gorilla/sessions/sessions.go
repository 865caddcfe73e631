// Package sessions is a stub of github.com/gorilla/sessions, checked
// against v1.4.0: a store reads a signed session cookie named by its
// second argument.
package sessions

import "net/http"

type Session struct {
	Values map[interface{}]interface{}
	Name   string
}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return nil }

type Store interface {
	Get(r *http.Request, name string) (*Session, error)
	New(r *http.Request, name string) (*Session, error)
	Save(r *http.Request, w http.ResponseWriter, s *Session) error
}

type CookieStore struct{}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{} }

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }
func (s *CookieStore) New(r *http.Request, name string) (*Session, error) { return nil, nil }
func (s *CookieStore) Save(r *http.Request, w http.ResponseWriter, session *Session) error {
	return nil
}

type FilesystemStore struct{}

func (s *FilesystemStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }
