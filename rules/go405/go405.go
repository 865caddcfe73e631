// Package go405 defines rule GO405: decoded request or tool data reaches a command, query or path.
package go405

import (
	"fmt"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

var Rule = &lint.Rule{
	ID:   "GO405",
	Name: "request-data-to-injection-sink",
	Doc: lint.Doc{
		Title:   "Decoded request or tool data reaches a command, query or path",
		Summary: `Data from an HTTP request (including JSON decoded into a struct or map through json.Unmarshal, Decoder.Decode or a framework binder) or from MCP tool arguments (including BindArguments) is used as a command, a SQL statement, a NoSQL query document or a file path.`,
		Why: `Injection through a command, a query or a path is old news, but the usual
tools lose track of the data at the decoding step: the request body goes into
json.NewDecoder(r.Body).Decode(&req), and req.Path is then never seen as
coming from the client. This rule follows decoding into out-parameters, the
binders of gin, echo and fiber, MCP tool arguments, struct fields, helper
functions of the same package and, through facts, wrappers in other packages.
Values compared against constants, checked character by character against a
class, mapped onto a safe character class (strings.Map, a regexp replacing
what lies outside the class), hashed and hex-encoded, or parsed into numbers
on the way are clean; so is a path that a guard of the program compares with
its configured roots (a prefix or filepath.Rel check that returns an
error), and the guard's own os.Stat of it is not reported. Validators are
recognised by what they do, in the package or another: a function that
returns an error or a bool after searching its argument for a separator or
"..", checking it against an anchored pattern of name characters (dots
allowed inside a name, never "." or ".." as a whole) or character by
character, also when it trims or lower-cases the argument first or joins
such checks with && (return id != "" && pattern.MatchString(id)); a
normaliser that returns the name only after such a loop; filepath.IsLocal.
Files and directories the program creates itself (os.CreateTemp,
os.MkdirTemp) are not request-chosen paths. A record looked up by the data
(a map, a store whose code reads it from a table) is stored data, not the
data.

Values checked by a strict parser, or quoted, are bounded where what they
can hold cannot inject. A time-zone name that time.LoadLocation accepted
(its result, or the input in code that runs only when the error is nil),
and a date, duration or UUID that time.Parse, time.ParseDuration or
uuid.Parse accepted behind such a check, hold no quote, semicolon or shell
metacharacter: they are not reported at a SQL statement, a NoSQL query or
a command, and still are at a path (a zone name holds '/'). A value quoted
by pq.QuoteLiteral, pq.QuoteIdentifier or the program's own helper that
doubles the single quote and wraps the result in single quotes is not
reported at a SQL statement, and still is anywhere else. Such a helper is recognised by its body, not its name; doubling the
quote is enough for PostgreSQL (standard strings) and SQLite, not for a
MySQL server that reads backslashes as escapes. The mark holds only while
all of the data has it: a checked zone joined to another header is
reported. net/netip.ParseAddr and net/mail.ParseAddress are not bounds (an
IPv6 zone, a display name or a quoted local part is any text).

Severity follows what the findings of each kind turned out to be on real
projects. Tool arguments (an MCP client's or a model's) that name a path
or a query document, or that are written into SQL text, are errors: a
prompt-injected call reads or writes any file the server can. So is a
query document decoded whole from a request. A SQL statement that is the
data whole, with nothing of the program's SQL around it, run as a query
(the query tool of a database server, a SQL console route), is a note that
says so: the caller writes the SQL by design, and what the tool may read
is its power, which the agency rules judge, not an injection into the
program's SQL. The same statement run through an Exec method (an execute
or transaction tool: writes and drops included) keeps the rule's severity. HTTP request data reaching a command or
a SQL statement is a warning (two such flows judged, neither an injection:
too few to call the kind by design). HTTP request data reaching a path is
a note that says why: on the projects judged it was more often by design
(an import-from-path endpoint of a management API, a setup wizard on a
loopback port) or confined (a name limited to one path segment, a
sanitiser the engine does not recognise) than an injection; the route's
authentication is GO101's to report. A flow that reaches the sink only
inside an object passed whole to a call (an interface value, a struct the
callee reads through a type assertion) is a warning: the callee may read
another part of the object, such as the key paths a decoder carries
beside the upload.

Notes too, each saying why: a path whose sink is an os.Stat or os.Lstat
called in the function reported (it tells whether the file exists and its
size, mode and times, reads no content and changes nothing; the stat flows
judged on real projects were existence checks before the real use of the
path, which is reported where it is seen, or configured paths; a stat in a
helper the data is passed to stays at the rule's severity, since the
helper may open the file after it); a flow that reaches the sink only through an
object's stored state (a call stores the data in a field of the receiver
and another reads a configured path from the same object; a handler
writes the data two fields below its receiver, h.cfg.APIKeys = body, and a
call then reads another part of h.cfg; a record comes back from a cache or
store looked up by the data), and a path of more than four calls, where
the approximations of fields and interfaces add up. The engine keeps
memory apart two fields below a variable (h.agent.history and
h.agent.cfg are different memory) but a call's summary names one field of
each parameter, and such paths were mostly configuration the call only
names; on long paths, even text the program joined to the data was often
joined to the configuration instead (a lock file's suffix).

MongoDB queries (the mongo-driver's Find, FindOne, Update*, Delete*,
Aggregate, RunCommand and bulk-write models; mgo's Find, Pipe, Update and
Remove) are injected through their structure, not through their values: a
filter decoded whole from the request ({"code": {"$ne": ""}} matches every
coupon), a map value from a decoded request under a fixed key, a key the
request chose, or a string under $where, $function or $accumulator. A typed
value (a string, a number, a struct of those) under a constant key is a
value, never an operator, and is not reported; nor is any value under
$set, $setOnInsert and the other field-update operators of an update
document built in place ({"$set": {"config": doc}} stores doc as it is),
though a field name there that the request chose, or an operand that is
the request's map whole, is. A helper of the package that returns a
document and an error is read like one that returns the document alone.

SQL statements are those of database/sql, pgx (v4 and v5: connections,
pools, transactions, pgconn, Batch.Queue), sqlx (its Select, Get, Queryx,
QueryRowx, MustExec, NamedExec, NamedQuery, Preparex, PrepareNamed and
their Context forms, and the functions of the package), gorm (gorm.io and
jinzhu: Raw and Exec) and squirrel's builders, and only their text:
values bound to placeholders never count, nor what sqlx.In or BindNamed
return beside the statement. gorm also writes the argument of its clause
methods into its own statement when it is a string (Where, Or, Not,
Having, Order, Group, Joins, Select, Distinct, Pluck, Table, the first
inline condition of First, Find, Take, Last or Delete, gorm.Expr's text):
db.Order(req.Sort) is an injection; a map, a struct or a clause value
(clause.OrderByColumn) is a condition whose values gorm binds.

Flows that involve model output belong to GO404, and tool arguments reaching
command execution to GO307.`,
		Fix: "validate decoded values against allow-lists, pass SQL values as parameters, build NoSQL filters from typed fields under constant keys and open files through os.Root",
		Bad: `func export(w http.ResponseWriter, r *http.Request) {
	var req struct{ File string }
	json.NewDecoder(r.Body).Decode(&req)
	data, _ := os.ReadFile("/exports/" + req.File)
	w.Write(data)
}`,
		Good: `func export(w http.ResponseWriter, r *http.Request) {
	var req struct{ File string }
	json.NewDecoder(r.Body).Decode(&req)
	root, _ := os.OpenRoot("/exports")
	f, err := root.Open(req.File) // cannot leave /exports
	// ...
}`,
		Lang:      "go",
		Severity:  lint.SeverityError,
		Grades:    "An error for tool arguments (other than a whole SQL statement) and for a NoSQL filter decoded whole from a request. A warning for data that reaches the sink only inside an object passed whole to a call. A warning for other HTTP request data that reaches a command or the text of a SQL statement. A note for a SQL statement that is the caller's data whole, with no SQL of the program's around it, run as a query rather than through an Exec method (a database server's query tool, a SQL console). A note for data that went through a method of the program's own interface none of whose implementations is in sight from the package (the query builder of a connector another package provides: it may quote names and bind values), for other HTTP request data (a path), for a path whose sink is an os.Stat or os.Lstat called in the function reported, for data that gets there only through an object's stored state or a lookup, for a path of more than four calls, and in example code or test scaffolding (examples/, _examples, demo, conformance, test/, testkit).",
		Precision: "high",
		CWE:       []int{78, 89, 22},
		OWASP:     []string{"API8:2023", "API10:2023"},
		Since:     "v0.1.0",
	},
	Options: &options,
}

// options are the rule's additions to the engine's tables (see
// gotaint.Options).
var options gotaint.Options

// Analyzer is the rule's check; its name is the rule's ID.
var Analyzer = gotaint.NewAnalyzer(gotaint.Check{
	ID: "GO405", Doc: "decoded request or tool data reaches a command, query or path", URL: Rule.HelpURI(),
	Options: &options, Source: gotaint.Request, Sink: gotaint.Custom,
	GradeStored: true, StateNote: true, Pick: pick, Note: note, Below: below, Message: func(f *gotaint.Flow) string { return "untrusted data reaches " + f.Sink.String() },
})

// longPath is the number of calls on the way to the sink (the sink
// included) beyond which a flow is a note.
const longPath = 4

// note grades down what the judged findings did not support at a higher
// severity:
//
//   - HTTP request data (other than a query document decoded whole from
//     the request): fewer than half of the judged flows were true. The
//     rest were by-design features of local and management interfaces (an
//     import-from-path endpoint, a setup wizard on a loopback port), names
//     limited to one path segment, and text joined to a configured path
//     that the analysis took for the request's (a temporary file's name,
//     a sanitiser it does not recognise).
//
//   - data that reaches the sink only through an object's stored state
//     (StateNote; one of seven judged was true: configured paths read
//     from the object the request had written into);
//
//   - paths through more than four calls (two of twelve judged were true:
//     a lock file, a key path or a command of the configuration, reached
//     through objects the data only passed through), whatever text the
//     program joined to the data on the way.
//
//   - data that went through a method of the program's interface with no
//     implementation in sight (gotaint.Opaque): what comes back is made by
//     code the analysis does not see (faucet's query builders quote
//     identifiers and bind values: 0 of 6 judged true).
//
// Tool arguments (eleven of twelve judged true: a model-chosen path read
// or written with no allowed root, a statement run as written) and NoSQL
// filters decoded whole from a request keep the rule's severity, except a
// SQL statement that is the data whole (wholeStatement): of the three
// judged, on one database server, the query tool's was judged by design
// and the execute and transaction tools' true for their write power,
// which is the tool's power rather than an injection.
func note(f *gotaint.Flow) string {
	if m := gotaint.Opaque(f); m != "" {
		return "on the way the data went through " + m + ", a method of the program's interface whose implementations are in packages not in sight from here (a query builder, a connector), and those may quote names, bind values or check what they are given: check them " +
			"(faucet's connectors, which quote every identifier and bind every value, were judged false at error, 0 of 6)"
	}
	if why := wholeStatement(f); why != "" {
		return why
	}
	if stat, ok := statOnly(f); ok {
		return "the data reaches only " + stat + ", which reads whether the file exists and its size, mode and times, no content, and changes nothing; " +
			"of the flows into a stat judged on real projects none was worth acting on (an existence check before the real use of the path, which is reported where the analysis sees it)"
	}
	if n := gotaint.Calls(f); n > longPath && !(f.State && !gotaint.SplicedRequest(f)) {
		return fmt.Sprintf("the path crosses %d calls, and over so many the analysis's approximations of fields and interfaces add up: check that the data really becomes the path, command or query", n)
	}
	if requestOnly(f) && f.Sink&(gotaint.Exec|gotaint.SQL) == 0 {
		return "on the projects judged, HTTP request data reaching a path or command was more often by design (a local or management interface) or confined (a name limited to one path segment, a sanitiser the analysis does not recognise) than an injection: " +
			"check who can call the route and whether the value can leave the directory or command the program meant"
	}
	return ""
}

// wholeStatement grades down a SQL flow whose data is the whole statement:
// nothing of the program's own SQL around it (Flow.Spliced is unset; a
// builder's or an ORM's clause counts as the library's SQL around it). The
// caller writes the SQL, as in the query tool of a database MCP server or
// a SQL console route: that is what the tool is for, not an
// injection into a statement of the program's (judged NOISE on
// db-mcp-server's query tool), and what it may do is the tool's power,
// which the agency rules judge. Data spliced into SQL text keeps the
// rule's severity, and so does a whole statement run through an Exec
// method (Exec, ExecContext, MustExec, NamedExec): a tool that executes the
// statements its caller writes, writes and drops included, was judged a
// true positive on db-mcp-server's execute and transaction tools, where
// its query tool was not.
func wholeStatement(f *gotaint.Flow) string {
	if f.Sink != gotaint.SQL || f.Spliced || f.Sources&(gotaint.Request|gotaint.ToolArgs) == 0 || strings.Contains(f.Final, "Exec") {
		return ""
	}
	return "the data is the whole SQL statement, with no SQL of the program's around it: the caller writes the SQL " +
		"(the query tool of a database server, a SQL console), which is the tool's purpose, not an injection; " +
		"the risk is the tool's power (what its connection may read), which the agency rules judge, " +
		"and who may call it"
}

// statOnly reports whether the sink of f is os.Stat or os.Lstat called
// where the flow is reported, and which. Only there: a helper's summary
// keeps one sink of each kind for each parameter (the first), so a
// helper that stats the path and then opens it (OpenAndValidateFile) is
// summarised by its stat, and the flow into it is an open.
func statOnly(f *gotaint.Flow) (string, bool) {
	if f.Sink != gotaint.Path || f.Via != "" {
		return "", false
	}
	return f.What, f.What == "os.Stat" || f.What == "os.Lstat"
}

// requestOnly: HTTP request data (not tool arguments, not a NoSQL query
// document) that reaches the sink other than through stored state.
func requestOnly(f *gotaint.Flow) bool {
	return f.Sources&gotaint.Request != 0 && f.Sources&gotaint.ToolArgs == 0 && f.Sink&gotaint.NoSQL == 0 && !(f.State && !gotaint.SplicedRequest(f))
}

// below keeps HTTP request data that reaches a command or the text of a
// SQL statement a warning, not a note: the two judged flows of that kind
// were not injections (a dialog's argument vector, a URL that carried only
// a checked token), too few to call the class by design, and it is the
// shape of a command or SQL injection.
func below(f *gotaint.Flow) string {
	if requestOnly(f) && f.Sink&(gotaint.Exec|gotaint.SQL) != 0 {
		return "HTTP request data reaching a command or a SQL statement was not an injection in the two flows of this kind judged so far (an argument vector, a value the handler had checked): check who can call the route and whether the value can change what runs"
	}
	return ""
}

func init() { Rule.Analyzer = Analyzer }

const injection = gotaint.Exec | gotaint.SQL | gotaint.NoSQL | gotaint.Path | gotaint.Custom

func pick(f *gotaint.Flow) gotaint.Source {
	if f.Sink&injection == 0 || f.Sources&(gotaint.Request|gotaint.ToolArgs) == 0 || f.Sources&gotaint.ModelOutput != 0 {
		return 0 // GO404 owns model output
	}
	if f.Sink&gotaint.Exec != 0 && f.Sources&gotaint.ToolArgs != 0 {
		return 0 // GO307
	}
	return gotaint.Request | gotaint.ToolArgs
}
