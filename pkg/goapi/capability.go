package goapi

import (
	"go/ast"
	"go/constant"
	"go/types"
	"math/bits"
	"strings"
)

// Capability is a set of things code can do that matter when an agent, a
// tool or an anonymous client can make it happen.
type Capability uint16

const (
	Exec            Capability = 1 << iota // runs another program
	FileWrite                              // creates, writes, renames or changes files
	FileDelete                             // removes files or directories
	SQLWrite                               // changes a database
	HTTPWrite                              // sends a mutating HTTP request (POST, PUT, PATCH, DELETE)
	ModelCall                              // calls a language model
	AgentRun                               // runs an agent or tool loop
	numCapabilities = iota
)

// Destructive is the set of capabilities that change the world outside the
// process: a tool that has one of them is neither read-only nor safe to
// run without asking.
const Destructive = Exec | FileWrite | FileDelete | SQLWrite | HTTPWrite

// Sensitive is what makes an HTTP route worth protecting even for GET:
// destructive capabilities and the costly ones.
const Sensitive = Destructive | ModelCall | AgentRun

var capNames = [numCapabilities]string{"command execution", "file write", "file removal", "database write", "mutating HTTP request", "model call", "agent run"}

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
)

// CallCapability is what a call does by itself: a table entry, or a
// capability that depends on a constant argument (os.OpenFile with write
// flags, http.NewRequest with a mutating method, a query whose text
// changes data). It does not look into the callee's body.
func CallCapability(info *types.Info, call *ast.CallExpr) (Capability, *types.Func) {
	fn := Callee(info, call)
	if fn == nil {
		return 0, nil
	}
	if c, ok := Capabilities.Lookup(fn); ok {
		return c, fn
	}
	name := Of(fn)
	switch {
	case name == fnOpenFile || name == fnRootOpen:
		if len(call.Args) >= 2 {
			if v := constValue(info, call.Args[1]); v != nil {
				if n, ok := constant.Int64Val(v); ok && n&0x3 != 0 { // O_WRONLY or O_RDWR
					return FileWrite, fn
				}
			}
		}
	case fnNewRequest[name]:
		i := 0
		if name.Name == "NewRequestWithContext" {
			i = 1
		}
		if i < len(call.Args) {
			if m := ConstString(info, call.Args[i]); m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" {
				return HTTPWrite, fn
			}
		}
	case fnQuery[name]:
		i := 0
		if strings.HasSuffix(name.Name, "Context") {
			i = 1
		}
		if i < len(call.Args) && IsWriteSQL(ConstString(info, call.Args[i])) {
			return SQLWrite, fn
		}
	}
	return 0, fn
}

// IsWriteSQL reports whether a query's text changes data.
func IsWriteSQL(q string) bool {
	f := strings.Fields(strings.ToUpper(q))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "CREATE", "REPLACE", "MERGE", "GRANT", "REVOKE":
		return true
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
