package gotaint

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Bounded data: untrusted, but in a shape that cannot carry an injection
// at some kinds of sink. Two shapes are known, each a mark on the taint
// (wordBit, sqlBit) that holds only while every value making up the data
// has it: a bounded time-zone name joined to a raw header is not bounded.
//
//   - A word of a strict language: text that a parser of the standard
//     library or of a well-known module accepted (time.LoadLocation, a
//     date layout), or the parser's result. Such a word holds no quote,
//     semicolon, shell metacharacter or free prose, so it
//     cannot close a SQL literal, add a shell word or an operator, or
//     instruct a model; it may hold '/' or '.', so it still counts at a
//     path, a URL and a redirect (wordSinks).
//   - A SQL literal or identifier, quoted by the driver's quoting
//     function or by the program's own (a function that doubles the
//     single quote and wraps the result in single quotes): it counts
//     nowhere but at a SQL statement, where it is one value.
const wordSinks = SystemPrompt | UserPrompt | ToolDesc | Template | Exec | SQL | HTML | NoSQL

// boundFlags are the marks and the sinks where the data they mark is bounded.
var boundFlags = [...]struct {
	bit   int
	sinks Sink
}{{wordBit, wordSinks}, {sqlBit, SQL}}

// Parser says what a call bounds. Result: the sinks where the call's result
// is bounded (whatever the input). Input: the sinks where argument Arg is
// bounded in code that runs only when the call accepted it (a branch on
// its error: if err != nil { return }). Each set is one of boundFlags'.
type Parser struct {
	Arg           int
	Result, Input Sink
}

// parsers is the table of strict parsers and quoting functions. Parsers
// whose result holds no text of the input at all (time.Parse gives a
// time.Time, uuid.Parse 16 bytes) are Sanitizers as well, so only the
// input needs an entry here. Left out on purpose: net/netip.ParseAddr and
// net.ParseIP's zone-carrying cousins (an IPv6 zone, "fe80::1%x", is any
// text), net/mail.ParseAddress (a display name or a quoted local part is
// any text), net/url.Parse (accepts almost anything).
var parsers = goapi.Table[Parser]{}.Merge(
	// An IANA zone name ("America/Argentina/Buenos_Aires", "Etc/GMT+3")
	// that the zone database knows: letters, digits, '/', '_', '-', '+';
	// LoadLocation refuses "..", and the name is a file of the database,
	// so it is bounded everywhere but at a path or a URL.
	goapi.Set(Parser{Arg: 0, Result: wordSinks, Input: wordSinks}, "time.LoadLocation"),
	// A date or time that a layout accepted: digits, signs, ':', '.',
	// 'T', month and zone names; with a layout the program chose, the
	// accepted text has the layout's punctuation only ('/' in
	// "01/02/2006", hence not at a path).
	goapi.Set(Parser{Arg: 1, Input: wordSinks}, "time.Parse", "time.ParseInLocation"),
	// A duration: digits, '.', signs and unit letters.
	goapi.Set(Parser{Arg: 0, Input: wordSinks}, "time.ParseDuration"),
	// A UUID in one of its four spellings: hex digits, '-', braces and a
	// "urn:uuid:" prefix.
	goapi.Set(Parser{Arg: 0, Input: wordSinks}, "github.com/google/uuid.Parse", "github.com/google/uuid.Validate",
		"github.com/gofrs/uuid.FromString", "github.com/satori/go.uuid.FromString"),
	// lib/pq's quoting: a literal whose quotes and backslashes are doubled
	// inside single quotes (E'...' when it has a backslash), an identifier
	// inside double quotes. (pgx's Identifier.Sanitize is a sanitiser of
	// models_sqldrivers.go.)
	goapi.Set(Parser{Result: SQL}, "github.com/lib/pq.QuoteLiteral", "github.com/lib/pq.QuoteIdentifier"),
)

// bounds is the set of sinks where all of t is bounded.
func bounds(t taint) Sink {
	var out Sink
	for _, f := range boundFlags {
		if t[f.bit] != nil {
			out |= f.sinks
		}
	}
	return out
}

// withBounds is t marked as bounded at the sinks of s (a union of
// boundFlags' sets), in a new map.
func withBounds(t taint, s Sink, pos token.Pos) taint {
	if len(t) == 0 || s == 0 {
		return t
	}
	out := merge(nil, t)
	for _, f := range boundFlags {
		if s&f.sinks == f.sinks {
			out[f.bit] = &Trace{Pos: pos}
		}
	}
	return out
}

// joinBounds is called before src is added to dst: the marks the union
// has (those that every side holding data has), and whether any side has
// a mark at all (when none has, there is nothing to do).
func joinBounds(dst, src taint) (want [len(boundFlags)]bool, check bool) {
	for _, f := range boundFlags {
		if dst[f.bit] != nil || src[f.bit] != nil {
			check = true
		}
	}
	if !check {
		return want, false
	}
	dd, sd := holdsData(dst), holdsData(src)
	for i, f := range boundFlags {
		d, s := dst[f.bit] != nil, src[f.bit] != nil
		switch {
		case dd && sd:
			want[i] = d && s
		case dd:
			want[i] = d
		case sd:
			want[i] = s
		default:
			want[i] = d || s
		}
	}
	return want, true
}

// setBounds gives dst the marks of want (joinBounds), taking a new mark's
// trace from src; it reports whether dst changed.
func setBounds(dst, src taint, want [len(boundFlags)]bool) bool {
	changed := false
	for i, f := range boundFlags {
		switch has := dst[f.bit] != nil; {
		case want[i] && !has:
			dst[f.bit] = src[f.bit]
			changed = true
		case !want[i] && has:
			delete(dst, f.bit)
			changed = true
		}
	}
	return changed
}

// boundBit: k is one of the marks of boundFlags.
func boundBit(k int) bool { return k == wordBit || k == sqlBit }

// boundedReach: t reaches a sink of kind where it is bounded.
func boundedReach(t taint, kind Sink) bool {
	return kind != 0 && bounds(t)&kind == kind && holdsData(t)
}

// quotedLiteral: x is q + v + q with q a constant ending (and beginning)
// with a single quote and v a string whose single quotes were doubled
// (strings.ReplaceAll(v, "'", "”")): a SQL string literal the data cannot
// close. This is how a program's own quoting helper is recognised, by what
// its body does; its summary then carries the mark to its callers.
func quotedLiteral(x *ssa.BinOp) bool {
	if x.Op != token.ADD || !strings.HasPrefix(constString(x.Y), "'") {
		return false
	}
	l, ok := x.X.(*ssa.BinOp)
	if !ok || l.Op != token.ADD || !strings.HasSuffix(constString(l.X), "'") {
		return false
	}
	call, ok := l.Y.(*ssa.Call)
	if !ok {
		return false
	}
	return doublesQuote(&call.Call)
}

// doublesQuote: the call is strings.ReplaceAll(v, "'", "”") or
// strings.Replace(v, "'", "”", -1).
func doublesQuote(c *ssa.CallCommon) bool {
	fn := callee(c)
	if fn == nil {
		return false
	}
	switch goapi.Of(fn).String() {
	case "strings.ReplaceAll":
		if len(c.Args) != 3 {
			return false
		}
	case "strings.Replace":
		if len(c.Args) != 4 {
			return false
		}
		n, ok := c.Args[3].(*ssa.Const)
		if !ok || n.Value == nil || n.Value.Kind() != constant.Int {
			return false
		}
		if v, ok := constant.Int64Val(n.Value); !ok || v >= 0 {
			return false
		}
	default:
		return false
	}
	return constString(c.Args[1]) == "'" && constString(c.Args[2]) == "''"
}

func init() {
	// Results that hold no text of the input: a time.Time, 16 bytes.
	library(Models{Parsers: parsers, Sanitizers: goapi.Set(true,
		"time.Parse", "time.ParseInLocation", "github.com/google/uuid.Parse", "github.com/google/uuid.MustParse",
		"github.com/gofrs/uuid.FromString", "github.com/satori/go.uuid.FromString")})
}
