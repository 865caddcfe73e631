package goapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"
	"strings"
	"unicode"
)

// Capability is a set of things code can do that matter when an agent, a
// tool or an anonymous client can make it happen.
type Capability uint16

const (
	Exec            Capability = 1 << iota // runs another program
	FileWrite                              // creates, writes, renames or changes files
	FileDelete                             // removes files or directories
	SQLWrite                               // changes a database
	ClusterWrite                           // sends a mutating Kubernetes API request (create, update, patch, delete, apply; exec or port-forward in a pod)
	HTTPWrite                              // sends a mutating HTTP request (POST, PUT, PATCH, DELETE)
	HTTPPost                               // POSTs to an RPC method whose name says neither read nor write: weak evidence of a change
	ModelCall                              // calls a language model
	AgentRun                               // runs an agent or tool loop
	SecretRead                             // reads Kubernetes Secrets (or a resource the caller chooses, which may be one)
	SQLRead                                // reads a database
	numCapabilities = iota
)

// Destructive is the set of capabilities that change the world outside the
// process: a tool that has one of them is neither read-only nor safe to
// run without asking.
const Destructive = Exec | FileWrite | FileDelete | SQLWrite | ClusterWrite | HTTPWrite | HTTPPost

// Sensitive is what makes an HTTP route worth protecting even for GET:
// destructive capabilities and the costly ones.
const Sensitive = Destructive | ModelCall | AgentRun

var capNames = [numCapabilities]string{"command execution", "file write", "file removal", "database write",
	"mutating Kubernetes API request", "mutating HTTP request", "POST to an RPC method of unknown effect", "model call",
	"agent run", "Kubernetes Secret read", "database read"}

// String lists the capabilities in c, most serious first.
func (c Capability) String() string {
	var out []string
	for _, one := range c.Each() {
		out = append(out, capNames[bits.TrailingZeros16(uint16(one))])
	}
	return strings.Join(out, ", ")
}

// Each returns the single capabilities in c, in declaration order.
func (c Capability) Each() []Capability {
	var out []Capability
	for i := range numCapabilities {
		if one := Capability(1 << i); c&one != 0 {
			out = append(out, one)
		}
	}
	return out
}

// Reads are the capabilities that change nothing but hand out data the
// program can reach with its own credentials: what an unauthenticated
// caller gets from a server whose tools only read.
const Reads = SecretRead | SQLRead

// Capabilities are the library calls that have a capability by themselves.
// Calls whose capability depends on an argument (os.OpenFile's flags, an
// http.NewRequest method, the text of a SQL query) are decided by
// CallCapability.
var Capabilities = Table[Capability]{}.Merge(
	Set(Exec,
		"os/exec.Command", "os/exec.CommandContext", "os.StartProcess",
		"syscall.Exec", "syscall.ForkExec", "syscall.StartProcess"),
	Set(FileWrite,
		"os.WriteFile", "os.Create", "os.Rename", "os.Chmod", "os.Chown", "os.Lchown",
		"os.Truncate", "os.Symlink", "os.Link", "os.Mkdir", "os.MkdirAll", "os.CopyFS",
		"io/ioutil.WriteFile",
		"(*os.Root).Create", "(*os.Root).WriteFile", "(*os.Root).Mkdir", "(*os.Root).MkdirAll", "(*os.Root).Rename",
		"(*os.Root).Chmod", "(*os.Root).Chown", "(*os.Root).Symlink", "(*os.Root).Link"),
	Set(FileDelete,
		"os.Remove", "os.RemoveAll", "(*os.Root).Remove", "(*os.Root).RemoveAll"),
	Set(SQLWrite,
		"(*database/sql.DB).Exec", "(*database/sql.DB).ExecContext",
		"(*database/sql.Tx).Exec", "(*database/sql.Tx).ExecContext",
		"(*database/sql.Conn).ExecContext",
		"(*database/sql.Stmt).Exec", "(*database/sql.Stmt).ExecContext",
		"(*gorm.io/gorm.DB).Create", "(*gorm.io/gorm.DB).Save", "(*gorm.io/gorm.DB).Delete",
		"(*gorm.io/gorm.DB).Update", "(*gorm.io/gorm.DB).Updates", "(*gorm.io/gorm.DB).Exec",
		"(*github.com/jackc/pgx/pgxpool.Pool).Exec", "(*github.com/jackc/pgx.Conn).Exec",
		// Document databases: the MongoDB driver (v1 and v2) and mgo.
		"(*go.mongodb.org/mongo-driver/mongo.Collection).InsertOne", "(*go.mongodb.org/mongo-driver/mongo.Collection).InsertMany",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).UpdateOne", "(*go.mongodb.org/mongo-driver/mongo.Collection).UpdateMany",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).UpdateByID", "(*go.mongodb.org/mongo-driver/mongo.Collection).ReplaceOne",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).DeleteOne", "(*go.mongodb.org/mongo-driver/mongo.Collection).DeleteMany",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).FindOneAndUpdate", "(*go.mongodb.org/mongo-driver/mongo.Collection).FindOneAndReplace",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).FindOneAndDelete", "(*go.mongodb.org/mongo-driver/mongo.Collection).BulkWrite",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).Drop", "(*go.mongodb.org/mongo-driver/mongo.Database).Drop",
		"(*gopkg.in/mgo.v2.Collection).Insert", "(*gopkg.in/mgo.v2.Collection).Update", "(*gopkg.in/mgo.v2.Collection).UpdateAll",
		"(*gopkg.in/mgo.v2.Collection).Upsert", "(*gopkg.in/mgo.v2.Collection).Remove", "(*gopkg.in/mgo.v2.Collection).RemoveAll",
		"(*github.com/globalsign/mgo.Collection).Insert", "(*github.com/globalsign/mgo.Collection).Update",
		"(*github.com/globalsign/mgo.Collection).UpdateAll", "(*github.com/globalsign/mgo.Collection).Upsert",
		"(*github.com/globalsign/mgo.Collection).Remove", "(*github.com/globalsign/mgo.Collection).RemoveAll"),
	Set(SQLRead,
		"(*database/sql.Conn).QueryContext", "(*database/sql.Conn).QueryRowContext",
		"(*database/sql.Stmt).Query", "(*database/sql.Stmt).QueryContext",
		"(*database/sql.Stmt).QueryRow", "(*database/sql.Stmt).QueryRowContext",
		"(*gorm.io/gorm.DB).Find", "(*gorm.io/gorm.DB).First", "(*gorm.io/gorm.DB).Take",
		"(*gorm.io/gorm.DB).Last", "(*gorm.io/gorm.DB).Scan", "(*gorm.io/gorm.DB).Count",
		"(*github.com/jackc/pgx/pgxpool.Pool).Query", "(*github.com/jackc/pgx/pgxpool.Pool).QueryRow",
		"(*github.com/jackc/pgx.Conn).Query", "(*github.com/jackc/pgx.Conn).QueryRow",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).Find", "(*go.mongodb.org/mongo-driver/mongo.Collection).FindOne",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).Aggregate", "(*go.mongodb.org/mongo-driver/mongo.Collection).CountDocuments",
		"(*go.mongodb.org/mongo-driver/mongo.Collection).Distinct",
		"(*gopkg.in/mgo.v2.Collection).Find", "(*gopkg.in/mgo.v2.Collection).FindId",
		"(*github.com/globalsign/mgo.Collection).Find", "(*github.com/globalsign/mgo.Collection).FindId"),
	Set(HTTPWrite,
		"net/http.Post", "net/http.PostForm", "(*net/http.Client).Post", "(*net/http.Client).PostForm"),
	Set(ModelCall,
		// github.com/sashabaranov/go-openai
		"(*github.com/sashabaranov/go-openai.Client).CreateChatCompletion",
		"(*github.com/sashabaranov/go-openai.Client).CreateChatCompletionStream",
		"(*github.com/sashabaranov/go-openai.Client).CreateCompletion",
		"(*github.com/sashabaranov/go-openai.Client).CreateCompletionStream",
		"(*github.com/sashabaranov/go-openai.Client).CreateRun",
		"(*github.com/sashabaranov/go-openai.Client).CreateThreadAndRun",
		// github.com/openai/openai-go
		"(*github.com/openai/openai-go.ChatCompletionService).New",
		"(*github.com/openai/openai-go.ChatCompletionService).NewStreaming",
		"(*github.com/openai/openai-go.CompletionService).New",
		"(*github.com/openai/openai-go/responses.ResponseService).New",
		"(*github.com/openai/openai-go/responses.ResponseService).NewStreaming",
		// github.com/anthropics/anthropic-sdk-go
		"(*github.com/anthropics/anthropic-sdk-go.MessageService).New",
		"(*github.com/anthropics/anthropic-sdk-go.MessageService).NewStreaming",
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).New",
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewStreaming",
		// google.golang.org/genai
		"(*google.golang.org/genai.Models).GenerateContent",
		"(*google.golang.org/genai.Models).GenerateContentStream",
		"(*google.golang.org/genai.Chat).SendMessage",
		"(*google.golang.org/genai.Chat).SendMessageStream",
		// github.com/tmc/langchaingo
		"(github.com/tmc/langchaingo/llms.Model).GenerateContent",
		"(github.com/tmc/langchaingo/llms.Model).Call",
		"github.com/tmc/langchaingo/llms.GenerateFromSinglePrompt",
		// github.com/ollama/ollama/api
		"(*github.com/ollama/ollama/api.Client).Generate",
		"(*github.com/ollama/ollama/api.Client).Chat",
		// github.com/firebase/genkit/go
		"github.com/firebase/genkit/go/genkit.Generate",
		"github.com/firebase/genkit/go/genkit.GenerateText",
		"github.com/firebase/genkit/go/genkit.GenerateData"),
	Set(AgentRun,
		"github.com/tmc/langchaingo/chains.Run", "github.com/tmc/langchaingo/chains.Call",
		"github.com/tmc/langchaingo/chains.Predict",
		"(*github.com/tmc/langchaingo/agents.Executor).Call",
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunner",
		"(*github.com/anthropics/anthropic-sdk-go.BetaMessageService).NewToolRunnerStreaming"),
)

var (
	fnOpenFile   = MustFunc("os.OpenFile")
	fnRootOpen   = MustFunc("(*os.Root).OpenFile")
	fnNewRequest = Set(true, "net/http.NewRequest", "net/http.NewRequestWithContext")
	fnQuery      = Set(true,
		"(*database/sql.DB).Query", "(*database/sql.DB).QueryContext", "(*database/sql.DB).QueryRow", "(*database/sql.DB).QueryRowContext",
		"(*database/sql.Tx).Query", "(*database/sql.Tx).QueryContext", "(*database/sql.Tx).QueryRow", "(*database/sql.Tx).QueryRowContext")
	// fnPost are the calls that POST to the URL in their first argument.
	fnPost = Set(true, "net/http.Post", "net/http.PostForm", "(*net/http.Client).Post", "(*net/http.Client).PostForm")
	// fnPathWrite are the file writes whose first argument is the path
	// written: a path under a cache or temporary directory is no change
	// that matters to anyone (ArgKind PathArg).
	fnPathWrite = Set(true, "os.WriteFile", "os.Create", "os.Mkdir", "os.MkdirAll", "io/ioutil.WriteFile")
	// fnExec run a statement that returns no rows: a write, unless its
	// text is a constant that changes no data (see QuietSQL).
	fnExec = Set(true,
		"(*database/sql.DB).Exec", "(*database/sql.DB).ExecContext",
		"(*database/sql.Tx).Exec", "(*database/sql.Tx).ExecContext",
		"(*database/sql.Conn).ExecContext",
		"(*github.com/jackc/pgx/pgxpool.Pool).Exec", "(*github.com/jackc/pgx.Conn).Exec")
	// fnRemove remove the path in their only argument.
	fnRemove = Set(true, "os.Remove", "os.RemoveAll")
	// fnMakeTemp create a new, uniquely named temporary directory or file.
	fnMakeTemp = Set(true, "os.MkdirTemp", "os.CreateTemp", "io/ioutil.TempDir", "io/ioutil.TempFile")
)

// madeHere reports whether the path e names a temporary directory or file
// that the function in scope sc created itself (dir, err :=
// os.MkdirTemp("", "x-*"); f, err := os.CreateTemp(...) and f.Name()),
// or a path inside one (filepath.Join(dir, name)): removing it is cleanup,
// and writing in it touches nothing that was there before.
func (j *Judge) madeHere(e ast.Expr, sc *Scope, depth int) bool {
	if sc == nil || sc.Body == nil || depth > maxJudgeDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := j.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		if _, param := sc.Params[v]; param {
			return false
		}
		values := assignments(j.info, sc.Body, v)
		if len(values) == 0 {
			return false
		}
		for _, val := range values {
			if call, ok := ast.Unparen(val).(*ast.CallExpr); ok {
				if fn := Callee(j.info, call); fn != nil && fnMakeTemp[Of(fn)] {
					continue
				}
			}
			if !j.madeHere(val, sc, depth+1) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		fn := Callee(j.info, x)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch {
		case (fn.Pkg().Path() == "path/filepath" || fn.Pkg().Path() == "path") && fn.Name() == "Join" && len(x.Args) > 0 && !x.Ellipsis.IsValid():
			return j.madeHere(x.Args[0], sc, depth+1)
		case Of(fn) == Func{Pkg: "os", Recv: "File", Name: "Name"}:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return j.madeHere(sel.X, sc, depth+1)
			}
		}
	}
	return false
}

// CallCapability is what a call does by itself: a table entry, or a
// capability that depends on an argument (os.OpenFile with write flags,
// http.NewRequest with a mutating method, a query whose text changes
// data). It does not look into the callee's body. An argument that a
// Judge would trace to a parameter of the enclosing function counts as
// harmful here: use (*Judge).Call to keep such capabilities conditional.
func CallCapability(info *types.Info, call *ast.CallExpr) (Capability, *types.Func) {
	c, conds, fn := NewJudge(info).Call(call, nil)
	for _, cd := range conds {
		c |= cd.Cap
	}
	return c, fn
}

// ArgKind is what an argument of a call decides about a capability.
type ArgKind uint8

const (
	// MethodArg is an HTTP method: GET, HEAD and the other safe methods
	// change nothing.
	MethodArg ArgKind = iota + 1
	// URLArg is the URL of a POST: one whose last path segment names a
	// read method (conversations.list, users/search, /websites/search) is
	// an RPC-style read, as Slack's Web API or 1Panel's search endpoints
	// serve them, not a change.
	URLArg
	// PathArg is the path of a file written: a file under a cache or a
	// temporary directory (os.UserCacheDir, os.TempDir, a path named
	// cache) is the program's own scratch space, not a change to the
	// world.
	PathArg
	// ResourceArg is what a Kubernetes read returns: a resource name, a
	// GroupVersionResource or a typed object. Secrets, and a resource
	// chosen at run time, are a Secret read; another known resource is
	// not (see kubernetes.go).
	ResourceArg
)

func (k ArgKind) String() string {
	return [...]string{"", "HTTP method", "request URL", "file path", "Kubernetes resource"}[k]
}

// Cond is a capability that a function has unless a call passes a
// harmless value as argument Arg (see ArgKind): a helper such as
// post(ctx, url, body), whose POST is a read or a write according to the
// URL its callers give it. Via is how the capability is reached, as in
// reach facts.
//
// A method kept in a struct field that only a constructor's parameter
// sets (panelClient{Method: method}) is a condition on that constructor
// instead: Ctor names it (goapi.Func notation) and Arg is the index of its
// parameter; a caller that builds the value with a read method in the same
// body is judged harmless.
//
// A method condition also says what is known of the URL, for the case
// where a caller passes POST: URL is 0 when nothing is (a POST is a
// write), URLRead or URLWeak when the callee's URL names a read method or
// an RPC method of unknown effect, and p+1 when the URL comes from
// parameter p.
type Cond struct {
	Cap  Capability
	Kind ArgKind
	Arg  int
	URL  int
	Ctor string
	Via  string
}

// Values of Cond.URL that are not parameters.
const (
	URLRead = -1
	URLWeak = -2
)

// urlOf is the Cond.URL for a verdict on a URL.
func urlOf(v Verdict) int {
	switch {
	case v >= 0:
		return int(v) + 1
	case v == Benign:
		return URLRead
	case v == Weak:
		return URLWeak
	}
	return 0
}

// Scope is the function a call is judged in: its body, where local
// variables are assigned, and its parameters, which a Judge reports
// rather than judges.
type Scope struct {
	Fn     *types.Func // nil for code judged on its own (a tool's handler)
	Body   ast.Node
	Params map[*types.Var]int // index among the parameters, receiver excluded
}

// NewScope is the scope of fn's body.
func NewScope(fn *types.Func, body ast.Node) *Scope {
	sc := &Scope{Fn: fn, Body: body, Params: map[*types.Var]int{}}
	params := fn.Signature().Params()
	for i := range params.Len() {
		sc.Params[params.At(i)] = i
	}
	return sc
}

// Verdict is what an argument says about a capability: Benign, Risky,
// or, when it is not negative, the index of the enclosing
// function's parameter whose value decides.
type Verdict int

const (
	Benign Verdict = -1 // the capability does not arise
	Risky  Verdict = -2 // it does
	Keep   Verdict = -3 // a constructor's condition that the scope does not decide: its callers may
	Weak   Verdict = -4 // a POST to an RPC method whose name says neither read nor write: HTTPPost
)

// Judge decides the capabilities of calls whose effect depends on their
// arguments, in one package.
type Judge struct {
	info   *types.Info
	files  []*ast.File
	fields map[*types.Var][]fieldWrite // built on first use
}

type fieldWrite struct {
	value ast.Expr
	sc    *Scope // the function that writes it; nil at package level
}

// NewJudge judges calls of a package. Fields are looked up in the files
// passed to SetFiles; without them, a method read from a struct field is
// harmful.
func NewJudge(info *types.Info) *Judge { return &Judge{info: info} }

// SetFiles gives the judge the package's files, in which it looks for the
// values written to a struct field that holds an HTTP method.
func (j *Judge) SetFiles(files []*ast.File) *Judge {
	j.files = files
	return j
}

// Call is what call does by itself, as CallCapability, except that a
// capability decided by an argument that comes from a parameter of the
// function in scope sc is returned as a condition on that parameter (Cond
// with an empty Via; Arg is the parameter's index).
func (j *Judge) Call(call *ast.CallExpr, sc *Scope) (Capability, []Cond, *types.Func) {
	info := j.info
	fn := Callee(info, call)
	if fn == nil {
		return 0, nil, nil
	}
	name := Of(fn)
	on := func(c Capability, k ArgKind, i int) (Capability, []Cond, *types.Func) {
		if i >= len(call.Args) {
			return c, nil, fn
		}
		switch v := j.Arg(k, call.Args[i], sc); {
		case v == Benign:
			return 0, nil, fn
		case v == Weak:
			return HTTPPost, nil, fn
		case v >= 0:
			return 0, []Cond{{Cap: c, Kind: k, Arg: int(v)}}, fn
		}
		return c, nil, fn
	}
	switch {
	case fnPathWrite[name]:
		return on(FileWrite, PathArg, 0)
	case fnRemove[name] && len(call.Args) == 1 && j.madeHere(call.Args[0], sc, 0):
		// Cleanup of a temporary file or directory that the same
		// function created: no change to anything that was there before.
		return 0, nil, fn
	case fnPost[name]:
		return on(HTTPWrite, URLArg, 0)
	}
	if fnExec[name] {
		i := 0
		if strings.HasSuffix(name.Name, "Context") || strings.Contains(name.Pkg, "jackc/pgx") {
			i = 1 // (ctx, query, args...)
		}
		if i < len(call.Args) && QuietSQL(sqlHead(info, call.Args[i])) {
			// Exec(ctx, "BEGIN"): a transaction or session statement,
			// or a read run through Exec, changes no data.
			return 0, nil, fn
		}
	}
	if c, conds, ok := j.kube(call, name, sc); ok {
		return c, conds, fn
	}
	if c, ok := Capabilities.Lookup(fn); ok {
		return c, nil, fn
	}
	switch {
	case name == fnOpenFile || name == fnRootOpen:
		if len(call.Args) >= 2 {
			if v := constValue(info, call.Args[1]); v != nil {
				if n, ok := constant.Int64Val(v); ok && n&0x3 != 0 { // O_WRONLY or O_RDWR
					if name == fnOpenFile {
						return on(FileWrite, PathArg, 0)
					}
					return FileWrite, nil, fn
				}
			}
		}
	case fnNewRequest[name]:
		i := 0
		if name.Name == "NewRequestWithContext" {
			i = 1
		}
		if i >= len(call.Args) {
			break
		}
		if ctor, arg, ok := j.fieldSource(call.Args[i]); ok {
			c := Cond{Cap: HTTPWrite, Kind: MethodArg, Arg: arg, Ctor: Of(ctor).String()}
			switch v := j.resolveCtor(c, sc); {
			case v == Benign:
				return 0, nil, fn
			case v == Keep:
				return 0, []Cond{c}, fn
			case v >= 0:
				return 0, []Cond{{Cap: HTTPWrite, Kind: MethodArg, Arg: int(v)}}, fn
			}
			return HTTPWrite, nil, fn
		}
		m := j.Arg(MethodArg, call.Args[i], sc)
		switch {
		case m == Benign:
		case m >= 0:
			u := 0
			if i+1 < len(call.Args) {
				u = urlOf(j.Arg(URLArg, call.Args[i+1], sc))
			}
			return 0, []Cond{{Cap: HTTPWrite, Kind: MethodArg, Arg: int(m), URL: u}}, fn
		case strings.EqualFold(ConstString(info, call.Args[i]), "POST"):
			// A POST may be a read: judge the URL, or what the code
			// calls it.
			if i+1 < len(call.Args) && readEndpoint(call.Args[i+1], sc) {
				return 0, nil, fn
			}
			return on(HTTPWrite, URLArg, i+1)
		default:
			return HTTPWrite, nil, fn
		}
	case fnQuery[name]:
		i := 0
		if strings.HasSuffix(name.Name, "Context") {
			i = 1
		}
		if i < len(call.Args) && IsWriteSQL(sqlHead(info, call.Args[i])) {
			return SQLWrite, nil, fn
		}
		return SQLRead, nil, fn
	}
	return 0, nil, fn
}

// Resolve judges a condition of a callee at one call of it: Benign when
// the call passes a harmless value, Risky (or Weak) when it does not, and
// when the value comes from a parameter of sc, that parameter's index and
// the condition the caller takes on (c with its indexes moved to the
// caller's parameters). A call that leaves the argument out, as a variadic
// call may, is Risky; so is a reference to the callee that is not a call
// (call nil).
func (j *Judge) Resolve(c Cond, call *ast.CallExpr, sc *Scope) (Verdict, Cond) {
	if c.Ctor != "" {
		if call == nil {
			return Risky, c
		}
		v := j.resolveCtor(c, sc)
		if v >= 0 {
			c.Ctor, c.Arg, c.URL = "", int(v), 0
		}
		return v, c
	}
	arg := func(k ArgKind, i int) Verdict {
		if call == nil || i >= len(call.Args) || call.Ellipsis.IsValid() {
			return Risky
		}
		return j.Arg(k, call.Args[i], sc)
	}
	v := arg(c.Kind, c.Arg)
	if c.Kind != MethodArg {
		if v >= 0 {
			c.Arg = int(v)
		}
		return v, c
	}
	// A method: a POST is judged by what is known of its URL.
	u := 0
	switch {
	case c.URL > 0:
		u = urlOf(arg(URLArg, c.URL-1))
	default:
		u = c.URL
	}
	switch {
	case v >= 0:
		c.Arg, c.URL = int(v), u
		return v, c
	case v == Risky && call != nil && c.Arg < len(call.Args) && strings.EqualFold(ConstString(j.info, call.Args[c.Arg]), "POST"):
		switch {
		case u == URLRead:
			return Benign, c
		case u == URLWeak:
			return Weak, c
		case u > 0:
			return Verdict(u - 1), Cond{Cap: c.Cap, Kind: URLArg, Arg: u - 1, Via: c.Via}
		}
	}
	return v, c
}

// resolveCtor judges a constructor's condition in sc: by the method that
// each call of the constructor in sc's body passes (a POST also by a
// constant argument that names a read method, the path the constructor
// is given beside the method); Keep when the body calls no constructor.
func (j *Judge) resolveCtor(c Cond, sc *Scope) Verdict {
	if sc == nil || sc.Body == nil {
		return Risky
	}
	out := Keep
	ast.Inspect(sc.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || out == Risky {
			return out != Risky
		}
		fn := Callee(j.info, call)
		if fn == nil || Of(fn).String() != c.Ctor {
			return true
		}
		v := Risky
		if c.Arg < len(call.Args) && !call.Ellipsis.IsValid() {
			v = j.Arg(MethodArg, call.Args[c.Arg], sc)
			if v == Risky && strings.EqualFold(ConstString(j.info, call.Args[c.Arg]), "POST") {
				for i, a := range call.Args {
					if i != c.Arg && ReadMethodName(ConstString(j.info, a)) {
						v = Benign
					}
				}
			}
		}
		switch {
		case out == Keep, out == Benign:
			if v != Benign || out == Keep {
				out = v
			}
		case v == Benign:
		case v != out:
			out = Risky
		}
		return true
	})
	return out
}

// fieldSource reports whether e reads a struct field that the package sets
// only to read methods and to parameter arg of one function, ctor (a
// constructor: newClient(method, path string) *client).
func (j *Judge) fieldSource(e ast.Expr) (ctor *types.Func, arg int, ok bool) {
	x, isSel := ast.Unparen(e).(*ast.SelectorExpr)
	if !isSel {
		return nil, 0, false
	}
	sel, isField := j.info.Selections[x]
	if !isField || sel.Kind() != types.FieldVal {
		return nil, 0, false
	}
	for _, w := range j.fieldWrites()[sel.Obj().(*types.Var)] {
		switch v := j.arg(MethodArg, w.value, w.sc, 1); {
		case v == Benign:
		case v >= 0 && w.sc != nil && w.sc.Fn != nil && (ctor == nil || (ctor == w.sc.Fn && arg == int(v))):
			ctor, arg = w.sc.Fn, int(v)
		default:
			return nil, 0, false
		}
	}
	return ctor, arg, ctor != nil
}

// Arg judges e, an argument of kind k, in scope sc (nil: no parameters).
func (j *Judge) Arg(k ArgKind, e ast.Expr, sc *Scope) Verdict {
	return j.arg(k, e, sc, 0)
}

const maxJudgeDepth = 6

func (j *Judge) arg(k ArgKind, e ast.Expr, sc *Scope, depth int) Verdict {
	if depth > maxJudgeDepth || e == nil {
		return Risky
	}
	e = ast.Unparen(e)
	if s, ok := constString(j.info, e); ok {
		return harmfulConst(k, s)
	}
	if k == PathArg && (scratchPath(j.info, e) || j.madeHere(e, sc, depth)) {
		return Benign
	}
	if k == ResourceArg {
		if v, ok := j.kubeObject(e, sc, depth); ok {
			return v
		}
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := j.info.Uses[x].(*types.Var)
		if !ok {
			return Risky
		}
		if sc != nil {
			if i, ok := sc.Params[v]; ok {
				return Verdict(i)
			}
			if v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && !v.IsField() {
				return j.all(k, assignments(j.info, sc.Body, v), sc, depth)
			}
		}
	case *ast.SelectorExpr:
		if k != MethodArg {
			break
		}
		// A method kept in a struct field: judge every value the package
		// writes to that field.
		if sel, ok := j.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			if f, ok := sel.Obj().(*types.Var); ok {
				writes := j.fieldWrites()[f]
				if len(writes) == 0 {
					return Risky
				}
				out := Benign
				for _, w := range writes {
					// A value from a parameter of the writing function
					// (a constructor's method argument) may be anything.
					if v := j.arg(k, w.value, w.sc, depth+1); v != Benign {
						out = Risky
					}
				}
				return out
			}
		}
	case *ast.BinaryExpr:
		if k == URLArg && x.Op == token.ADD {
			// base + path: the last operand names the method.
			return j.arg(k, x.Y, sc, depth+1)
		}
	case *ast.CallExpr:
		if len(x.Args) == 0 || k == MethodArg || k == ResourceArg {
			break
		}
		fn := Callee(j.info, x)
		if fn == nil || fn.Pkg() == nil {
			break
		}
		if k == PathArg {
			// filepath.Join(dir, name) is where dir is.
			if p := fn.Pkg().Path(); (p == "path/filepath" || p == "path") && fn.Name() == "Join" && !x.Ellipsis.IsValid() {
				return j.arg(k, x.Args[0], sc, depth+1)
			}
			break
		}
		switch path := fn.Pkg().Path(); {
		case path == "fmt" && fn.Name() == "Sprintf":
			format, ok := constString(j.info, x.Args[0])
			if !ok {
				break
			}
			if seg := lastSegment(format); strings.Trim(seg, "%svdq") != "" || len(x.Args) == 1 {
				return harmfulConst(k, format)
			}
			return j.arg(k, x.Args[len(x.Args)-1], sc, depth+1)
		case (path == "net/url" && fn.Name() == "JoinPath") || (path == "path" && fn.Name() == "Join"):
			if x.Ellipsis.IsValid() {
				break
			}
			return j.arg(k, x.Args[len(x.Args)-1], sc, depth+1)
		}
	}
	return Risky
}

// all combines the verdicts on the values a variable is given: harmless
// when all are, the parameter when all the others are harmless, harmful
// otherwise (and when there are none).
func (j *Judge) all(k ArgKind, values []ast.Expr, sc *Scope, depth int) Verdict {
	if len(values) == 0 {
		return Risky
	}
	out := Benign
	for _, e := range values {
		switch v := j.arg(k, e, sc, depth+1); {
		case v == Benign:
		case v < 0, out >= 0 && out != v: // Risky, or Weak among several values
			return Risky
		default:
			out = v
		}
	}
	return out
}

// assignments are the values that body assigns to the local variable v;
// nil when v is changed in a way this cannot follow (a multi-value
// assignment, ++, its address taken).
func assignments(info *types.Info, body ast.Node, v *types.Var) []ast.Expr {
	if body == nil {
		return nil
	}
	var out []ast.Expr
	bad := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						bad = true
					case len(n.Lhs) == len(n.Rhs):
						out = append(out, n.Rhs[i])
					case i == 0 && len(n.Rhs) == 1:
						// dir, err := os.UserCacheDir(): the call stands
						// for its first result.
						out = append(out, n.Rhs[0])
					default:
						bad = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v && len(n.Names) == len(n.Values) {
					out = append(out, n.Values[i])
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				bad = true
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == v {
				bad = true
			}
		}
		return !bad
	})
	if bad {
		return nil
	}
	return out
}

// fieldWrites indexes the values the package writes to struct fields:
// keyed composite literals and assignments to x.F.
func (j *Judge) fieldWrites() map[*types.Var][]fieldWrite {
	if j.fields != nil {
		return j.fields
	}
	j.fields = map[*types.Var][]fieldWrite{}
	var visit func(n ast.Node, sc *Scope)
	visit = func(root ast.Node, sc *Scope) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				for _, el := range n.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := j.info.Uses[id].(*types.Var); ok && f.IsField() {
							j.fields[f] = append(j.fields[f], fieldWrite{kv.Value, sc})
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					s, ok := j.info.Selections[sel]
					if !ok || s.Kind() != types.FieldVal {
						continue
					}
					f := s.Obj().(*types.Var)
					var value ast.Expr // nil: a value that cannot be judged
					if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
						value = n.Rhs[i]
					}
					j.fields[f] = append(j.fields[f], fieldWrite{value, sc})
				}
			}
			return true
		})
	}
	for _, f := range j.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := j.info.Defs[fd.Name].(*types.Func); ok {
					visit(fd.Body, NewScope(fn, fd.Body))
					continue
				}
			}
			visit(d, nil)
		}
	}
	return j.fields
}

// harmfulConst judges a constant argument of kind k.
func harmfulConst(k ArgKind, s string) Verdict {
	switch k {
	case MethodArg:
		switch strings.ToUpper(s) {
		case "POST", "PUT", "PATCH", "DELETE":
			return Risky
		}
		return Benign
	case URLArg:
		if ReadMethodName(s) {
			return Benign
		}
		if rpcName(s) {
			return Weak
		}
	case PathArg:
		if scratchText(s) {
			return Benign
		}
	case ResourceArg:
		if !kubeSecretName(s) {
			return Benign
		}
	}
	return Risky
}

// lastSegment is the last path segment of a URL or a path: after the last
// slash, without the query and fragment; "" when the URL ends with a
// slash.
func lastSegment(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "://"); i >= 0 { // the host is no segment
		rest := u[i+len("://"):]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return ""
		}
		u = rest[j:]
	}
	return u[strings.LastIndex(u, "/")+1:]
}

var (
	// readWords name methods that only read: conversations.list,
	// users/search, users.prefs.get, /websites/search.
	readWords = wordSet("list", "get", "search", "info", "history", "read", "query", "view", "show", "describe",
		"lookup", "find", "fetch", "count", "counts", "status", "stats", "replies", "detail", "details",
		"preview", "inspect", "download", "browse", "autocomplete", "suggest", "suggestions",
		// Token introspection (RFC 7662) and user info answer a question
		// about a token; a reranker, an embedding model or a scorer
		// computes an answer from what it is sent.
		"introspect", "introspection", "userinfo", "tokeninfo", "rerank", "embed", "embedding", "embeddings",
		"score", "similarity", "classify", "tokenize")
	// writeWords name methods that change something; one of them anywhere
	// in the name wins over a read word (messages.delete_history).
	writeWords = wordSet("create", "add", "new", "insert", "delete", "del", "remove", "rm", "destroy", "drop",
		"purge", "clear", "update", "edit", "modify", "set", "put", "patch", "post", "send", "write", "save",
		"upload", "import", "install", "uninstall", "upgrade", "start", "stop", "restart", "kill", "exec",
		"execute", "run", "invoke", "invite", "kick", "archive", "unarchive", "join", "leave", "rename", "move",
		"mark", "close", "open", "approve", "reject", "deploy", "revoke", "grant", "reset", "enable", "disable",
		"pin", "unpin", "react", "share", "publish", "schedule", "submit", "apply", "sync", "trigger", "charge",
		"pay", "refund", "transfer", "cancel", "lock", "unlock", "ban", "block", "mute", "unmute", "assign",
		"merge", "commit", "push", "login", "logout", "register", "subscribe", "unsubscribe", "rotate",
		"generate", "complete")
)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ReadMethodName reports whether a URL's last path segment names a
// method that only reads, RPC style (Slack's conversations.list, an edge
// API's users/search, 1Panel's /websites/search): a POST to it is how the
// API serves a read, and is weak evidence of a change. A name with a
// write word anywhere (chat.postMessage, messages/delete_history), or with
// neither kind of word, is not one.
func ReadMethodName(u string) bool {
	read := false
	for _, w := range Words(lastSegment(u)) {
		if writeWords[w] {
			return false
		}
		read = read || readWords[w]
	}
	return read
}

// readEndpoint reports whether the code names the endpoint of a POST
// whose URL is not a constant as one that only reads: the variable or
// field that holds the URL (cfg.IntrospectEndpoint, searchURL) or the
// function that sends it (introspectToken, Rerank, Search) has a read
// word in its name and no write word. A service's URL usually comes from
// the configuration, and the code's names are what say what it does.
func readEndpoint(u ast.Expr, sc *Scope) bool {
	if _, ok := ast.Unparen(u).(*ast.BasicLit); ok {
		return false // a literal is judged by its text
	}
	var name string
	switch x := ast.Unparen(u).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	}
	if name != "" && readName(name) {
		return true
	}
	return sc != nil && sc.Fn != nil && readName(sc.Fn.Name())
}

// readName reports whether a name has a read word and no write word.
func readName(name string) bool {
	read := false
	for _, w := range Words(name) {
		if writeWords[w] {
			return false
		}
		read = read || readWords[w]
	}
	return read
}

// rpcName reports whether a URL's last path segment is an RPC-style
// method name (noun.verb, as Slack's Web API names them: client.userBoot)
// with no write word in it: an API that serves every method over POST,
// reads included, so the POST alone says little.
func rpcName(u string) bool {
	seg := lastSegment(u)
	if !strings.Contains(seg, ".") || strings.HasSuffix(seg, ".") {
		return false
	}
	for _, w := range Words(seg) {
		if writeWords[w] {
			return false
		}
	}
	// A file name (upload.json, index.php) is not a method.
	switch strings.ToLower(seg[strings.LastIndex(seg, ".")+1:]) {
	case "json", "xml", "php", "html", "htm", "asp", "aspx", "jsp", "cgi", "txt", "csv", "yaml", "yml":
		return false
	}
	return true
}

// Words splits a name into lowercase words at punctuation, digits and
// camelCase boundaries: "users.prefs.get" → users prefs get,
// "channelsCachePath" → channels cache path.
func Words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLower(r):
			cur = append(cur, r)
		case unicode.IsUpper(r):
			// A new word at an upper case letter after a lower case one,
			// or before a lower case one in a run of capitals (HTTPServer).
			if len(cur) > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// scratchWords mark a name as the program's cache or temporary space.
var scratchWords = wordSet("cache", "caches", "cached", "tmp", "temp", "tempdir", "tmpdir", "temporary", "tmpfile", "tempfile")

// scratchPath reports whether a path expression is in the program's cache
// or temporary space: it names a cache or temp directory (a variable,
// field or function named so, such as os.UserCacheDir, os.TempDir,
// ap.channelsCachePath) or is a constant under /tmp.
func scratchPath(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			for _, w := range Words(n.Name) {
				if scratchWords[w] {
					found = true
				}
			}
		case *ast.BasicLit:
			if s, ok := constString(info, n); ok && scratchText(s) {
				found = true
			}
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// scratchText reports whether a constant path lies in a temporary or
// cache directory.
func scratchText(s string) bool {
	s = strings.ReplaceAll(s, `\`, "/")
	if strings.HasPrefix(s, "/tmp/") || strings.HasPrefix(s, "/var/tmp/") {
		return true
	}
	for _, el := range strings.Split(s, "/") {
		for _, w := range Words(el) {
			if scratchWords[w] {
				return true
			}
		}
	}
	return false
}

// IsWriteSQL reports whether a query's text changes data.
func IsWriteSQL(q string) bool {
	f := strings.Fields(strings.ToUpper(strings.TrimLeft(q, "( \t\r\n")))
	if len(f) == 0 {
		return false
	}
	switch strings.TrimRight(f[0], ";") {
	case "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "CREATE", "REPLACE", "MERGE", "GRANT", "REVOKE":
		return true
	}
	return false
}

// sqlHead is the constant text a SQL argument starts with: the constant
// itself, or the format of fmt.Sprintf("PRAGMA busy_timeout = %d", ms),
// whose first keyword the formatting does not change. "" otherwise.
func sqlHead(info *types.Info, e ast.Expr) string {
	if q := ConstString(info, e); q != "" {
		return q
	}
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(c.Args) > 0 {
		if fn := Callee(info, c); fn != nil && Of(fn).String() == "fmt.Sprintf" {
			f := ConstString(info, c.Args[0])
			if i := strings.IndexByte(f, '%'); i >= 0 {
				f = f[:i] // what the formatting cannot change
			}
			return f
		}
	}
	return ""
}

// QuietSQL reports whether q is a statement that changes no data: one
// that starts, ends or marks a transaction (BEGIN, START TRANSACTION,
// COMMIT, ROLLBACK, SAVEPOINT, RELEASE), sets a session variable or the
// current database or a connection's settings (SET, USE, SQLite's
// PRAGMA), or only reads (SELECT, SHOW, EXPLAIN, DESCRIBE). "" (not a
// constant) is not quiet.
func QuietSQL(q string) bool {
	f := strings.Fields(strings.ToUpper(strings.TrimLeft(q, "( \t\r\n")))
	if len(f) == 0 {
		return false
	}
	switch strings.TrimRight(f[0], ";") {
	case "BEGIN", "START", "COMMIT", "ROLLBACK", "END", "SAVEPOINT", "RELEASE",
		"SET", "USE", "PRAGMA", "SELECT", "SHOW", "EXPLAIN", "DESCRIBE", "DESC":
		return !strings.Contains(strings.ToUpper(q), " INTO ")
	}
	return false
}

func constValue(info *types.Info, e ast.Expr) constant.Value {
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// ConstString is the value of a constant string expression; "" when e is
// not one.
func ConstString(info *types.Info, e ast.Expr) string {
	if v := constValue(info, e); v != nil && v.Kind() == constant.String {
		return constant.StringVal(v)
	}
	return ""
}
