// Package jwt is a stub of github.com/golang-jwt/jwt/v5, checked against v5.3.1.
package jwt

type Claims interface{}

type MapClaims map[string]interface{}

type Token struct {
	Raw   string
	Valid bool
}

type Keyfunc func(*Token) (interface{}, error)

type ParserOption func(*Parser)

type Parser struct{}

func NewParser(options ...ParserOption) *Parser { return nil }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }
func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}
