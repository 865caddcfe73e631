package a

import (
	"io"
	"net/http"
	"text/template"
)

// A step template fetched from a URL the workflow names: a note that says
// so. A template a request sends stays an error.
func loadStep(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	text, _ := io.ReadAll(resp.Body)
	template.New("step").Parse(string(text)) // want `untrusted data is compiled as a template in template.Parse, from an HTTP response body \(source at grades.go:\d+\) \(a note, not an error: the template is content the program fetched`
}

func stepFromRequest(w http.ResponseWriter, r *http.Request) {
	template.New("step").Parse(r.FormValue("step")) // want `untrusted data is compiled as a template in template.Parse, from a form value \(source at grades.go:\d+\)$`
}
