// Stub of github.com/gin-gonic/gin, checked against v1.12.0 (payload rules: binders and raw body).
package gin
