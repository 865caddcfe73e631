package openapi

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"
)

// Extensions a document may be written in.
var Extensions = []string{".yaml", ".yml", ".json"}

// HasExtension reports whether name could hold an OpenAPI document.
func HasExtension(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml" || ext == ".json"
}

var (
	// A top-level key in block YAML starts in column 1.
	yamlVersionKey = regexp.MustCompile(`(?m)^["']?(openapi|swagger)["']?[ \t]*:`)
	// In JSON the key can be anywhere; a match only says "worth decoding".
	jsonVersionKey = regexp.MustCompile(`"(openapi|swagger)"\s*:`)
)

// Sniff tells whether data is an OpenAPI document and which version it is
// written in: "2.0", "3.0" or "3.1" (3.2 and later count as "3.1": they are
// read with the same model). It looks only at top-level keys, so a JSON
// schema or a Kubernetes manifest that mentions "openapi" deeper down is not
// taken for a document.
func Sniff(data []byte) (version string, ok bool) {
	data = Decode(data)
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if !jsonVersionKey.Match(data) {
			return "", false
		}
		var head struct {
			OpenAPI any `json:"openapi"`
			Swagger any `json:"swagger"`
		}
		if json.Unmarshal(trimmed, &head) != nil {
			// Broken JSON that names a version is a document the user
			// wants to hear about; the loader reports what is wrong.
			if m := jsonVersionKey.FindSubmatch(data); m != nil && string(m[1]) == "swagger" {
				return "2.0", true
			}
			return "3.0", true
		}
		return classify(head.OpenAPI, head.Swagger)
	}
	return sniffYAML(data)
}

func sniffYAML(data []byte) (string, bool) {
	// Reading the key's own line keeps discovery cheap: a 20 MB spec is not
	// parsed twice just to learn that it is one.
	m := yamlVersionKey.FindSubmatchIndex(data)
	if m == nil {
		return "", false
	}
	key := string(data[m[2]:m[3]])
	rest := data[m[1]:]
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	if i := bytes.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	value := strings.Trim(strings.TrimSpace(string(line)), `"'`)
	if key == "openapi" {
		return classify(value, nil)
	}
	return classify(nil, value)
}

func classify(openapi, swagger any) (string, bool) {
	if v, ok := openapi.(string); ok {
		switch {
		case strings.HasPrefix(v, "3.0"):
			return "3.0", true
		case strings.HasPrefix(v, "3."):
			return "3.1", true
		}
		return "", false
	}
	if swagger != nil {
		if v, ok := swagger.(string); ok && strings.HasPrefix(v, "2") {
			return "2.0", true
		}
		if v, ok := swagger.(float64); ok && v == 2 {
			return "2.0", true
		}
	}
	return "", false
}
