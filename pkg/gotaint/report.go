package gotaint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Options are the settings every injection rule has: the users' own
// sources, sinks and sanitizers, in goapi's table notation
// ("example.com/llm.Ask", "(*example.com/db.Store).Raw").
type Options struct {
	// Sources are functions whose result is untrusted data of the kind the
	// rule is about (your own LLM wrapper, your own request helper).
	Sources []string `yaml:"sources"`
	// Sinks are functions none of whose arguments may carry untrusted
	// data (your own prompt builder, your own query runner).
	Sinks []string `yaml:"sinks"`
	// Sanitizers are functions whose result is safe whatever went in
	// (your own validator or escaper).
	Sanitizers []string `yaml:"sanitizers"`
}

// Use registers the options with the engine; rules call it from init with
// the kind of data their sources produce and the kind of sink their sinks
// are.
func (o *Options) Use(src Source, sink Sink) {
	Register(func() Extra {
		return Extra{Sources: o.Sources, SourceKind: src, Sinks: o.Sinks, SinkKind: sink, Sanitizers: o.Sanitizers}
	})
}

// Report reports the flows of the package that pick accepts. pick returns
// the kind of data to name in the message (0 skips the flow); the
// message says what reached what, from where, and the diagnostic carries
// the path, source first, in Related.
func Report(pass *analysis.Pass, pick func(*Flow) Source, describe func(f *Flow, k Source) string) {
	report(pass, pick, describe, false, nil, nil, lower{})
}

// lower says which grades of a flow are notes rather than warnings (see
// Check.StateNote, Check.RoleNote).
type lower struct{ state, role bool }

// level is the category and the words of a flow graded down: a warning,
// or a note when the rule says so.
func level(note bool) (string, string) {
	if note {
		return "note", "a note, not an error"
	}
	return "warning", "a warning, not an error"
}

// report is Report; with grade, a finding all of whose flows went
// through stored state (Flow.State) is a warning, and its message says
// why. below and note, when set, give the reason a flow is a warning or
// a note ("" for none); a note's reason wins.
func report(pass *analysis.Pass, pick func(*Flow) Source, describe func(f *Flow, k Source) string, grade bool, below, note func(*Flow) string, low lower) {
	res := pass.ResultOf[Analyzer].(*Result)
	type finding struct {
		f       *Flow
		k       Source
		others  []*Flow // other calls that reach the same sink
		otherKs []Source
	}
	// One finding per sink: calls that reach the same sink inside a helper
	// (the same os.ReadDir from thirteen handlers) are one finding, at the
	// first of them by file, line and column, with the others as related
	// locations. (token.Pos order across files is the order in which they
	// were parsed, which can change from run to run.)
	flows := slices.Clone(res.Flows)
	slices.SortStableFunc(flows, func(a, b *Flow) int {
		pa, pb := pass.Fset.Position(a.Pos), pass.Fset.Position(b.Pos)
		if c := strings.Compare(pa.Filename, pb.Filename); c != 0 {
			return c
		}
		return cmpInts(pa.Line, pb.Line, pa.Column, pb.Column)
	})
	var out []*finding
	bySink := map[string]*finding{}
	for _, f := range flows {
		k := pick(f)
		if k == 0 {
			continue
		}
		k = lowest(k & f.Sources)
		if k == 0 {
			continue
		}
		if f.Via != "" {
			key := describe(f, k) + "\x00" + innermost(f.Via) + "\x00" + string(rune('0'+graded(f, grade)))
			if below != nil {
				key += "\x00" + below(f)
			}
			if note != nil {
				key += "\x00" + note(f)
			}
			if g := bySink[key]; g != nil {
				g.others = append(g.others, f)
				g.otherKs = append(g.otherKs, k)
				continue
			}
			g := &finding{f: f, k: k}
			bySink[key] = g
			out = append(out, g)
			continue
		}
		out = append(out, &finding{f: f, k: k})
	}
	place := goapi.PlaceReason(goapi.PlacePath(pass))
	for _, g := range out {
		f, k := g.f, g.k
		where := f.What
		if f.Via != "" {
			where = shortVia(f.Via)
		}
		msg := fmt.Sprintf("%s in %s, from %s", describe(f, k), where, f.Origin(pass.Fset, k))
		switch len(g.others) {
		case 0:
		case 1:
			msg += fmt.Sprintf(" (and from 1 other call, at %s)", shortPos(pass.Fset, g.others[0].Pos))
		default:
			msg += fmt.Sprintf(" (and from %d other calls, first at %s)", len(g.others), shortPos(pass.Fset, g.others[0].Pos))
		}
		category := ""
		why := ""
		if note != nil {
			why = note(f)
		}
		switch g := graded(f, grade); {
		case why != "":
			category = "note"
			msg += " (a note, not an error: " + why + ")"
		case g == notGraded:
			if below != nil {
				if why := below(f); why != "" {
					category = "warning"
					msg += " (a warning, not an error: " + why + ")"
				}
			}
		case g == byRole:
			var words string
			category, words = level(low.role)
			msg += " (" + words + ": the data reaches the system channel through code that picks the channel by each message's role, " +
				"and user and assistant messages go through the same code; request data spliced into a system prompt the program writes stays an error)"
		case g == byState:
			var words string
			category, words = level(low.state)
			stored := ""
			if f.Stored != nil && f.Stored.Pos.IsValid() {
				stored = fmt.Sprintf(" (%s at %s)", f.Stored.Msg, shortPos(pass.Fset, f.Stored.Pos))
			}
			msg += fmt.Sprintf(" (%s: the data gets there only through an object's state%s, "+
				"and the sink may read another part of that state, such as a configured path or command)", words, stored)
		case g == byObject:
			category = "warning"
			passed := ""
			if f.Passed != nil && f.Passed.Pos.IsValid() {
				passed = fmt.Sprintf(" (%s at %s)", f.Passed.Msg, shortPos(pass.Fset, f.Passed.Pos))
			}
			msg += fmt.Sprintf(" (a warning, not an error: the data gets there only inside an object passed whole%s, "+
				"and the sink may read another part of that object, such as a configured path or command)", passed)
		}
		if place != "" {
			// Example code and test scaffolding are notes, as for every Go
			// rule (goapi.Grade.LowerPlace).
			category = "note"
			msg += " (a note: " + place + ")"
		}
		var related []analysis.RelatedInformation
		for _, st := range f.Trace(k).Steps() {
			if st.Pos.IsValid() {
				related = append(related, analysis.RelatedInformation{Pos: st.Pos, Message: st.Msg})
			}
		}
		for i, o := range g.others {
			related = append(related, analysis.RelatedInformation{Pos: o.Pos,
				Message: fmt.Sprintf("the same sink is reached from here, from %s", o.Origin(pass.Fset, g.otherKs[i]))})
		}
		pass.Report(analysis.Diagnostic{Pos: f.Pos, Message: msg, Related: related, Category: category})
	}
}

// roleSinks are the sinks where the role of the message that carries the
// data decides what the data is: the system channel of a model. Flow.Role
// says that the engine did not follow that role.
const roleSinks = SystemPrompt

// Reasons a flow is graded down (see Check.GradeStored).
const (
	notGraded = iota
	byRole    // Flow.Role
	byState   // Flow.State
	byObject  // Flow.Object
)

// graded is why flow f is reported below the rule's severity, if it is:
// request data that the program splices into its own text is the
// injection these rules are about, and stays at the rule's severity.
// A message's role grades down only a flow into a model's system channel
// (roleSinks): text read in a conversion's system branch that goes on to a
// command, a path or a URL is graded as any other flow there.
func graded(f *Flow, grade bool) int {
	switch {
	case !grade:
		return notGraded
	case f.State && lookedUpBy(f.Stored):
		// The request data only chose a record stored before (a
		// session's messages by its id): what is spliced is that
		// record, not the data.
		return byState
	case SplicedRequest(f):
		return notGraded
	case f.Role && f.Sink&roleSinks != 0:
		return byRole
	case f.State:
		return byState
	case f.Object:
		return byObject
	}
	return notGraded
}

// Calls is the number of calls on the path from the function the flow is
// reported in to the sink, the sink included: 1 for a sink called there,
// 3 for "packages.Publish → toolutil.OpenAndValidateFile → os.Stat".
// Every call is a summary that keeps one field of each parameter and one
// method set of each interface; over many of them those approximations add
// up, and rules grade long paths down.
func Calls(f *Flow) int {
	if f.Via == "" {
		return 1
	}
	return strings.Count(f.Via, viaSep) + 1
}

// ApprovalStep names the function on the path of f, before the sink,
// whose name or receiver's type says that it asks a person to approve
// what it runs (ApprovalGate.WrapExecution, confirmAndRun,
// ConsentPrompt.Run), or "". Such a step is seen by its name only: its
// code may be in a package the flow's is not.
func ApprovalStep(f *Flow) string {
	if f.Via == "" {
		return ""
	}
	steps := strings.Split(f.Via, viaSep)
	for _, st := range steps[:len(steps)-1] {
		if approvalName.MatchString(st) {
			return st
		}
	}
	return ""
}

// approvalName: a function or type named for asking a person first.
var approvalName = regexp.MustCompile(`(?i)approv|confirm|consent`)

// SplicedRequest: request data spliced into text of the program's own (a
// path, a prompt, a command line it writes). Such flows keep the rule's
// severity whatever else grades a flow down (see graded).
func SplicedRequest(f *Flow) bool { return f.Spliced && f.Sources&Request != 0 }

// innermost is the last step of a path of calls: the sink itself and its
// position ("os.ReadDir at files.go:12").
func innermost(via string) string {
	if i := strings.LastIndex(via, viaSep); i >= 0 {
		return via[i+len(viaSep):]
	}
	return via
}

// maxVia is the number of calls a message names on the way to a sink; a
// longer path keeps its first and last steps (the related locations still
// have the data's path in full).
const maxVia = 6

func shortVia(via string) string {
	steps := strings.Split(via, viaSep)
	if len(steps) <= maxVia {
		return via
	}
	head, tail := steps[:maxVia/2], steps[len(steps)-maxVia/2:]
	return strings.Join(head, viaSep) + viaSep + fmt.Sprintf("(%d more calls)", len(steps)-maxVia) + viaSep + strings.Join(tail, viaSep)
}

func lowest(s Source) Source { return s & -s }

// Check reports the first name that is not in table notation.
func (o *Options) Check() error {
	for key, names := range map[string][]string{"sources": o.Sources, "sinks": o.Sinks, "sanitizers": o.Sanitizers} {
		for _, n := range names {
			if _, err := goapi.ParseFunc(n); err != nil {
				return fmt.Errorf("%s: %v", key, err)
			}
		}
	}
	return nil
}

// Check is what distinguishes one injection rule from another; NewAnalyzer
// builds the rest.
type Check struct {
	ID, Doc, URL string
	// Options are the rule's settings; their sources produce Source data
	// and their sinks are Sink sinks.
	Options *Options
	Source  Source
	Sink    Sink
	// Pick chooses the flows the rule reports (see Report); Message is
	// the start of the finding's message.
	Pick    func(*Flow) Source
	Message func(*Flow) string
	// GradeStored reports flows that went through stored state
	// (Flow.State) or only inside an object passed whole (Flow.Object) as
	// warnings, saying why; for rules whose findings are errors.
	GradeStored bool
	// Below, when set, gives the reason a flow is reported as a warning
	// rather than at the rule's severity ("" for none).
	Below func(*Flow) string
	// Note, when set, gives the reason a flow is reported as a note ("" for
	// none): true, and worth a line in the report, but by design.
	Note func(*Flow) string
	// StateNote and RoleNote make the flows that GradeStored grades
	// down for stored state (Flow.State) or for a role-chosen channel
	// (Flow.Role) notes rather than warnings, when the judged findings of
	// that kind did not reach the precision a warning needs.
	StateNote, RoleNote bool
	// PerPackage, when set, gives Below and Note for the package under
	// analysis, for reasons that need its syntax (a human approval step
	// around the call that reaches the sink); they replace Below and Note.
	PerPackage func(*analysis.Pass) (below, note func(*Flow) string)
}

// NewAnalyzer is the analyzer of an injection rule: it requires the engine,
// registers the rule's options, and reports the flows Pick accepts.
func NewAnalyzer(c Check) *analysis.Analyzer {
	c.Options.Use(c.Source, c.Sink)
	return &analysis.Analyzer{
		Name:     c.ID,
		Doc:      "reports: " + c.Doc,
		URL:      c.URL,
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			below, note := c.Below, c.Note
			if c.PerPackage != nil {
				below, note = c.PerPackage(pass)
			}
			report(pass, c.Pick, func(f *Flow, _ Source) string { return c.Message(f) }, c.GradeStored, below, note, lower{state: c.StateNote, role: c.RoleNote})
			return nil, nil
		},
	}
}

// SinkIs picks the flows that reach a sink of kind k, whatever their
// source.
func SinkIs(k Sink) func(*Flow) Source {
	return func(f *Flow) Source {
		if f.Sink&k == 0 {
			return 0
		}
		return AnySource
	}
}

// OwnData reports whether a flow only carries the caller's own request
// data, passed through as it came: no text of the program's around it,
// no tool arguments, model output or fetched content. A proxy or an
// OpenAI-compatible endpoint in front of a local model forwards the
// caller's system text and tools; that is the caller talking to the
// model, not an injection into the program's prompt. Splicing the same
// data into a prompt the program writes ("You are " + persona) is one.
func OwnData(f *Flow) bool { return f.Sources&^Request == 0 && !f.Spliced }

// Says is a Message that does not depend on the flow.
func Says(msg string) func(*Flow) string { return func(*Flow) string { return msg } }
