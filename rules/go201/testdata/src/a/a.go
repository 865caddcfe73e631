package a

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
)

type prompt struct{ Text string }

func readAll(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit`
	_ = b
}

func decode(w http.ResponseWriter, req *http.Request) {
	var p prompt
	_ = json.NewDecoder(req.Body).Decode(&p) // want `json.NewDecoder reads req.Body with no size limit`
	_ = xml.NewDecoder(req.Body)             // want `xml.NewDecoder reads req.Body with no size limit`
}

// multipart parses the form once: one finding, at the read, with the
// later uses of the parsed form as related locations.
func multipart(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseMultipartForm(32 << 20) // want `r.ParseMultipartForm reads a multipart body with no size limit$`
	_, _, _ = r.FormFile("doc")
	_, _, _ = r.FormFile("attachment")
}

// upload reads the form only through FormFile: reported there.
func upload(w http.ResponseWriter, r *http.Request) {
	_, _, _ = r.FormFile("doc") // want `r.FormFile reads a multipart body with no size limit$`
}

func readBeforeLimit(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body) // want `io.ReadAll reads r.Body with no size limit`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	_ = b
}

func register(mux *http.ServeMux) {
	mux.HandleFunc("/v1/chat", func(w http.ResponseWriter, r *http.Request) {
		var p prompt
		_ = json.NewDecoder(r.Body).Decode(&p) // want `json.NewDecoder reads r.Body with no size limit`
	})
	mux.Handle("/v1/upload", http.MaxBytesHandler(http.HandlerFunc(limitedByHandler), 1<<20))
	mux.Handle("/v1/files", http.MaxBytesHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
	}), 1<<20))
}

// Good cases: silent.

func limited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var p prompt
	_ = json.NewDecoder(r.Body).Decode(&p)
	_ = r.ParseMultipartForm(1 << 20)
	b, _ := io.ReadAll(r.Body)
	_ = b
}

func limitReader(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	_ = b
}

func limitedByHandler(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
}

func form(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm() // net/http caps url-encoded forms at 10 MB
}

// notHandler has no ResponseWriter: a helper whose caller may have limited
// the body, which this rule does not follow.
func notHandler(r *http.Request) []byte {
	b, _ := io.ReadAll(r.Body)
	return b
}

func response(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://example.com")
	if err != nil {
		return
	}
	b, _ := io.ReadAll(resp.Body) // a response body, not the request's
	_ = b
}

func streamParts(w http.ResponseWriter, r *http.Request) {
	mr, _ := r.MultipartReader() // want `r.MultipartReader reads a multipart body with no size limit`
	_ = mr
}

func limitedParts(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	mr, _ := r.MultipartReader()
	_ = mr
}

func limitReaderBody(w http.ResponseWriter, r *http.Request) {
	r.Body = io.NopCloser(io.LimitReader(r.Body, 1<<20))
	var p prompt
	_ = json.NewDecoder(r.Body).Decode(&p)
}

func limitReaderDecode(w http.ResponseWriter, r *http.Request) {
	var p prompt
	_ = json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&p)
}
