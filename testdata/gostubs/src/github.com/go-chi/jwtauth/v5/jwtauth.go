// Package jwtauth is a stub of github.com/go-chi/jwtauth/v5, checked against v5.3.3.
package jwtauth

import "net/http"

type JWTAuth struct{}

func New(alg string, signKey interface{}, verifyKey interface{}) *JWTAuth { return nil }
func Verifier(ja *JWTAuth) func(http.Handler) http.Handler                { return nil }
func Verify(ja *JWTAuth, findTokenFns ...func(r *http.Request) string) func(http.Handler) http.Handler {
	return nil
}
func Authenticator(ja *JWTAuth) func(http.Handler) http.Handler { return nil }
