// Package kv stands for a cache library outside the module: its code
// has no source or sink, so the engine keeps no summary of it.
package kv

type Cache struct{ items map[string]any }

func (c *Cache) Get(key string) (any, bool) {
	v, ok := c.items[key]
	return v, ok
}

// With returns a copy of the cache under a prefix: a builder, not a
// lookup.
func (c *Cache) With(prefix string) *Cache { return c }

type Entry struct{ Path string }

func (c *Cache) Entry(key string) (*Entry, error) {
	v, _ := c.items[key].(*Entry)
	return v, nil
}
