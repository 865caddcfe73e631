// Stub of github.com/labstack/echo/v4, checked against v4.16.0 (payload rules: Context binder).
package echo
