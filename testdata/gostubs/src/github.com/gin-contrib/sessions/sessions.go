// Package sessions is a stub of github.com/gin-contrib/sessions, checked
// against v1.0.4: a gin middleware loads the session of a signed cookie,
// and Default hands it to a handler.
package sessions

import "github.com/gin-gonic/gin"

type Store interface{}

type Session interface {
	ID() string
	Get(key interface{}) interface{}
	Set(key interface{}, val interface{})
	Delete(key interface{})
	Clear()
	Save() error
}

func Sessions(name string, store Store) gin.HandlerFunc { return nil }

func Default(c *gin.Context) Session { return nil }

func DefaultMany(c *gin.Context, name string) Session { return nil }
