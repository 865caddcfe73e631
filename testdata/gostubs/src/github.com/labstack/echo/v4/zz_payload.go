// Stub of github.com/labstack/echo/v4, checked against v4.16.0 (payload rules: Context binder).
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	Bind(i any) error
	Validate(i any) error
	JSON(code int, i any) error
}
