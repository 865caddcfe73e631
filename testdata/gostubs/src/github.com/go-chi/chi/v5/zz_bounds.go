// Stub of github.com/go-chi/chi/v5, checked against v5.5.0: what the bounds
// rules use.
package chi
