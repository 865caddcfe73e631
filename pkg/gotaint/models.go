package gotaint

import (
	"fmt"
	"strings"
	"sync"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Positions in a call, as the tables write them: an argument index (0 is
// the first argument after the receiver), the receiver or the result.
const (
	Ret  = -1
	Recv = -2
)

// SourceModel says that a call produces untrusted data.
type SourceModel struct {
	Kind Source
	What string // what the data is, for messages: "the request body"
	// Out is where the data appears: Ret, Recv, or an argument index
	// whose pointee receives it (an out-parameter, as in BindJSON(&v)).
	Out int
	// Callback, when true, means that argument Out is a function and its
	// parameter Param receives the data (ollama's Chat(ctx, req, fn)).
	Callback bool
	Param    int
}

// SinkModel says that some arguments of a call must not be untrusted.
type SinkModel struct {
	Kind Sink
	What string // the sink for messages; "" = the function's short name
	Args []int  // the arguments (or Recv) that are sinks; nil = all of them
	When *Cond  // the call is a sink only when this holds
	// Shell: Args[0] is a program; the other arguments count only when it
	// is a constant shell name (sh -c, bash -c, cmd /c ...).
	Shell bool
	// Inside: the argument is not a command but may hold one that the
	// callee runs (a kubeconfig's exec credential plugin): passing it on
	// as it came is not running a command by design (Flow.Inside).
	Inside bool
	// Query: the arguments are query documents (a MongoDB filter, update
	// or pipeline); only the parts that can change what the query does
	// count (see docTaint in models_nosql.go).
	Query bool
	// Update, with Query: the argument that is an update document
	// ({"$set": {...}}), whose field values are stored as they are
	// (see updateTaint in models_nosql.go); -1 (or 0 with Query unset):
	// none. Set by the NoSQL models only.
	Update int
	// Clause: the arguments are clauses that the library writes into a
	// statement of its own (gorm's Where, Order): they count only when
	// they are SQL text, and the data in them is spliced into the
	// library's text (see clauseSink in models_sqldrivers.go).
	Clause bool
}

// Cond holds when argument Arg is a constant among Values.
type Cond struct {
	Arg    int
	Values []string
}

// Move is a summary of a library call: data in the arguments From flows to
// To (Ret, Recv, or what argument To points to).
type Move struct {
	From []int
	To   int
}

// Field names a struct field: package path (canonical), type and field.
type Field struct{ Pkg, Type, Name string }

func (f Field) String() string { return f.Pkg + "." + f.Type + "." + f.Name }

// ParseField reads "pkg/path.Type.Field".
func ParseField(s string) (Field, error) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, ".")
	if i < 0 {
		return Field{}, fmt.Errorf("%q is not a field name: write pkg/path.Type.Field", s)
	}
	j := strings.LastIndex(s[:i], ".")
	if j < 0 || strings.LastIndex(s[:j], "/") > j {
		return Field{}, fmt.Errorf("%q is not a field name: write pkg/path.Type.Field", s)
	}
	return Field{Pkg: goapi.CanonPath(s[:j]), Type: s[j+1 : i], Name: s[i+1:]}, nil
}

func mustFields[V any](v V, names ...string) map[Field]V {
	m := map[Field]V{}
	for _, n := range names {
		f, err := ParseField(n)
		if err != nil {
			panic(err)
		}
		m[f] = v
	}
	return m
}

// FieldSink says that a struct field must not be untrusted.
type FieldSink struct {
	Kind Sink
	What string
	// When, if set, limits the sink to values whose field When.Field is
	// set, in the same literal or variable, to a constant among
	// When.Values (a chat message whose Role is "system").
	When *FieldCond
}

// FieldCond is a condition on a sibling field.
type FieldCond struct {
	Field  string
	Values []string
}

// Models is what the engine knows about libraries.
type Models struct {
	Sources    goapi.Table[SourceModel]
	Sinks      goapi.Table[[]SinkModel]
	Moves      goapi.Table[Move]
	Sanitizers goapi.Table[bool] // the result is clean
	// Validators are functions whose boolean result says whether argument
	// i is among allowed values (slices.Contains(allowed, v)); a branch on
	// it cleans that argument.
	Validators goapi.Table[int]
	// Parsers are strict parsers and quoting functions: their result, or
	// the argument they accepted, is bounded at some sinks (bounds.go).
	Parsers      goapi.Table[Parser]
	FieldSources map[Field]SourceModel
	FieldSinks   map[Field][]FieldSink
	// Modelled are packages (canonical paths) that the tables describe:
	// calls into them use the tables and the default propagation, never
	// summaries computed from their code.
	Modelled map[string]bool

	fields *fieldSet // see modelledFields; set by newModels
}

type fieldSet struct {
	once sync.Once
	set  map[[2]string]bool
}

// modelledFields are the (package, field name) pairs of the field sources
// and sinks, worked out once per Models (which a newModels made).
func (m *Models) modelledFields() map[[2]string]bool {
	fs := m.fields
	fs.once.Do(func() {
		fs.set = map[[2]string]bool{}
		for f := range m.FieldSources {
			fs.set[[2]string{f.Pkg, f.Name}] = true
		}
		for f := range m.FieldSinks {
			fs.set[[2]string{f.Pkg, f.Name}] = true
		}
	})
	return fs.set
}

func newModels() *Models {
	return &Models{
		fields:  &fieldSet{},
		Sources: goapi.Table[SourceModel]{}, Sinks: goapi.Table[[]SinkModel]{}, Moves: goapi.Table[Move]{},
		Sanitizers: goapi.Table[bool]{}, Validators: goapi.Table[int]{}, Parsers: goapi.Table[Parser]{},
		FieldSources: map[Field]SourceModel{}, FieldSinks: map[Field][]FieldSink{}, Modelled: map[string]bool{},
	}
}

func (m *Models) merge(o *Models) {
	m.Sources.Merge(o.Sources)
	for k, v := range o.Sinks {
		m.Sinks[k] = append(m.Sinks[k], v...)
	}
	m.Moves.Merge(o.Moves)
	m.Sanitizers.Merge(o.Sanitizers)
	m.Validators.Merge(o.Validators)
	m.Parsers.Merge(o.Parsers)
	for k, v := range o.FieldSources {
		m.FieldSources[k] = v
	}
	for k, v := range o.FieldSinks {
		m.FieldSinks[k] = append(m.FieldSinks[k], v...)
	}
	for k := range o.Modelled {
		m.Modelled[k] = true
	}
}

// builtin holds the tables of the models_*.go files.
var builtin = newModels()

// library adds one library's tables; the models files call it from init.
func library(m Models, pkgs ...string) {
	o := newModels()
	o.merge(&m)
	for _, p := range pkgs {
		o.Modelled[goapi.CanonPath(p)] = true
	}
	builtin.merge(o)
}

// Extra is what a rule's options add to the tables.
type Extra struct {
	Sources    []string // functions whose result is untrusted
	SourceKind Source
	Sinks      []string // functions none of whose arguments may be untrusted
	SinkKind   Sink
	Sanitizers []string // functions whose result is clean
}

var extras []func() Extra

// Register lets a rule add its users' names (from its options) to the
// tables; f is called each time the engine runs.
func Register(f func() Extra) { extras = append(extras, f) }

// tables is builtin plus the registered extras. The extras are read on
// every call (options change between runs in one process); the tables are
// built again only when they differ from the last call's.
func tables() (*Models, error) {
	if len(extras) == 0 {
		return builtin, nil
	}
	es := make([]Extra, len(extras))
	for i, f := range extras {
		es[i] = f()
	}
	key := fmt.Sprintf("%q", es)
	lastTables.Lock()
	defer lastTables.Unlock()
	if lastTables.m != nil && lastTables.key == key {
		return lastTables.m, nil
	}
	m := newModels()
	m.merge(builtin)
	for _, e := range es {
		src, err := goapi.ParseNames(SourceModel{Kind: e.SourceKind, What: "data from a configured source", Out: Ret}, e.Sources)
		if err != nil {
			return nil, err
		}
		sink, err := goapi.ParseNames([]SinkModel{{Kind: e.SinkKind}}, e.Sinks)
		if err != nil {
			return nil, err
		}
		san, err := goapi.ParseNames(true, e.Sanitizers)
		if err != nil {
			return nil, err
		}
		m.Sources.Merge(src)
		for k, v := range sink {
			m.Sinks[k] = append(m.Sinks[k], v...)
		}
		m.Sanitizers.Merge(san)
	}
	lastTables.key, lastTables.m = key, m
	return m, nil
}

var lastTables struct {
	sync.Mutex
	key string
	m   *Models
}

// sinks builds a sink table from names in table notation.
func sinks(m SinkModel, names ...string) goapi.Table[[]SinkModel] {
	if m.Inside && m.What != "" {
		inside[m.What] = true
	}
	return goapi.Set([]SinkModel{m}, names...)
}

// inside are the What of the sinks whose argument holds a command rather
// than being one (SinkModel.Inside).
var inside = map[string]bool{}

// Inside reports whether the flow ends at a sink whose argument holds a
// command rather than being one (a kubeconfig, whose exec credential
// plugin client-go runs): a tool that passes such an argument on as it
// came is not a command runner by design.
func (f *Flow) Inside() bool { return inside[f.Final] || inside[f.What] }

// allSinks merges sink tables, keeping every model of a function.
func allSinks(ts ...goapi.Table[[]SinkModel]) goapi.Table[[]SinkModel] {
	out := goapi.Table[[]SinkModel]{}
	for _, t := range ts {
		for k, v := range t {
			out[k] = append(out[k], v...)
		}
	}
	return out
}

// fieldSinks builds a field-sink table from names.
func fieldSinks(m FieldSink, names ...string) map[Field][]FieldSink {
	return mustFields([]FieldSink{m}, names...)
}

// allFieldSinks merges field-sink tables.
func allFieldSinks(ts ...map[Field][]FieldSink) map[Field][]FieldSink {
	out := map[Field][]FieldSink{}
	for _, t := range ts {
		for k, v := range t {
			out[k] = append(out[k], v...)
		}
	}
	return out
}

// mustTable is goapi.Set for source tables (a name for readability in the
// models files).
func mustTable(v SourceModel, names ...string) goapi.Table[SourceModel] {
	return goapi.Set(v, names...)
}
