// Package ident splits identifiers (operation, parameter, tool, header
// and environment variable names) into words, one way for every rule.
package ident

import (
	"strings"
	"unicode"
)

// Words splits an identifier into lowercase words at separators and case
// changes: "nextPageToken", "next_page_token" and "Next-Page-Token" all give
// next, page, token; "APIKey" gives api, key; "HTTPProxy" gives http, proxy;
// "v2Token" gives v2, token. Rules match names word by word with it, so that
// "tokenizer" is not "token" and "max_tokens" is not "token".
func Words(name string) []string {
	var out []string
	var cur []rune
	rs := []rune(name)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
			unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush() // fooBar, v2Bar, or the Bar of HTTPBar
		}
		cur = append(cur, r)
	}
	flush()
	return out
}
