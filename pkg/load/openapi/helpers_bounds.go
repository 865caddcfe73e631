package openapi

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// Site is a part of a request that carries a schema's data.
type Site uint8

const (
	InBody Site = 1 << iota // the request body, form fields included
	InQuery
	InPath
	InHeader
	InCookie
)

func siteOf(in string) Site {
	switch in {
	case "query":
		return InQuery
	case "path":
		return InPath
	case "header":
		return InHeader
	case "cookie":
		return InCookie
	}
	return 0
}

// Inputs indexes what clients send: for every schema that is part of a
// request, the sites its data travels in and the names it is sent under.
// Read-only properties are left out, and so is everything below them: a
// client does not send them. A property is read-only when it says so with
// readOnly: true or, as Google's and Microsoft's descriptions do, with a
// sentence of its description ("Output only.", "Read-only.").
type Inputs struct {
	sites  map[*openapi3.Schema]Site
	params map[*openapi3.Schema][]*Param
	names  map[*openapi3.Schema][]string
	// under is the parameter a schema was first reached from.
	under map[*openapi3.Schema]*Param
	// composers are the schemas a schema is an allOf part of; direct says
	// it is also sent on its own (as a body, parameter, property, item…).
	composers map[*openapi3.Schema][]*openapi3.Schema
	direct    map[*openapi3.Schema]bool
	// roots are the schemas of request bodies and parameters; depth is
	// computed from them on first use (see Depth).
	roots     []*openapi3.Schema
	depthOnce sync.Once
	depth     map[*openapi3.Schema]int
}

// readOnlyProse matches a description that declares its property read-only
// in a sentence of its own: "Output only. The time…", "… Read-only.",
// "[Output Only] …". "Read-only when isBuiltIn is true." does not match.
var readOnlyProse = regexp.MustCompile(`(?i)(^|[.:;]\s+|\]\s*)(\[output[ -]only\]|output[ -]only\.|read[ -]?only\.|this (property|field|value) is read[ -]?only\.)`)

// ReadOnly reports whether clients do not send a property: readOnly: true,
// or a description that says so (see Inputs).
func ReadOnly(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	d := s.Description
	// Every phrase the expression knows ends in "only": skip it for the
	// many descriptions that cannot match.
	return s.ReadOnly || (strings.Contains(d, "nly") || strings.Contains(d, "NLY")) && readOnlyProse.MatchString(d)
}

// navigation reports whether a property is an OData navigation property
// (Microsoft Graph's x-ms-navigationProperty: true): a relationship to
// other entities that clients change through the relationship's own
// paths, never inline in the entity's body.
func navigation(s *openapi3.Schema) bool {
	v, _ := s.Extensions["x-ms-navigationProperty"].(bool)
	return v
}

// NewInputs walks the parameters and request bodies of every operation. The
// walk is done once per document and shared by the rules that ask for it.
func NewInputs(t *openapi3.T) *Inputs {
	return cached(t, "inputs", func() *Inputs { return newInputs(t) })
}

func newInputs(t *openapi3.T) *Inputs {
	in := &Inputs{
		sites:  map[*openapi3.Schema]Site{},
		params: map[*openapi3.Schema][]*Param{},
		names:  map[*openapi3.Schema][]string{},
		under:  map[*openapi3.Schema]*Param{},

		composers: map[*openapi3.Schema][]*openapi3.Schema{},
		direct:    map[*openapi3.Schema]bool{},
	}
	for _, p := range Parameters(t) {
		site := siteOf(p.P.In)
		if s := p.P.Schema; s != nil && s.Value != nil {
			in.params[s.Value] = append(in.params[s.Value], p)
			in.name(s.Value, p.P.Name)
			in.walk(s.Value, site, p, nil)
			in.roots = append(in.roots, s.Value)
		}
		for _, mt := range slices.Sorted(maps.Keys(p.P.Content)) {
			if m := p.P.Content[mt]; m != nil && m.Schema != nil && m.Schema.Value != nil {
				in.params[m.Schema.Value] = append(in.params[m.Schema.Value], p)
				in.name(m.Schema.Value, p.P.Name)
				in.walk(m.Schema.Value, site, p, nil)
				in.roots = append(in.roots, m.Schema.Value)
			}
		}
	}
	for _, op := range Operations(t) {
		rb := op.Op.RequestBody
		if rb == nil || rb.Value == nil {
			continue
		}
		for _, mt := range slices.Sorted(maps.Keys(rb.Value.Content)) {
			if m := rb.Value.Content[mt]; m != nil && m.Schema != nil {
				in.walk(m.Schema.Value, InBody, nil, nil)
				in.roots = append(in.roots, m.Schema.Value)
			}
		}
	}
	return in
}

func (in *Inputs) name(s *openapi3.Schema, name string) {
	if !slices.Contains(in.names[s], name) {
		in.names[s] = append(in.names[s], name)
	}
}

// walk records s and what lies below it; composer is the schema s is an
// allOf part of, or nil when s is sent on its own.
func (in *Inputs) walk(s *openapi3.Schema, site Site, param *Param, composer *openapi3.Schema) {
	if s == nil || ReadOnly(s) {
		return
	}
	if param != nil && in.under[s] == nil {
		in.under[s] = param
	}
	if composer == nil {
		in.direct[s] = true
	} else if !slices.Contains(in.composers[s], composer) {
		in.composers[s] = append(in.composers[s], composer)
	}
	if in.sites[s]|site == in.sites[s] {
		return
	}
	in.sites[s] |= site
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if ref := s.Properties[name]; ref != nil && ref.Value != nil {
			if navigation(ref.Value) {
				continue // a relationship, written through its own paths
			}
			if !ReadOnly(ref.Value) {
				in.name(ref.Value, name)
			}
			in.walk(ref.Value, site, param, nil)
		}
	}
	sub := func(ref *openapi3.SchemaRef, composer *openapi3.Schema) {
		if ref != nil {
			in.walk(ref.Value, site, param, composer)
		}
	}
	sub(s.Items, nil)
	sub(s.AdditionalProperties.Schema, nil)
	sub(s.Not, nil)
	for _, ref := range s.AllOf {
		sub(ref, s)
	}
	for _, list := range []openapi3.SchemaRefs{s.AnyOf, s.OneOf} {
		for _, ref := range list {
			sub(ref, nil)
		}
	}
}

// Holds is the package's Holds for a schema as clients send it: it also
// holds when s is only ever sent as an allOf part of schemas for which it
// holds, as in allOf: [{$ref: Text}, {maxLength: 200}], where Text alone
// has no bound.
func (in *Inputs) Holds(s *openapi3.Schema, pred func(*openapi3.Schema) bool) bool {
	b := newWalkBudget()
	defer b.done(s)
	return in.holds(s, pred, 0, b)
}

func (in *Inputs) holds(s *openapi3.Schema, pred func(*openapi3.Schema) bool, depth int, b *walkBudget) bool {
	if holds(s, pred, 0, b) {
		return true
	}
	composers := in.composers[s]
	return !in.direct[s] && len(composers) > 0 && depth < 16 && !slices.ContainsFunc(composers, func(c *openapi3.Schema) bool {
		return !b.Spend() || !in.holds(c, pred, depth+1, b)
	})
}

// Sites returns where the data of s travels in requests; 0 when clients
// never send it.
func (in *Inputs) Sites(s *openapi3.Schema) Site { return in.sites[s] }

// Params returns the parameters whose own schema s is.
func (in *Inputs) Params(s *openapi3.Schema) []*Param { return in.params[s] }

// Names returns the names s is sent under: the properties whose value it is
// and the parameters whose schema it is.
func (in *Inputs) Names(s *openapi3.Schema) []string { return in.names[s] }

// Param returns the parameter s was first reached from, itself or as a part
// of its schema (anyOf[0] .gte of a "created" filter), or nil for schemas
// only in bodies.
func (in *Inputs) Param(s *openapi3.Schema) *Param { return in.under[s] }

// PageSizeOrCost reports whether s is a query parameter's page size or a
// model-cost field by the default names, which OAS206 and OAS207 check and
// the other bounds rules leave to them. A body property named first, last
// or size is an ordinary field.
func (in *Inputs) PageSizeOrCost(s *openapi3.Schema) bool {
	for _, p := range in.params[s] {
		if p.P.In == "query" && defaultPageSize[NameKey(p.P.Name)] {
			return true
		}
	}
	return slices.ContainsFunc(in.names[s], func(n string) bool { return ModelCostName(n, defaultModelCost) })
}

var (
	defaultPageSize  = NameKeys(DefaultPageSizeNames())
	defaultModelCost = NameKeys(DefaultModelCostNames())
)

// Name names a request schema for a message: `query parameter "limit" of
// get /pets` (with the path to a part of it: `… anyOf[1]`), or Describe's
// name for the schema's pointer.
func (in *Inputs) Name(s *Schema) string {
	if ps := in.params[s.S]; len(ps) > 0 {
		return ParamName(ps[0])
	}
	if p := in.under[s.S]; p != nil && strings.HasPrefix(s.Pointer, p.Pointer+"/") {
		head, full := Describe(p.Pointer), Describe(s.Pointer)
		if strings.HasPrefix(full, head) {
			return ParamName(p) + full[len(head):]
		}
	}
	return Describe(s.Pointer)
}

// ParamName names a parameter for a message, with the operations that take
// it: `query parameter "limit" of get /pets and 2 more`.
func ParamName(p *Param) string {
	name := fmt.Sprintf("%s parameter %q", p.P.In, p.P.Name)
	switch ops := p.Users; len(ops) {
	case 0:
		return name
	case 1:
		return fmt.Sprintf("%s of %s %s", name, ops[0].Method, ops[0].Path)
	default:
		return fmt.Sprintf("%s of %s %s and %d more", name, ops[0].Method, ops[0].Path, len(ops)-1)
	}
}

// Holds reports whether pred holds for s as a validator applies it: for s
// itself or one of its allOf parts, or for every branch of its oneOf or of
// its anyOf (a branch that admits only null needs no bound). It answers "is
// the value bounded" for schemas that compose their bounds from parts.
//
// A walk that takes more than HoldsLimit steps (a schema whose parts are
// itself, several times over, took 8^17) stops and answers false, as for a
// schema too deep; the scan reports the stop (see Stopped).
func Holds(s *openapi3.Schema, pred func(*openapi3.Schema) bool) bool {
	b := newWalkBudget()
	defer b.done(s)
	return holds(s, pred, 0, b)
}

func holds(s *openapi3.Schema, pred func(*openapi3.Schema) bool, depth int, b *walkBudget) bool {
	if s == nil || depth > 16 || !b.Spend() {
		return false
	}
	if pred(s) {
		return true
	}
	for _, part := range s.AllOf {
		if part != nil && holds(part.Value, pred, depth+1, b) {
			return true
		}
	}
	for _, list := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		if len(list) > 0 && !slices.ContainsFunc(list, func(r *openapi3.SchemaRef) bool {
			return r == nil || !(r.Value != nil && r.Value.Type.Is("null") || holds(r.Value, pred, depth+1, b))
		}) {
			return true
		}
	}
	return false
}

// HasType reports whether s, or one of its allOf parts, declares typ among
// its types.
func HasType(s *openapi3.Schema, typ string) bool {
	return Holds(s, func(s *openapi3.Schema) bool { return s.Type.Includes(typ) })
}

// Fixed reports whether s admits a fixed set of values: an enum or a const.
func Fixed(s *openapi3.Schema) bool { return len(s.Enum) > 0 || s.Const != nil }

// HasMaximum reports whether a number schema has an upper bound: maximum,
// exclusiveMaximum as a number (3.1), or a fixed set of values.
func HasMaximum(s *openapi3.Schema) bool {
	return s.Max != nil || s.ExclusiveMax.Value != nil || Fixed(s)
}

// HasMinimum is HasMaximum's counterpart for the lower bound.
func HasMinimum(s *openapi3.Schema) bool {
	return s.Min != nil || s.ExclusiveMin.Value != nil || Fixed(s)
}

// PatternMaxLength returns the longest string a pattern can match when the
// pattern is anchored at both ends (^…$) and repeats nothing without limit:
// "^[A-Z]{3}$" gives 3. It returns false for any other pattern, and for
// ECMA-262 syntax Go cannot read (lookarounds, backreferences).
//
// Go refuses repeat counts over 1000, which ECMA-262 allows ("^.{1,5000}$"):
// such counts are read as 1000, which keeps the answer to "is it bounded"
// right and makes the length a lower estimate.
func PatternMaxLength(pattern string) (int, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		var serr *syntax.Error
		if !errors.As(err, &serr) || serr.Code != syntax.ErrInvalidRepeatSize {
			return 0, false
		}
		re, err = syntax.Parse(bigRepeat.ReplaceAllStringFunc(pattern, clampRepeat), syntax.Perl)
		if err != nil {
			return 0, false
		}
	}
	return anchoredMax(re)
}

var (
	bigRepeat = regexp.MustCompile(`\{\d+(,\d*)?\}`)
	bigCount  = regexp.MustCompile(`\d{4,}`)
)

func clampRepeat(q string) string {
	return bigCount.ReplaceAllStringFunc(q, func(n string) string {
		if len(n) > 4 || n > "1000" {
			return "1000"
		}
		return n
	})
}

// maxRunes bounds the lengths patternMax adds up, so that nested repeats
// cannot overflow.
const maxRunes = 1 << 20

// anchoredMax is the longest match of a regexp whose every alternative is
// anchored at both ends.
func anchoredMax(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpCapture:
		return anchoredMax(re.Sub[0])
	case syntax.OpAlternate:
		longest := 0
		for _, sub := range re.Sub {
			n, ok := anchoredMax(sub)
			if !ok {
				return 0, false
			}
			longest = max(longest, n)
		}
		return longest, true
	case syntax.OpConcat:
		if len(re.Sub) < 2 || !isAnchor(re.Sub[0], true) || !isAnchor(re.Sub[len(re.Sub)-1], false) {
			return 0, false
		}
		return patternMax(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1 : len(re.Sub)-1]})
	}
	return 0, false
}

func isAnchor(re *syntax.Regexp, begin bool) bool {
	for re.Op == syntax.OpCapture && len(re.Sub) == 1 {
		re = re.Sub[0]
	}
	if begin {
		return re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine
	}
	return re.Op == syntax.OpEndText || re.Op == syntax.OpEndLine
}

// patternMax is the longest string re matches, or false when it has none.
func patternMax(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return 0, true
	case syntax.OpLiteral:
		return len(re.Rune), true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, true
	case syntax.OpCapture, syntax.OpQuest:
		return patternMax(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return 0, false
	case syntax.OpRepeat:
		if re.Max < 0 {
			return 0, false
		}
		n, ok := patternMax(re.Sub[0])
		return min(n*re.Max, maxRunes), ok
	case syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n, ok := patternMax(sub)
			if !ok {
				return 0, false
			}
			total = min(total+n, maxRunes)
		}
		return total, true
	case syntax.OpAlternate:
		longest := 0
		for _, sub := range re.Sub {
			n, ok := patternMax(sub)
			if !ok {
				return 0, false
			}
			longest = max(longest, n)
		}
		return longest, true
	}
	return 0, false
}

// NameKey folds a name to lowercase letters and digits, so that the
// spellings of one name compare equal: "max_tokens", "maxTokens",
// "Max-Tokens" and "$maxtokens" all give "maxtokens".
func NameKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// NameKeys folds each name with NameKey, for lookups.
func NameKeys(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[NameKey(n)] = true
	}
	return out
}

// DefaultPageSizeNames are the query parameter names that by convention set
// how many items a list returns. OAS206 checks them, and the other bounds
// rules leave them to it.
func DefaultPageSizeNames() []string {
	return []string{
		"limit", "per_page", "page_size", "top", "count", "size", "max_results", "max_items",
		"max_records", "max_page_size", "first", "last", "take", "rows", "page_limit",
		"results_per_page", "items_per_page", "pagelen", "fetch_size",
	}
}

// ModelCostName reports whether a name sets the cost of a model call: one of
// names (folded with NameKeys), or a token budget by its words —
// max_prompt_tokens, maxInputTokens, token_limit, thinking_token_budget. A
// rate (max_tokens_per_minute, batch_1_day_max_input_tokens) is a quota,
// not the cost of one call.
func ModelCostName(name string, names map[string]bool) bool {
	if names[NameKey(name)] {
		return true
	}
	return TokenBudgetName(name)
}

// TokenBudgetName reports whether a name's words make it a token budget not
// listed by name: tokens with max, limit or budget, and no rate.
func TokenBudgetName(name string) bool {
	w := Words(name)
	has := func(words ...string) bool {
		return slices.ContainsFunc(w, func(s string) bool { return slices.Contains(words, s) })
	}
	return has("token", "tokens") && has("max", "maximum", "limit", "budget") &&
		!has("per", "rate", "second", "minute", "hour", "day", "week", "month", "rpm", "tpm")
}

// DefaultModelCostNames are the request fields that by convention set how
// much work one call to a model or agent does. OAS207 checks them, and the
// other bounds rules leave them to it. "n" counts only beside a model
// call's other fields.
func DefaultModelCostNames() []string {
	return []string{
		"max_tokens", "max_output_tokens", "max_completion_tokens", "max_new_tokens",
		"max_tokens_to_sample", "num_predict", "budget_tokens", "thinking_budget",
		"max_reasoning_tokens", "n", "best_of", "num_beams", "candidate_count", "top_k",
		"num_results", "num_return_sequences", "num_outputs", "num_images", "num_inference_steps",
		"max_steps", "max_iterations", "max_turns", "max_tool_calls",
	}
}
