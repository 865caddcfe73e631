package openapi

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Helpers for the agent scope and agency rules (OAS3xx): the scopes a
// document declares, where a security requirement is written, what an
// operation does by its name, and the confirmation marks agent platforms read.

// ScopeDecl is one scope an OAuth2 security scheme declares.
type ScopeDecl struct {
	Scheme      string // the scheme's name under components/securitySchemes
	Name        string // the scope as written, e.g. "bookings:write"
	Description string
	Pointer     string // e.g. /components/securitySchemes/oauth/flows/implicit/scopes/admin
	// Origin and Field locate the declaration for pass.Reportf: the scope's
	// own key when kin-openapi recorded it, else the flow's "scopes" key.
	Origin *openapi3.Origin
	Field  string
}

type agencyFlow struct {
	name string
	flow *openapi3.OAuthFlow
}

// agencyFlows are the flows of an OAuth2 scheme in a fixed order, with the
// names they have in an OpenAPI 3 document.
func agencyFlows(f *openapi3.OAuthFlows) []agencyFlow {
	if f == nil {
		return nil
	}
	return []agencyFlow{
		{"implicit", f.Implicit}, {"password", f.Password},
		{"clientCredentials", f.ClientCredentials}, {"authorizationCode", f.AuthorizationCode},
	}
}

// agencyLine is the line a flow is written on, 0 when unknown.
func agencyLine(f *openapi3.OAuthFlow) int {
	if f == nil || f.Origin == nil || f.Origin.Key == nil {
		return 0
	}
	return f.Origin.Key.Line
}

// DeclaredScopes lists the scopes of every OAuth2 security scheme, sorted by
// scheme and scope name. A scope that several flows of one scheme declare is
// listed once, at the flow written first (in a Swagger 2.0 document, which
// has one flow per scheme, at that flow).
func DeclaredScopes(t *openapi3.T) []ScopeDecl {
	var out []ScopeDecl
	schemes := Schemes(t)
	for _, name := range slices.Sorted(maps.Keys(schemes)) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || ref.Value.Type != "oauth2" {
			continue
		}
		base := Pointer("components", "securitySchemes", name)
		if ref.Ref != "" {
			base = refPointer(ref.Ref, base)
		}
		var decls []ScopeDecl
		seen := map[string]bool{}
		flows := agencyFlows(ref.Value.Flows)
		// The flow written first comes first, where origins tell.
		slices.SortStableFunc(flows, func(a, b agencyFlow) int {
			return agencyLine(a.flow) - agencyLine(b.flow)
		})
		for _, f := range flows {
			if f.flow == nil {
				continue
			}
			for _, scope := range slices.Sorted(maps.Keys(f.flow.Scopes)) {
				if seen[scope] {
					continue
				}
				seen[scope] = true
				d := ScopeDecl{
					Scheme: name, Name: scope, Description: f.flow.Scopes[scope],
					Pointer: Join(base, "flows", f.name, "scopes", scope),
					Origin:  f.flow.Origin, Field: "scopes",
				}
				if o := f.flow.Origin; o != nil {
					for _, loc := range o.Sequences["scopes"] {
						if loc.Name == scope {
							key := loc
							d.Origin, d.Field = &openapi3.Origin{Key: &key}, ""
							break
						}
					}
				}
				decls = append(decls, d)
			}
		}
		slices.SortFunc(decls, func(a, b ScopeDecl) int { return strings.Compare(a.Name, b.Name) })
		out = append(out, decls...)
	}
	return out
}

// SchemeScopes returns the names of the scopes an OAuth2 scheme declares in
// any of its flows, sorted; nil for other schemes.
func SchemeScopes(s *openapi3.SecurityScheme) []string {
	if s == nil || s.Type != "oauth2" {
		return nil
	}
	set := map[string]bool{}
	for _, f := range agencyFlows(s.Flows) {
		if f.flow != nil {
			for k := range f.flow.Scopes {
				set[k] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// RequirementAnchor says how to locate an element inside a list of security
// requirements, which carry no origins of their own: pass it with a pointer
// into the list (e.g. .../security/0/oauth/1). In the root file the pointer
// alone leads to the exact line; for an operation written in another file
// its "security" key stands in. op is nil for the top-level list.
func RequirementAnchor(pass *lint.SpecPass, op *Operation) (*openapi3.Origin, string) {
	if op == nil {
		return nil, ""
	}
	byFile := pass.Locate(op.Pointer, nil, "")
	byOrigin := pass.Locate(op.Pointer, op.Op.Origin, "")
	if byFile.File != byOrigin.File || byFile.Line != byOrigin.Line {
		return op.Op.Origin, "security"
	}
	return nil, ""
}

// RequirementKey is a canonical spelling of a list of security requirements,
// equal for lists that ask for the same alternatives in any order.
func RequirementKey(reqs openapi3.SecurityRequirements) string {
	alts := make([]string, 0, len(reqs))
	for _, r := range reqs {
		var parts []string
		for _, name := range slices.Sorted(maps.Keys(r)) {
			scopes := slices.Clone(r[name])
			slices.Sort(scopes)
			parts = append(parts, strconv.Quote(name)+"["+strings.Join(agencyQuoteAll(scopes), ",")+"]")
		}
		alts = append(alts, "{"+strings.Join(parts, ",")+"}")
	}
	slices.Sort(alts)
	return strings.Join(slices.Compact(alts), "|")
}

func agencyQuoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strconv.Quote(v)
	}
	return out
}

// AgentMarks are the confirmation marks agent platforms read on an
// operation. A nil field was not written (or not as a boolean).
type AgentMarks struct {
	// Consequential is x-openai-isConsequential (OpenAI GPT actions): true
	// makes ChatGPT ask the user before every call; false offers "always
	// allow". When absent, GET counts as false and other methods as true.
	Consequential    *bool
	ConsequentialKey string // the extension key as written

	// ReadOnly and Destructive are the MCP tool annotations readOnlyHint and
	// destructiveHint, written as x-mcp-annotations: {readOnlyHint: ...} or
	// x-mcp: {annotations: {readOnlyHint: ...}} on the operation.
	ReadOnly, Destructive *bool
	HintsKey              string // the extension key holding them
}

// Marks reads the agent confirmation marks of an operation.
func Marks(op *openapi3.Operation) AgentMarks {
	var m AgentMarks
	if op == nil {
		return m
	}
	for _, k := range slices.Sorted(maps.Keys(op.Extensions)) {
		v := op.Extensions[k]
		switch strings.ToLower(k) {
		case "x-openai-isconsequential":
			if b, ok := agencyBool(v); ok {
				m.Consequential, m.ConsequentialKey = &b, k
			}
		case "x-mcp-annotations":
			m.hints(v, k)
		case "x-mcp":
			if obj, ok := v.(map[string]any); ok {
				m.hints(obj["annotations"], k)
			}
		}
	}
	return m
}

func (m *AgentMarks) hints(v any, key string) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	if b, ok := agencyBool(obj["readOnlyHint"]); ok {
		m.ReadOnly, m.HintsKey = &b, key
	}
	if b, ok := agencyBool(obj["destructiveHint"]); ok {
		m.Destructive, m.HintsKey = &b, key
	}
}

// agencyBool reads a boolean written as true/false or as the string "true" or
// "false", which YAML authors sometimes quote.
func agencyBool(v any) (bool, bool) {
	switch b := v.(type) {
	case bool:
		return b, true
	case string:
		switch strings.ToLower(strings.TrimSpace(b)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// ActionKind is what an operation does, judged by its method and the verb of
// its operationId or summary. Later kinds weigh more.
type ActionKind uint8

const (
	ActionRead        ActionKind = iota // reads, searches, computes: no lasting effect
	ActionWrite                         // creates or changes data of the caller's own
	ActionSideEffect                    // acts on the world outside: sends, publishes, runs, approves
	ActionDestructive                   // deletes, cancels, revokes: hard or impossible to undo
	ActionMoney                         // pays, buys, transfers, refunds, books
)

func (k ActionKind) String() string {
	switch k {
	case ActionRead:
		return "read"
	case ActionWrite:
		return "write"
	case ActionSideEffect:
		return "side effect"
	case ActionDestructive:
		return "destructive"
	case ActionMoney:
		return "money"
	}
	return "ActionKind(" + strconv.Itoa(int(k)) + ")"
}

// Consequential reports whether an action should not run without the user's
// say-so: side effects, destructive actions and money.
func (k ActionKind) Consequential() bool { return k >= ActionSideEffect }

// Verbs are the word lists an operation's action is judged by. Words are
// lowercase; operationIds and summaries are split into words at separators
// and case changes.
type Verbs struct {
	Read        []string `yaml:"read-verbs"`
	Write       []string `yaml:"write-verbs"`
	SideEffect  []string `yaml:"side-effect-verbs"`
	Destructive []string `yaml:"destructive-verbs"`
	Money       []string `yaml:"money-verbs"`
	// MoneyNouns make a POST with no telling verb move money: post
	// /payments (createPayment), post /orders/{id}/refunds.
	MoneyNouns []string `yaml:"money-nouns"`
}

// DefaultVerbs are the lists the OAS3xx rules use unless configured.
var DefaultVerbs = Verbs{
	Read: []string{
		"get", "list", "search", "query", "find", "fetch", "retrieve", "lookup", "read", "show", "view",
		"count", "check", "validate", "verify", "estimate", "quote", "preview", "calculate", "compute",
		"analyze", "analyse", "summarize", "summarise", "classify", "translate", "generate",
		"embed", "tokenize", "moderate", "recommend", "suggest", "convert", "render", "parse", "extract",
		"detect", "predict", "score", "rank", "explain", "describe", "compare", "simulate", "download",
		"export", "resolve", "autocomplete", "match", "diff", "inspect", "test", "browse", "poll", "watch",
	},
	Write: []string{
		"create", "add", "update", "set", "put", "patch", "edit", "modify", "upsert", "replace", "save",
		"upload", "import", "insert", "register", "enable", "rename", "move", "copy", "assign", "attach",
		"tag", "mark", "start", "stop", "restart", "pause", "resume", "reset", "change", "configure",
		"link", "unlink", "like", "follow", "star", "pin", "write", "store", "hold",
	},
	SideEffect: []string{
		"send", "email", "mail", "sms", "post", "publish", "tweet", "share", "notify", "message", "invite",
		"approve", "reject", "execute", "exec", "run", "deploy", "submit", "sign", "merge", "release",
		"trigger", "dispatch", "broadcast", "forward", "reply", "grant", "promote",
		"impersonate", "rotate",
	},
	Destructive: []string{
		"delete", "remove", "destroy", "purge", "erase", "wipe", "drop", "cancel", "revoke", "terminate",
		"deactivate", "disable", "clear", "truncate", "overwrite", "void", "close", "ban", "block",
		"suspend", "unsubscribe", "uninstall", "deprovision", "evict", "expire", "kill", "abort",
	},
	Money: []string{
		"pay", "purchase", "buy", "order", "transfer", "refund", "charge", "withdraw", "payout", "checkout",
		"book", "reserve", "donate", "tip", "bid", "sell", "trade", "invest", "deposit",
		"capture", "settle", "disburse", "remit", "redeem",
	},
	MoneyNouns: []string{
		"payment", "payments", "transfer", "transfers", "refund", "refunds", "charge", "charges", "payout",
		"payouts", "withdrawal", "withdrawals", "purchase", "purchases", "order", "orders", "checkout",
		"checkouts", "booking", "bookings", "reservation", "reservations", "donation", "donations", "invoice", "invoices", "trade", "trades", "wire", "wires", "remittance",
		"remittances", "disbursement", "disbursements", "deposit", "deposits",
	},
}

// Action is what an operation does and why apiaudit thinks so.
type Action struct {
	Kind ActionKind
	Word string // the verb or noun that decided it, "" when only the method did
	// Field is the operation's key the word was read from: "operationId" or
	// "summary", or "" for the method or the path.
	Field string
	noun  bool
}

// Describe says in a few words why the action has its kind, for messages:
// `operationId verb "cancel"`, `summary verb "pay"`, `noun "payments"`,
// `method delete`.
func (a Action) Describe(method string) string {
	switch {
	case a.Word == "":
		return "method " + method
	case a.Field == "operationId" || a.Field == "summary":
		what := "verb"
		if a.Kind == ActionMoney && a.noun {
			what = "noun"
		}
		return a.Field + " " + what + " " + strconv.Quote(a.Word)
	}
	return "path noun " + strconv.Quote(a.Word)
}

// Classify judges what an operation does:
//
//   - by the verb of its operationId, read where verbs stand: its first
//     word (cancelBooking), the first word of its last dotted or underscored
//     segment (Bookings_Delete, users.messages.ListAttachments), or its last
//     word (ContainerKill); else by the first word of its summary, or the
//     second after an adverb, with a third-person "s" dropped ("Cancels a
//     booking", "Permanently deletes a file");
//   - a GET, HEAD or OPTIONS whose operationId has a read verb anywhere
//     (ExecInspect, RunArtifacts_List) only reads;
//   - a DELETE is at least destructive; any other method with no verb is a
//     read for GET, HEAD and OPTIONS and a write otherwise;
//   - a POST that is not a read and whose operationId or last fixed path
//     segment names a money noun moves money: createPayment, post /orders.
//     (A PUT or PATCH of such a resource changes it; it moves nothing.)
func (v Verbs) Classify(op Operation) Action {
	lists := []struct {
		kind  ActionKind
		words []string
	}{
		{ActionMoney, v.Money}, {ActionDestructive, v.Destructive}, {ActionSideEffect, v.SideEffect},
		{ActionWrite, v.Write}, {ActionRead, v.Read},
	}
	kindOf := func(w string) (ActionKind, bool) {
		for _, l := range lists {
			if slices.Contains(l.words, w) {
				return l.kind, true
			}
		}
		return 0, false
	}
	safe := op.Method == "get" || op.Method == "head" || op.Method == "options"
	var a Action
	found := false
	id := op.Op.OperationID
	opWords := Words(id)
	for _, w := range verbSlots(id, op.Method, opWords) {
		if k, ok := kindOf(w); ok {
			a, found = Action{Kind: k, Word: w, Field: "operationId"}, true
			break
		}
	}
	summary := func() (Action, bool) {
		sw := Words(op.Op.Summary)
		if len(sw) > 1 && strings.HasSuffix(sw[0], "ly") {
			sw = sw[1:] // "Permanently deletes"
		}
		if len(sw) > 0 && sw[0] == "post" && op.Method == "post" {
			return Action{}, false // "Post event data": the method
		}
		if len(sw) > 0 {
			for _, w := range []string{sw[0], strings.TrimSuffix(sw[0], "s"), strings.TrimSuffix(sw[0], "es")} {
				if k, ok := kindOf(w); ok && w != "" {
					return Action{Kind: k, Word: w, Field: "summary"}, true
				}
			}
		}
		return Action{}, false
	}
	if found && safe && a.Kind != ActionRead {
		// A GET names its action only when nothing says it reads: no read
		// verb in its operationId (ExecInspect) or at the head of its
		// summary ("Check a user email"), and the verb is not the plural
		// resource of its path (PayoutAll for get /v1/payouts).
		for _, w := range opWords {
			if k, ok := kindOf(w); ok && k == ActionRead {
				a = Action{Kind: ActionRead, Word: w, Field: "operationId"}
				break
			}
		}
		if sa, ok := summary(); ok && sa.Kind == ActionRead {
			a = sa
		}
		if a.Kind != ActionRead && pluralInPath(op.Path, a.Word) {
			a = Action{Kind: ActionRead}
		}
	}
	if !found {
		a, found = summary()
	}
	if !found {
		a.Kind = ActionWrite
		if safe {
			a.Kind = ActionRead
		}
	}
	if op.Method == "delete" && a.Kind < ActionDestructive {
		a = Action{Kind: ActionDestructive}
	}
	if op.Method == "post" && (a.Kind == ActionWrite || a.Kind == ActionSideEffect) {
		if n := v.moneyNoun(op, opWords); n.Word != "" {
			return n
		}
	}
	return a
}

// pluralInPath reports whether a word names a resource of the path: a
// collection (payout in /v1/payouts/{id}) or a segment that other segments
// follow (email in /email/history). An action stands last: /bookings/{id}/cancel.
func pluralInPath(path, word string) bool {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, seg := range segs {
		for _, w := range Words(seg) {
			if w == word+"s" || w == word+"es" || w == word && i < len(segs)-1 {
				return true
			}
		}
	}
	return false
}

// verbSlots are the words of an operationId where a verb stands, in the
// order they are tried. In a dotted id (users.messages.ListAttachments,
// projects.pipelines.run) or one whose last underscored segment is
// capitalised (Azure's Bookings_Delete), the first word of that last
// segment, then the last word; the first word there names a resource
// (RunMetrics_Post). Otherwise the first word (cancelBooking,
// delete_user), then the last (ContainerKill). "post" on a POST names the
// method, not publishing (postUsers, Events_Post).
func verbSlots(id, method string, words []string) []string {
	if len(words) == 0 {
		return nil
	}
	slots := []string{words[0], words[len(words)-1]}
	if i := strings.LastIndexAny(id, "._"); i >= 0 && i+1 < len(id) {
		rest := id[i+1:]
		if id[i] == '.' || unicode.IsUpper(rune(rest[0])) {
			if w := Words(rest); len(w) > 0 {
				slots[0] = w[0]
			}
		}
	}
	return slices.DeleteFunc(slots, func(w string) bool { return w == "post" && method == "post" })
}

// moneyNoun finds a money noun in the operationId or the last fixed segment
// of the path.
func (v Verbs) moneyNoun(op Operation, opWords []string) Action {
	for _, w := range opWords {
		if slices.Contains(v.MoneyNouns, w) {
			return Action{Kind: ActionMoney, Word: w, Field: "operationId", noun: true}
		}
	}
	segs := strings.Split(strings.Trim(op.Path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if strings.HasPrefix(segs[i], "{") {
			continue
		}
		for _, w := range Words(segs[i]) {
			if slices.Contains(v.MoneyNouns, w) {
				return Action{Kind: ActionMoney, Word: w, Field: "", noun: true}
			}
		}
		break
	}
	return Action{}
}

// modelVendorHosts are the API hosts of model vendors, and the suffixes of
// their regional or per-tenant hosts (a leading dot).
var modelVendorHosts = []string{
	"api.openai.com", ".openai.azure.com", "api.anthropic.com", "generativelanguage.googleapis.com",
	"aiplatform.googleapis.com", "api.mistral.ai", "api.cohere.com", "api.cohere.ai", "api.groq.com",
	"api.together.xyz", "api.together.ai", "api.deepseek.com", "api.x.ai", "api.perplexity.ai",
	"api.fireworks.ai", "api-inference.huggingface.co", "api.replicate.com", "api.ai21.com",
}

// ModelVendor returns the host of a model vendor whose own API t describes
// (a root server, or a Swagger 2.0 host, on one of the vendors' hosts), or
// "". A vendor's API caps the tokens of each call by model and bills the
// caller for what the caller asks: a missing cap or an unbounded prompt
// costs the caller, not the vendor, unlike a proxy or a product that pays
// for the tokens its users spend.
func ModelVendor(t *openapi3.T) string {
	if t == nil {
		return ""
	}
	var hosts []string
	for _, s := range t.Servers {
		if s != nil {
			for _, u := range (&Server{S: s}).URLs() {
				hosts = append(hosts, ParseServerURL(u).Host)
			}
		}
	}
	if v2 := V2TransportOf(t); v2 != nil && v2.Host != "" {
		hosts = append(hosts, ParseServerURL("//"+v2.Host).Host)
	}
	for _, h := range hosts {
		for _, v := range modelVendorHosts {
			if h == v || strings.HasPrefix(v, ".") && strings.HasSuffix(h, v) {
				return h
			}
		}
	}
	return ""
}

// VendorNote is the reason a finding about model cost or prompt size is a
// note on a model vendor's own API (see ModelVendor).
func VendorNote(host string) string {
	return fmt.Sprintf(" (a note: %s is the model vendor's own API, which caps tokens per model and bills the caller for them)", host)
}
