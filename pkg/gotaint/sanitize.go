package gotaint

import (
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// clean reports whether v, used in block b, has been checked against
// allowed values on every path that reaches b: compared with a non-empty
// constant (an enum or a switch), looked up in a map (an allow-list), or
// passed to a validator such as slices.Contains. Both branches of the
// check count, since the failing one usually returns.
func (s *state) clean(v ssa.Value, b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	return s.checkedAt(s.vkey(v), b)
}

// parsedBounds are the sinks where v, used in block b, is bounded because
// a strict parser accepted it on every path that reaches b (bounds.go):
// the code after if _, err := time.LoadLocation(v); err != nil { return }.
func (s *state) parsedBounds(v ssa.Value, b *ssa.BasicBlock) Sink {
	if b == nil || !s.parsedIn[b.Parent()] {
		return 0
	}
	k := s.vkey(v)
	var out Sink
	for _, f := range boundFlags {
		if s.checkedAt(vkey{k.root, k.path + parsedMark(f.bit)}, b) {
			out |= f.sinks
		}
	}
	return out
}

// parsedMark tells the checks of a strict parser (for the mark bit) from
// the others in a function's checks.
func parsedMark(bit int) string { return "#parsed" + strconv.Itoa(bit) }

// checkedAt: the value of key k has been checked on every path from the
// entry of b's function to b.
func (s *state) checkedAt(k vkey, b *ssa.BasicBlock) bool {
	f := b.Parent()
	checks := s.checks[f]
	if checks == nil {
		checks = s.findChecks(f)
		s.checks[f] = checks
	}
	blocks := checks[k]
	if len(blocks) == 0 {
		return false
	}
	ck := vkey{k.root, k.path + "@" + f.String()}
	reach := s.cleanAt[ck]
	if reach == nil {
		// Blocks reachable from the entry without leaving a check.
		reach = map[*ssa.BasicBlock]bool{}
		stop := map[*ssa.BasicBlock]bool{}
		for _, cb := range blocks {
			stop[cb] = true
		}
		work := []*ssa.BasicBlock{f.Blocks[0]}
		reach[f.Blocks[0]] = true
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			if stop[x] {
				continue
			}
			for _, y := range x.Succs {
				if !reach[y] {
					reach[y] = true
					work = append(work, y)
				}
			}
		}
		s.cleanAt[ck] = reach
	}
	return !reach[b]
}

func (s *state) findChecks(f *ssa.Function) map[vkey][]*ssa.BasicBlock {
	out := map[vkey][]*ssa.BasicBlock{}
	for _, b := range f.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if v, p := s.parsedBy(ifi.Cond); v != nil {
			k := s.vkey(v)
			for _, fl := range boundFlags {
				if p.Input&fl.sinks == fl.sinks {
					pk := vkey{k.root, k.path + parsedMark(fl.bit)}
					out[pk] = append(out[pk], b)
					s.parsedIn[f] = true
				}
			}
		}
		for _, g := range s.guarded(ifi.Cond, 0) {
			k := s.vkey(g)
			out[k] = append(out[k], b)
			if head := rangeHead(ifi.Cond); head != nil && !slices.Contains(out[k], head) {
				// A loop that checks every character of the string:
				// leaving it (even at once, for an empty string) means
				// every character passed.
				out[k] = append(out[k], head)
			}
		}
	}
	return out
}

// parsedBy is the value that a condition checks with a strict parser
// whose error it tests (err != nil, err == nil; see parsers), and the
// parser's entry.
func (s *state) parsedBy(c ssa.Value) (ssa.Value, Parser) {
	x, ok := c.(*ssa.BinOp)
	if !ok || x.Op != token.EQL && x.Op != token.NEQ {
		return nil, Parser{}
	}
	for _, pair := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
		if k, ok := pair[1].(*ssa.Const); !ok || k.Value != nil || !types.Identical(pair[0].Type(), errorType) {
			continue
		}
		v := pair[0]
		if e, ok := v.(*ssa.Extract); ok {
			v = e.Tuple
		}
		call, ok := v.(*ssa.Call)
		if !ok {
			continue
		}
		fn := callee(&call.Call)
		if fn == nil {
			continue
		}
		p, ok := s.e.m.Parsers.Lookup(fn)
		if !ok || p.Input == 0 {
			continue
		}
		i := p.Arg
		if call.Call.IsInvoke() || fn.Signature().Recv() != nil {
			i++
		}
		ops := call.Call.Args
		if call.Call.IsInvoke() {
			ops = append([]ssa.Value{call.Call.Value}, ops...)
		}
		if i < len(ops) {
			return ops[i], p
		}
	}
	return nil, Parser{}
}

// guarded are the values a condition checks against allowed values.
func (s *state) guarded(c ssa.Value, depth int) []ssa.Value {
	if depth > 4 {
		return nil
	}
	switch x := c.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			return s.guarded(x.X, depth+1)
		}
	case *ssa.BinOp:
		if x.Op == token.EQL || x.Op == token.NEQ {
			if allowedConst(x.Y) {
				return []ssa.Value{x.X}
			}
			if allowedConst(x.X) {
				return []ssa.Value{x.Y}
			}
		}
		if isIntConst(x.X) || isIntConst(x.Y) {
			// c >= 'a' && c <= 'z' on every character of a string (a
			// loop over its bytes or runes): the string is checked
			// against a character class.
			for _, v := range []ssa.Value{x.X, x.Y} {
				if str := charOf(v); str != nil {
					return []ssa.Value{str}
				}
				// strings.IndexAny(name, "/\\") >= 0: a search for a
				// separator.
				if call, ok := v.(*ssa.Call); ok {
					if str := separatorCheck(&call.Call); str != nil {
						return []ssa.Value{str}
					}
				}
			}
		}
	case *ssa.Extract:
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 1 && isMap(l.X) {
			return []ssa.Value{l.Index}
		}
	case *ssa.Lookup:
		if isMap(x.X) {
			return []ssa.Value{x.Index}
		}
	case *ssa.Call:
		return s.checkedBy(&x.Call)
	}
	if x, ok := c.(*ssa.BinOp); ok && (x.Op == token.EQL || x.Op == token.NEQ) {
		// err != nil, where err is what a validator returned.
		for _, pair := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
			if k, ok := pair[1].(*ssa.Const); !ok || k.Value != nil {
				continue
			}
			v := pair[0]
			if e, ok := v.(*ssa.Extract); ok {
				v = e.Tuple
			}
			if call, ok := v.(*ssa.Call); ok {
				return s.checkedBy(&call.Call)
			}
		}
	}
	return nil
}

// checkedBy are the arguments that a call checks, by the tables
// (Validators), by the summary of a function of the package or by the
// fact of one of another package (FuncFact.Validates).
func (s *state) checkedBy(c *ssa.CallCommon) []ssa.Value {
	fn := callee(c)
	if fn == nil {
		return nil
	}
	ops := c.Args
	if c.IsInvoke() {
		ops = append([]ssa.Value{c.Value}, ops...)
	}
	if vs := s.containment(c, fn, ops); len(vs) > 0 {
		return vs // a path compared with a root (guards.go)
	}
	if str := separatorCheck(c); str != nil {
		return []ssa.Value{str}
	}
	if i, ok := s.e.m.Validators.Lookup(fn); ok {
		if fn.Signature().Recv() != nil {
			i++
		}
		if regexpMatchers[goapi.Of(fn)] {
			if known, safe := s.safeRegexp(ops[0]); known && !(safe && s.anchoredRegexp(ops[0])) && !s.nameRegexp(ops[0]) {
				return nil // a pattern that lets anything through checks nothing
			}
		}
		if i < len(ops) {
			return []ssa.Value{ops[i]}
		}
		return nil
	}
	if sum := s.calleeSummary(c, fn); sum != nil {
		return pick(ops, sum.Validates)
	}
	return nil
}

// validates are the parameters of the function being analysed that it
// checks and whose verdict it returns: it returns a bool or an error, and
// a branch or a returned value checks the parameter itself (a validator,
// a comparison with a constant, an allow-list lookup).
func (s *state) validates() []int {
	fn := s.fn
	res := fn.Signature.Results()
	if res.Len() != 1 || !(types.Identical(res.At(0).Type(), errorType) || isBool(res.At(0).Type())) {
		return nil
	}
	params := map[ssa.Value]int{}
	for i, p := range fn.Params {
		params[p] = i
	}
	var out []int
	var note func(c ssa.Value, depth int)
	note = func(c ssa.Value, depth int) {
		if phi, ok := c.(*ssa.Phi); ok && depth < 3 && isBool(phi.Type()) && !trueEdge(phi) {
			// return id != "" && pattern.MatchString(id): the verdict is
			// false or the check's own, on every path.
			for _, e := range phi.Edges {
				note(e, depth+1)
			}
			return
		}
		for _, g := range s.guarded(c, 0) {
			k := s.vkey(g)
			if i, ok := params[k.root]; ok && k.path == "" && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		switch x := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.If:
			note(x.Cond, 0)
		case *ssa.Return:
			for _, r := range x.Results {
				note(r, 0)
			}
		}
	}
	slices.Sort(out)
	return out
}

var (
	regexpMatchers  = goapi.Set(true, "(*regexp.Regexp).MatchString", "(*regexp.Regexp).Match")
	regexpCompilers = goapi.Set(true, "regexp.MustCompile", "regexp.Compile", "regexp.MustCompilePOSIX", "regexp.CompilePOSIX")
)

// trueEdge: a phi of booleans takes a constant true on some path, as
// x == "" || check(x) does: the function then says yes without checking.
func trueEdge(phi *ssa.Phi) bool {
	for _, e := range phi.Edges {
		if k, ok := e.(*ssa.Const); ok && k.Value != nil && constant.BoolVal(k.Value) {
			return true
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// safeRegexp tells whether v is a regular expression whose pattern is
// known (regexp.MustCompile or Compile of a constant, held in a local or
// a package variable) and, if so, whether every string it matches is
// made of letters, digits, '_' and '-' only, so that neither a match nor
// a capture group can hold a path separator, a dot, a quote or a shell
// metacharacter. A pattern anchored at both ends that is safe makes a
// MatchString a check on the whole string.
func (s *state) safeRegexp(v ssa.Value) (known, safe bool) {
	pat, ok := s.regexpPattern(v, 0)
	if !ok {
		return false, false
	}
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return true, false
	}
	return true, safeRE(re.Simplify())
}

// safeGroups are the capture groups of the regular expression v that
// can only hold safe characters (see safeRegexp), by index.
func (s *state) safeGroups(v ssa.Value) map[int]bool {
	pat, ok := s.regexpPattern(v, 0)
	if !ok {
		return nil
	}
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil
	}
	out := map[int]bool{}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if re.Op == syntax.OpCapture && safeRE(re) {
			out[re.Cap] = true
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(re.Simplify())
	return out
}

// safeGroup: m[i], with m a submatch result and i a constant, is a safe
// capture group.
func (s *state) safeGroup(m, i ssa.Value) bool {
	groups := s.groups[m]
	c, ok := i.(*ssa.Const)
	if groups == nil || !ok || c.Value == nil {
		return false
	}
	n, ok := constant.Int64Val(c.Value)
	return ok && groups[int(n)]
}

// anchoredRegexp: the pattern of v matches whole strings only (^...$).
func (s *state) anchoredRegexp(v ssa.Value) bool {
	pat, _ := s.regexpPattern(v, 0)
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return false
	}
	re = re.Simplify()
	return re.Op == syntax.OpConcat && len(re.Sub) >= 2 &&
		re.Sub[0].Op == syntax.OpBeginText && re.Sub[len(re.Sub)-1].Op == syntax.OpEndText
}

// nameRegexp: v is a regular expression of known pattern, anchored at
// both ends, that matches names of safe characters and dots only and
// matches neither "." nor "..": `^[A-Za-z0-9][A-Za-z0-9._-]*$`. A string
// it accepts is one entry of a directory (a dot inside a name, as in
// "v1.2" or "a.json", is not a way out), and no option or shell word.
func (s *state) nameRegexp(v ssa.Value) bool {
	pat, ok := s.regexpPattern(v, 0)
	if !ok || !s.anchoredRegexp(v) {
		return false
	}
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil || !safeREDots(re.Simplify(), true) {
		return false
	}
	m, err := regexp.Compile(pat)
	return err == nil && !m.MatchString(".") && !m.MatchString("..")
}

func safeRE(re *syntax.Regexp) bool { return safeREDots(re, false) }

// safeREDots is safeRE, with '.' also allowed when dots is set.
func safeREDots(re *syntax.Regexp, dots bool) bool {
	ok := func(r rune) bool { return safeRune(r) || dots && r == '.' }
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !ok(r) {
				return false
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !ok(r) {
					return false
				}
			}
		}
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !safeREDots(sub, dots) {
				return false
			}
		}
		return true
	}
	return false // any character, any character but newline, ...
}

func safeRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// regexpPattern finds the constant pattern a *regexp.Regexp value was
// compiled from.
func (s *state) regexpPattern(v ssa.Value, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	switch x := v.(type) {
	case *ssa.Call:
		if fn := callee(&x.Call); fn != nil && len(x.Call.Args) == 1 {
			if regexpCompilers[goapi.Of(fn)] {
				if k, ok := x.Call.Args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
					return constant.StringVal(k.Value), true
				}
			}
		}
	case *ssa.Extract:
		return s.regexpPattern(x.Tuple, depth+1)
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			// A package variable: the value its initializer stores.
			if init := g.Pkg.Func("init"); init != nil {
				for _, b := range init.Blocks {
					for _, instr := range b.Instrs {
						if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
							return s.regexpPattern(st.Val, depth+1)
						}
					}
				}
			}
		}
	case *ssa.FreeVar:
		if a := s.alias[x]; a != nil {
			return s.regexpPattern(a, depth+1)
		}
	}
	return "", false
}

func isMap(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Map)
	return ok
}

// allowedConst: a constant that names an allowed value (not "" or nil,
// which test for presence, not for a value).
func allowedConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return false
	}
	if c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value) != ""
	}
	return false
}

// vkey names a value up to re-loading: every load of req.Mode has the
// same key.
func (s *state) vkey(v ssa.Value) vkey {
	path := ""
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return vkey{v, path}
			}
			v = x.X
			continue
		case *ssa.FieldAddr:
			path = strconv.Itoa(x.Field) + "." + path
			v = x.X
			continue
		case *ssa.Field:
			path = strconv.Itoa(x.Field) + "." + path
			v = x.X
			continue
		case *ssa.FreeVar:
			if a := s.alias[x]; a != nil {
				v = a
				continue
			}
		case *ssa.MakeInterface:
			// Validate(any(v)) checks v.
			if path == "" {
				v = x.X
				continue
			}
		case *ssa.Call:
			// A check of strings.TrimSpace(v) checks v: trimming or
			// changing the case of a string adds no separator, dot or
			// metacharacter to what the check saw, so a validator that
			// trims its argument first (the usual shape) still checks it.
			if path == "" && sameChars(&x.Call) {
				v = x.Call.Args[0]
				continue
			}
		}
		break
	}
	return vkey{v, path}
}

func isIntConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Int
}

// rangeHead is the block of the loop over a string whose characters a
// condition compares with constants (c >= 'a', in a range loop over the
// string), or nil.
func rangeHead(c ssa.Value) *ssa.BasicBlock {
	x, ok := c.(*ssa.BinOp)
	if !ok || !isIntConst(x.X) && !isIntConst(x.Y) {
		return nil
	}
	for _, v := range []ssa.Value{x.X, x.Y} {
		if cv, ok := v.(*ssa.Convert); ok {
			v = cv.X
		}
		if e, ok := v.(*ssa.Extract); ok {
			if n, ok := e.Tuple.(*ssa.Next); ok && n.IsString && e.Index == 2 {
				return n.Block()
			}
		}
	}
	return nil
}

// charOf: v is a character of a string read in a loop over all of it
// (s[i] with a variable i, or the rune of a range over s): the string.
func charOf(v ssa.Value) ssa.Value {
	if cv, ok := v.(*ssa.Convert); ok {
		v = cv.X
	}
	switch x := v.(type) {
	case *ssa.Index:
		if _, isConst := x.Index.(*ssa.Const); !isConst && isString(x.X.Type()) {
			return x.X
		}
	case *ssa.Extract:
		if n, ok := x.Tuple.(*ssa.Next); ok && n.IsString && x.Index == 2 {
			if r, ok := n.Iter.(*ssa.Range); ok {
				return r.X
			}
		}
	}
	return nil
}

// sameChars: the call returns its string argument with only white space
// trimmed or the case of letters changed, so that a check of the result
// against separators, dots or a character class holds for the argument
// too (up to white space and case, which neither a path nor a command
// line can use to escape).
func sameChars(c *ssa.CallCommon) bool {
	fn := callee(c)
	if fn == nil || len(c.Args) != 1 {
		return false
	}
	switch goapi.Of(fn).String() {
	case "strings.TrimSpace", "strings.ToLower", "strings.ToUpper", "bytes.TrimSpace", "bytes.ToLower", "bytes.ToUpper":
		return true
	}
	return false
}

// separatorCheck is the string that a call searches for a path separator
// or a parent reference (strings.ContainsAny(name, "/\\"),
// strings.Contains(name, ".."), strings.IndexByte(name, '/')), or nil. A
// branch on the answer is how validators refuse a name that could leave
// the directory it is joined to (a name with no separator and no ".."
// names one entry of that directory).
func separatorCheck(c *ssa.CallCommon) ssa.Value {
	fn := callee(c)
	if fn == nil || len(c.Args) != 2 {
		return nil
	}
	switch goapi.Of(fn).String() {
	case "strings.Contains", "strings.ContainsAny", "strings.ContainsRune", "strings.Index", "strings.IndexAny",
		"strings.IndexByte", "strings.IndexRune", "strings.LastIndex", "strings.LastIndexAny", "strings.LastIndexByte",
		"strings.Count":
	default:
		return nil
	}
	k, ok := c.Args[1].(*ssa.Const)
	if !ok || k.Value == nil {
		return nil
	}
	var text string
	switch k.Value.Kind() {
	case constant.String:
		text = constant.StringVal(k.Value)
	case constant.Int:
		if r, ok := constant.Int64Val(k.Value); ok {
			text = string(rune(r))
		}
	}
	if strings.HasSuffix(goapi.Of(fn).String(), "Any") {
		if strings.ContainsAny(text, "/\\") {
			return c.Args[0] // a set of characters with a separator in it
		}
		return nil
	}
	if text == ".." || text == "/" || text == "\\" {
		return c.Args[0]
	}
	return nil
}
