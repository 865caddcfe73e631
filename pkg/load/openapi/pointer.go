package openapi

import "strings"

var (
	escaper   = strings.NewReplacer("~", "~0", "/", "~1")
	unescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// Pointer builds an RFC 6901 JSON pointer from unescaped reference tokens:
// Pointer("paths", "/pets/{id}", "get") == "/paths/~1pets~1{id}/get".
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escaper.Replace(t))
	}
	return b.String()
}

// Join appends unescaped tokens to an existing pointer.
func Join(ptr string, tokens ...string) string {
	return ptr + Pointer(tokens...)
}

// Split returns the unescaped reference tokens of a pointer. "" and "/" give
// none and [""] respectively, as RFC 6901 says.
func Split(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, p := range parts {
		if strings.Contains(p, "~") {
			parts[i] = unescaper.Replace(p)
		}
	}
	return parts
}
