package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// The standard library: net/http request data, the out-parameters of the
// decoders, string building, and the sinks every service has (commands,
// SQL, file paths, outbound URLs, HTML, redirects).
func init() {
	req := func(what string) SourceModel { return SourceModel{Kind: Request, What: what, Out: Ret} }
	library(Models{
		Sources: goapi.Table[SourceModel]{}.Merge(
			goapi.Set(req("a form value"), "(*net/http.Request).FormValue", "(*net/http.Request).PostFormValue", "(*net/http.Request).FormFile"),
			goapi.Set(req("a path parameter"), "(*net/http.Request).PathValue"),
			goapi.Set(req("a cookie"), "(*net/http.Request).Cookie", "(*net/http.Request).Cookies", "(*net/http.Request).CookiesNamed"),
			goapi.Set(req("the request body"), "(*net/http.Request).MultipartReader"),
			goapi.Set(req("the referer header"), "(*net/http.Request).Referer", "(*net/http.Request).UserAgent"),
			goapi.Set(SourceModel{Kind: Retrieved, What: "an HTTP response", Out: Ret},
				"net/http.Get", "(*net/http.Client).Get", "(*net/http.Client).Do"),
		),
		FieldSources: mergeFields(
			mustFields(SourceModel{Kind: Request, What: "the request body"}, "net/http.Request.Body", "net/http.Request.MultipartForm"),
			mustFields(SourceModel{Kind: Request, What: "the request URL"}, "net/http.Request.URL", "net/http.Request.RequestURI"),
			mustFields(SourceModel{Kind: Request, What: "a request header"}, "net/http.Request.Header", "net/http.Request.Trailer"),
			mustFields(SourceModel{Kind: Request, What: "a form value"}, "net/http.Request.Form", "net/http.Request.PostForm"),
		),
		Moves: goapi.Table[Move]{}.Merge(
			goapi.Set(Move{From: []int{0}, To: 1}, "encoding/json.Unmarshal", "encoding/xml.Unmarshal", "encoding/gob.Unmarshal"),
			goapi.Set(Move{From: []int{Recv}, To: 0}, "(*encoding/json.Decoder).Decode", "(*encoding/xml.Decoder).Decode", "(*encoding/gob.Decoder).Decode"),
			goapi.Set(Move{From: []int{0}, To: Recv},
				"(*strings.Builder).WriteString", "(*strings.Builder).Write", "(*strings.Builder).WriteByte", "(*strings.Builder).WriteRune",
				"(*bytes.Buffer).WriteString", "(*bytes.Buffer).Write", "(*bytes.Buffer).WriteByte", "(*bytes.Buffer).WriteRune",
				"(*bytes.Buffer).ReadFrom", "(*bufio.Writer).WriteString", "(*bufio.Writer).Write"),
			goapi.Set(Move{From: []int{1, 2}, To: 0}, "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln", "io.WriteString"),
			goapi.Set(Move{From: []int{1}, To: 0}, "io.Copy", "io.CopyN", "io.CopyBuffer", "io.ReadFull", "io.ReadAtLeast"),
			// The output holds the data and the template's own text: a
			// template parsed from untrusted text (reported where it is
			// parsed) writes that text too.
			goapi.Set(Move{From: []int{Recv, 2}, To: 0}, "(*text/template.Template).Execute", "(*html/template.Template).Execute"),
			goapi.Set(Move{From: []int{Recv, 3}, To: 0}, "(*text/template.Template).ExecuteTemplate", "(*html/template.Template).ExecuteTemplate"),
		),
		Sanitizers: goapi.Set(true,
			"path/filepath.Base", "path.Base", "html.EscapeString", "html/template.HTMLEscapeString",
			"text/template.HTMLEscapeString", "net/url.QueryEscape", "net/url.PathEscape", "strconv.Quote",
			// Files and directories the program creates itself: their
			// names are made by the os package (a random suffix under
			// the directory given), so a later remove or read of them is
			// not a path the request chose (a creation under an
			// untrusted directory is reported at the creation).
			"os.MkdirTemp", "os.CreateTemp", "io/ioutil.TempDir", "io/ioutil.TempFile"),
		Validators: goapi.Table[int]{}.Merge(
			goapi.Set(1, "slices.Contains", "slices.Index"),
			goapi.Set(0, "path/filepath.IsLocal"),
			goapi.Set(0, "(*regexp.Regexp).MatchString", "(*regexp.Regexp).Match"),
			// Schema and struct validators: their error says whether
			// the value is valid (if err != nil { return }).
			goapi.Set(0, "(*github.com/google/jsonschema-go/jsonschema.Resolved).Validate",
				"(*github.com/santhosh-tekuri/jsonschema.Schema).Validate",
				"(*github.com/go-playground/validator.Validate).Struct",
				"(*github.com/go-playground/validator.Validate).Var"),
		),
		Sinks: allSinks(
			sinks(SinkModel{Kind: Exec, Args: []int{0, 1}, Shell: true}, "os/exec.Command"),
			sinks(SinkModel{Kind: Exec, Args: []int{1, 2}, Shell: true}, "os/exec.CommandContext"),
			sinks(SinkModel{Kind: Exec, Args: []int{0, 1}}, "os.StartProcess", "syscall.Exec", "syscall.ForkExec"),
			sinks(SinkModel{Kind: SQL, Args: []int{0}},
				"(*database/sql.DB).Query", "(*database/sql.DB).QueryRow", "(*database/sql.DB).Exec", "(*database/sql.DB).Prepare",
				"(*database/sql.Tx).Query", "(*database/sql.Tx).QueryRow", "(*database/sql.Tx).Exec", "(*database/sql.Tx).Prepare"),
			sinks(SinkModel{Kind: SQL, Args: []int{1}},
				"(*database/sql.DB).QueryContext", "(*database/sql.DB).QueryRowContext", "(*database/sql.DB).ExecContext", "(*database/sql.DB).PrepareContext",
				"(*database/sql.Tx).QueryContext", "(*database/sql.Tx).QueryRowContext", "(*database/sql.Tx).ExecContext", "(*database/sql.Tx).PrepareContext",
				"(*database/sql.Conn).QueryContext", "(*database/sql.Conn).QueryRowContext", "(*database/sql.Conn).ExecContext", "(*database/sql.Conn).PrepareContext"),
			sinks(SinkModel{Kind: Path, Args: []int{0}},
				"os.Open", "os.OpenFile", "os.ReadFile", "os.WriteFile", "os.Create", "os.Remove", "os.RemoveAll",
				"os.Mkdir", "os.MkdirAll", "os.ReadDir", "os.Chmod", "os.Truncate", "os.Stat", "os.Lstat", "io/ioutil.ReadFile", "io/ioutil.WriteFile"),
			sinks(SinkModel{Kind: Path, Args: []int{0, 1}}, "os.Rename", "os.Symlink", "os.Link"),
			sinks(SinkModel{Kind: URL, Args: []int{0}}, "net/http.Get", "net/http.Head", "net/http.Post", "net/http.PostForm",
				"(*net/http.Client).Get", "(*net/http.Client).Head", "(*net/http.Client).Post", "(*net/http.Client).PostForm"),
			sinks(SinkModel{Kind: URL, Args: []int{1}}, "net/http.NewRequest"),
			sinks(SinkModel{Kind: URL, Args: []int{2}}, "net/http.NewRequestWithContext"),
			sinks(SinkModel{Kind: Redirect, Args: []int{2}}, "net/http.Redirect"),
			sinks(SinkModel{Kind: Template, Args: []int{0}, What: "template.Parse"}, "(*text/template.Template).Parse", "(*html/template.Template).Parse"),
		),
	}, "net/http", "encoding/json", "os/exec", "database/sql", "os", "html/template", "text/template")
	// template.HTML(x) is a conversion, not a call; the engine reports it
	// through htmlTypes.
}

// htmlTypes are string types whose values are trusted as markup.
var htmlTypes = []Field{{Pkg: "html/template", Type: "HTML"}, {Pkg: "html/template", Type: "JS"}, {Pkg: "html/template", Type: "URL"}}

func mergeFields[V any](ms ...map[Field]V) map[Field]V {
	out := map[Field]V{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
