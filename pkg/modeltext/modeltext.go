// Package modeltext finds text aimed at an AI model, or hidden from the
// people who review it, in prose that a model reads: OpenAPI descriptions
// (rule OAS407) and agent tool definitions (rules MCP401, MCP402). It is one
// detector so that both kinds of input are judged alike.
//
// Find looks for phrases addressed to a model ("ignore previous
// instructions", "do not tell the user"), instruction tags (<IMPORTANT>),
// Unicode tag characters, bidirectional controls, zero-width characters and
// HTML comments. With Options.Tool set it also normalises the text (NFKC,
// hidden characters removed) before looking for phrases, and reports ANSI
// escape sequences and long base64 or hex blobs: tool definitions have no
// reason to carry them, while API descriptions embed examples.
package modeltext

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// modelDirected are phrases that address an AI model rather than a reader.
// They are matched against the lowercased text: a case-sensitive expression
// runs several times faster than the same one with (?i).
var modelDirected = regexp.MustCompile(strings.Join([]string{
	`\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|preceding|former|other|existing|system)\s+(?:instructions?|prompts?|messages|rules|directions|guidelines|directives)\b`,
	`\b(?:ignore|disregard|forget)\s+(?:all|everything)\s+(?:you\s+(?:were|have\s+been)\s+told|above|before|else)\b`,
	`\b(?:do\s+not|don'?t|never)\s+(?:tell|inform|notify|alert|warn)\s+(?:the\s+)?users?\b`,
	`\b(?:do\s+not|don'?t|never)\s+(?:mention|reveal|disclose|say)\s+(?:this|that|these|it|anything)\s+(?:to\s+the\s+user|instructions?)\b`,
	`\b(?:do\s+not|don'?t)\s+mention\s+(?:this|that)\s+(?:to\s+anyone|at\s+all|in\s+your\s+(?:answer|response|reply))\b`,
	`\bwithout\s+(?:telling|informing|notifying|asking|alerting)\s+(?:the\s+)?users?\b`,
	`\b(?:before|instead\s+of)\s+(?:using|calling|invoking|running)\s+(?:any\s+|the\s+)?(?:other|another)\s+(?:tools?|functions?)\b`,
	`\b(?:always|you\s+must|you\s+should|make\s+sure\s+to)\s+(?:first\s+)?(?:call|use|invoke|run)\s+(?:this|the\s+\w+)\s+(?:tool|function)\b`,
	`\bas\s+an\s+ai(?:\s+(?:language\s+)?model|\s+assistant)?\b`,
	`\b(?:you\s+are\s+now|from\s+now\s+on,?\s+you\s+(?:are|will|must))\b`,
	`\b(?:reveal|print|output|repeat|show|leak)\s+(?:your|the)\s+(?:system\s+prompt|(?:initial|original|hidden|system)\s+instructions)\b`,
	`<\|im_start\|>\s*system\b`,
}, "|"))

// instructionTags are the tags that tool-poisoning payloads wrap their
// instructions in. They are matched in capitals only: AWS documentation
// writes <important> around ordinary notes.
var instructionTags = regexp.MustCompile(`</?(?:IMPORTANT|SYSTEM|INSTRUCTIONS?|SECRET|HIDDEN)>`)

var htmlComment = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// directive is the shape of a rendering directive in a comment: a key, a
// colon and a short value (theme: info, ReDoc-Inject: <security-definitions>).
var directive = regexp.MustCompile(`^\s*[A-Za-z][\w-]*\s*:\s*\S[^\n]{0,80}$`)

// findLower finds re, written in lower case, in text regardless of case.
// Lowercasing keeps byte offsets for almost all text; where it does not
// (a few non-ASCII letters change length), the text is matched as written.
//
// Every phrase of modelDirected contains one of the triggers, so the
// expression runs only on windows of text around them: long descriptions
// (Kubernetes' run to pages) mention "tool" or "function" often, and
// matching the whole text each time was a quarter of such a scan. A window
// reaches windowReach bytes either side of its trigger, widened to the
// nearest space so that word boundaries fall where they do in the text;
// windows are searched left to right, so the match found is the leftmost.
func findLower(re *regexp.Regexp, text string) []int {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		lower = text
	}
	var wins [][2]int
	for _, t := range triggers {
		if !t.in(lower) {
			continue
		}
		w := t.word
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			i += from
			start, end := max(0, i-windowReach), min(len(lower), i+len(w)+windowReach)
			if sp := strings.LastIndexByte(lower[:start], ' '); start > 0 {
				start = max(sp, 0)
			}
			if sp := strings.IndexByte(lower[end:], ' '); end < len(lower) {
				if sp < 0 {
					end = len(lower)
				} else {
					end += sp
				}
			}
			wins = append(wins, [2]int{start, end})
			from = i + len(w)
		}
	}
	if len(wins) == 0 {
		return nil
	}
	slices.SortFunc(wins, func(a, b [2]int) int { return a[0] - b[0] })
	merged := wins[:1]
	for _, w := range wins[1:] {
		if last := &merged[len(merged)-1]; w[0] <= last[1] {
			last[1] = max(last[1], w[1])
		} else {
			merged = append(merged, w)
		}
	}
	for _, w := range merged {
		if loc := re.FindStringIndex(lower[w[0]:w[1]]); loc != nil {
			return []int{loc[0] + w[0], loc[1] + w[0]}
		}
	}
	return nil
}

// windowReach bounds how far a phrase of modelDirected reaches from its
// trigger word; the longest phrases are well under it.
const windowReach = 200

// triggers holds, for every phrase of modelDirected, a word it cannot match
// without, and the other words (any one of them) that phrase cannot match
// without either. Most descriptions contain no trigger and skip the
// expression; "tool", "function", "warn" and the like are common in API
// prose, but rarely with the words that would make them a phrase. A
// trigger serving several phrases needs a word of any of them.
var triggers = []trigger{
	// ignore previous instructions; ignore everything you were told
	{"ignore", overrideWords}, {"disregard", overrideWords}, {"forget", overrideWords}, {"override", overrideWords},
	// do not tell the user
	{"tell", silenceWords}, {"inform", silenceWords}, {"notify", silenceWords}, {"alert", silenceWords}, {"warn", silenceWords},
	// do not mention this to the user; don't mention this at all
	{"mention", negations},
	// do not reveal this instruction; reveal the original instructions
	{"instruction", []string{"not", "don", "never", "reveal", "print", "output", "repeat", "show", "leak"}},
	// do not say this to the user
	{"the user", negations},
	// before using any other tool; you must call this tool
	{"tool", toolWords}, {"function", toolWords},
	{"as an ai", nil},
	{"without telling", nil}, {"without informing", nil}, {"without notifying", nil}, {"without asking", nil}, {"without alerting", nil},
	{"you are now", nil}, {"from now on", nil}, {"system prompt", nil}, {"im_start", nil},
}

var (
	overrideWords = []string{"instruction", "prompt", "message", "rule", "direction", "guideline", "directive", "told", "above", "before", "else"}
	negations     = []string{"not", "don", "never"}
	silenceWords  = []string{"user"}
	toolWords     = []string{"other", "always", "must", "should", "make sure"}
)

type trigger struct {
	word string
	// needs: the phrases of this trigger also contain one of these; nil
	// when the trigger is enough.
	needs []string
}

// in reports whether the trigger can start a phrase in text.
func (t trigger) in(text string) bool {
	if !strings.Contains(text, t.word) {
		return false
	}
	if t.needs == nil {
		return true
	}
	for _, w := range t.needs {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func count(n int, what string) string {
	if n == 1 {
		return "an " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// tagText decodes the Unicode tag characters of s (U+E0000-U+E007F), which
// mirror ASCII and render as nothing, except those of emoji flag sequences
// (a black flag followed by tags and a cancel tag: 🏴󠁧󠁢󠁳󠁣󠁴󠁿).
func tagText(s string) string {
	var b strings.Builder
	found := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 0x1F3F4 { // black flag: skip its tag sequence
			for i+1 < len(rs) && isTag(rs[i+1]) {
				i++
			}
			continue
		}
		if !isTag(r) {
			continue
		}
		found = true
		if c := r - 0xE0000; c >= 0x20 && c < 0x7F {
			b.WriteRune(c)
		} else {
			fmt.Fprintf(&b, "\\u{%X}", r)
		}
	}
	if !found {
		return ""
	}
	return b.String()
}

func isTag(r rune) bool { return r >= 0xE0000 && r <= 0xE007F }

func isBidi(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }

// firstBidi finds the first bidirectional control: its byte index and rune.
func firstBidi(s string) (int, rune) {
	for i, r := range s {
		if isBidi(r) {
			return i, r
		}
	}
	return -1, 0
}

// zeroWidth finds the zero-width characters of s that hide something: the
// byte index and rune of the first, and how many there are. A byte order
// mark at the start, and joiners between two non-ASCII letters or inside an
// emoji sequence (where scripts and emoji need them), are left alone.
func zeroWidth(s string) (int, rune, int) {
	first, firstRune, n := -1, rune(0), 0
	rs := []rune(s)
	offset := 0
	for i, r := range rs {
		at := offset
		offset += len(string(r))
		switch r {
		case 0x200B, 0x2060, 0x180E:
		case 0xFEFF:
			if i == 0 {
				continue
			}
		case 0x200C, 0x200D:
			if i > 0 && i+1 < len(rs) && joins(rs[i-1]) && joins(rs[i+1]) {
				continue
			}
		default:
			continue
		}
		n++
		if first < 0 {
			first, firstRune = at, r
		}
	}
	return first, firstRune, n
}

// joins reports whether a joiner next to r can be legitimate: r is a
// non-ASCII letter or mark, or part of an emoji.
func joins(r rune) bool {
	if r < 0x80 {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F
}

var names = map[rune]string{
	0x200B: "zero-width space U+200B", 0x200C: "zero-width non-joiner U+200C", 0x200D: "zero-width joiner U+200D",
	0x2060: "word joiner U+2060", 0xFEFF: "zero-width no-break space U+FEFF", 0x180E: "Mongolian vowel separator U+180E",
	0x202A: "left-to-right embedding U+202A", 0x202B: "right-to-left embedding U+202B",
	0x202C: "pop directional formatting U+202C", 0x202D: "left-to-right override U+202D",
	0x202E: "right-to-left override U+202E", 0x2066: "left-to-right isolate U+2066",
	0x2067: "right-to-left isolate U+2067", 0x2068: "first strong isolate U+2068", 0x2069: "pop directional isolate U+2069",
}

func name(r rune) string {
	if n, ok := names[r]; ok {
		return n
	}
	return fmt.Sprintf("U+%04X", r)
}

// snippet quotes the text around s[i:i+n], at most about 40 characters on
// each side, with invisible and control characters escaped.
func snippet(s string, i, n int) string {
	const around = 40
	start, end := i, i+n
	for k := 0; k < around && start > 0; k++ {
		start = prevRune(s, start)
	}
	for k := 0; k < around && end < len(s); k++ {
		end = nextRune(s, end)
	}
	out := quote(strings.TrimSpace(s[start:end]))
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}

func prevRune(s string, i int) int {
	i--
	for i > 0 && !utf8Start(s[i]) {
		i--
	}
	return i
}

func nextRune(s string, i int) int {
	i++
	for i < len(s) && !utf8Start(s[i]) {
		i++
	}
	return i
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// quote wraps s in double quotes, writing newlines as spaces and every
// control, format (invisible) or unprintable character as \u{XXXX}, so a
// terminal shows what is there.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r) && r != ' ' || r == unicode.ReplacementChar:
			fmt.Fprintf(&b, "\\u{%X}", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Kind is what a Hit found.
type Kind int

const (
	TagCharacters Kind = iota + 1 // Unicode tag characters spelling hidden text
	BidiControl                   // a bidirectional control character
	ZeroWidth                     // zero-width characters
	Directed                      // a phrase or tag addressed to a model
	HiddenComment                 // an HTML comment with prose in it
	ANSIEscape                    // a terminal escape sequence
	Blob                          // a long base64 or hex string
)

// Hit is one thing Find found. Message completes a sentence whose subject
// is the text's place ("description of tool x " + Message).
type Hit struct {
	Kind Kind
	// Warning is set for what may be innocent (an HTML comment, a blob
	// that decodes to nothing readable); the rest are errors.
	Warning bool
	Message string
	// Body is the text of a HiddenComment.
	Body string
}

// commands are verbs that open an instruction to whoever reads the text
// (pass the passport number in the id; always call exportContacts
// first; do not tell the user), as opposed to an editor's note (TODO,
// "Specifies the alignment ...", "When set to true, ...").
var commands = map[string]bool{
	"pass": true, "send": true, "call": true, "use": true, "include": true, "add": true, "put": true,
	"return": true, "ignore": true, "forget": true, "disregard": true, "always": true, "never": true,
	"do": true, "don't": true, "dont": true, "make": true, "tell": true, "reply": true, "respond": true,
	"answer": true, "write": true, "read": true, "fetch": true, "upload": true, "post": true, "forward": true,
	"copy": true, "run": true, "execute": true, "invoke": true, "first": true, "before": true, "please": true,
	"remember": true, "output": true, "print": true, "reveal": true, "export": true, "store": true,
	"save": true, "delete": true, "email": true, "attach": true, "append": true, "prepend": true,
	"insert": true, "share": true, "leak": true, "exfiltrate": true, "act": true, "pretend": true,
	"instead": true, "only": true, "must": true, "you": true,
}

// Commanding reports whether a sentence of text opens with a command
// (see commands): an HTML comment that gives the reader an order, which
// is what a hidden instruction to a model looks like even when it names
// no model.
func Commanding(text string) bool {
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?;:", r) }) {
		words := strings.Fields(strings.ToLower(sentence))
		if len(words) > 0 && commands[strings.Trim(words[0], "*_`\"'(),")] {
			return true
		}
	}
	return false
}

// Options say what kind of text is searched.
type Options struct {
	// Markdown: the text is rendered as Markdown, where HTML comments
	// disappear (an OpenAPI description).
	Markdown bool
	// Tool: the text is part of an agent tool's definition (name, title,
	// description, parameter description). Phrases are looked for after
	// NFKC normalisation with hidden characters removed, instruction tags
	// in any case, HTML comments in every field, and ANSI escapes and
	// long base64 or hex blobs are reported.
	Tool bool
}

// Find reports what in text is aimed at a model or hidden from readers:
// first the invisible characters (tag characters, bidi controls,
// zero-width characters), then one model-directed phrase or tag, or, when
// there is none, one HTML comment with prose in it. Hits come in that
// order and each kind at most once.
func Find(text string, o Options) []Hit {
	var hits []Hit
	add := func(k Kind, warning bool, format string, args ...any) {
		hits = append(hits, Hit{Kind: k, Warning: warning, Message: fmt.Sprintf(format, args...)})
	}
	if hidden := tagText(text); hidden != "" {
		add(TagCharacters, false, "hides text in Unicode tag characters, invisible to readers: %s", quote(hidden))
	}
	if i, r := firstBidi(text); i >= 0 {
		add(BidiControl, false, "contains a bidirectional control character (%s): %s", name(r), snippet(text, i, 1))
	}
	if i, r, n := zeroWidth(text); i >= 0 {
		add(ZeroWidth, false, "contains %s (%s): %s", count(n, "invisible character"), name(r), snippet(text, i, 1))
	}
	if o.Tool {
		if i := strings.IndexByte(text, 0x1B); i >= 0 {
			add(ANSIEscape, false, "contains an ANSI escape sequence, which a terminal runs instead of showing (it can hide or rewrite text): %s", snippet(text, i, 1))
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	search := flat
	if o.Tool {
		search = strings.Join(strings.Fields(Visible(text)), " ")
	}
	loc := findLower(modelDirected, search)
	if o.Tool {
		loc = skipSteering(search, loc)
	}
	if loc == nil {
		loc = instructionTags.FindStringIndex(search)
		if loc == nil && o.Tool {
			loc = anyCaseTags.FindStringIndex(search)
		}
	}
	if loc != nil {
		inComment := false
		for _, c := range htmlComment.FindAllStringIndex(search, -1) {
			inComment = inComment || c[0] <= loc[0] && loc[1] <= c[1]
		}
		how := "addresses an AI model"
		if inComment {
			how = "addresses an AI model in an HTML comment that readers do not see"
		}
		add(Directed, false, "%s: %s", how, snippet(search, loc[0], loc[1]-loc[0]))
	} else if o.Markdown || o.Tool {
		for _, m := range htmlComment.FindAllStringSubmatchIndex(text, -1) {
			body := text[m[2]:m[3]]
			if strings.TrimSpace(body) == "" || directive.MatchString(body) || !strings.ContainsFunc(body, unicode.IsLetter) {
				continue
			}
			add(HiddenComment, true, "hides text in an HTML comment, which rendered documentation drops but a model reads: %s", snippet(text, m[0], m[1]-m[0]))
			hits[len(hits)-1].Body = body
			break
		}
	}
	if o.Tool {
		if h, ok := blob(text); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// steering are the phrases of modelDirected that, in a tool's own
// definition, only route the model to the tool ("always call this tool
// when ...", "you must call this function before get_docs", "use this
// before any other tool"). Tool descriptions are written for the model,
// and such routing is ordinary in them; in an API description it is not.
var steering = regexp.MustCompile(`^(?:(?:always|you\s+must|you\s+should|make\s+sure\s+to)\s+(?:first\s+)?(?:call|use|invoke|run)\s+this\s+(?:tool|function)|(?:before|instead\s+of)\s+(?:using|calling|invoking|running)\s+(?:any\s+|the\s+)?(?:other|another)\s+(?:tools?|functions?))$`)

// skipSteering moves past matches of modelDirected that are routing
// phrases, to the next match that is not; nil when there is none.
func skipSteering(text string, loc []int) []int {
	for from := 0; loc != nil; {
		lower := strings.ToLower(text[from+loc[0] : from+loc[1]])
		if !steering.MatchString(lower) {
			return []int{from + loc[0], from + loc[1]}
		}
		from += loc[1]
		loc = findLower(modelDirected, text[from:])
	}
	return nil
}

// anyCaseTags are the instruction tags in any case, for tool text, where
// an <important> note has no documentation tradition to excuse it.
var anyCaseTags = regexp.MustCompile(`(?i)</?(?:IMPORTANT|SYSTEM|INSTRUCTIONS?|SECRET|HIDDEN)>`)

// Visible is text as a model reads it once what readers cannot see is
// taken out: NFKC-normalised (fullwidth and stylised letters become plain
// ones), with zero-width characters, bidi controls, tag characters, other
// format characters and ANSI escape sequences removed.
func Visible(text string) string {
	text = ansiSeq.ReplaceAllString(text, "")
	text = norm.NFKC.String(text)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || isTag(r) || r == 0x1B {
			return -1
		}
		return r
	}, text)
}

// ansiSeq matches CSI and OSC escape sequences.
var ansiSeq = regexp.MustCompile("\x1b(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|.)")

var (
	base64Run = regexp.MustCompile(`[A-Za-z0-9+/_-]{80,}={0,2}`)
	hexRun    = regexp.MustCompile(`\b[0-9a-fA-F]{96,}\b`)
)

// blob finds a long base64 or hex run. It decodes it: readable text that
// addresses a model is an error, readable text otherwise a warning, and
// bytes that are not text a warning too (a tool definition has no reason
// to carry a key or an image).
func blob(text string) (Hit, bool) {
	var decoded []byte
	var at, n int
	kind := ""
	if m := hexRun.FindStringIndex(text); m != nil {
		at, n, kind = m[0], m[1]-m[0], "hex"
		decoded, _ = hex.DecodeString(text[m[0]:m[1]])
	} else if m := base64Run.FindStringIndex(text); m != nil {
		s := text[m[0]:m[1]]
		// A run of one letter, or an identifier with no digits and no
		// mixed case, is not an encoding.
		if !mixed(s) {
			return Hit{}, false
		}
		at, n, kind = m[0], m[1]-m[0], "base64"
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if d, err := enc.DecodeString(s); err == nil {
				decoded = d
				break
			}
		}
	} else {
		return Hit{}, false
	}
	if readable(decoded) {
		plain := string(decoded)
		if findLower(modelDirected, strings.ToLower(plain)) != nil || anyCaseTags.MatchString(plain) {
			return Hit{Kind: Blob, Message: fmt.Sprintf("carries a %s blob that decodes to text addressed to an AI model: %s", kind, quote(cut(plain, 120)))}, true
		}
		return Hit{Kind: Blob, Warning: true, Message: fmt.Sprintf("carries a %d-character %s blob that decodes to text no reader sees: %s", n, kind, quote(cut(plain, 120)))}, true
	}
	return Hit{Kind: Blob, Warning: true, Message: fmt.Sprintf("carries a %d-character %s blob, unreadable to reviewers: %s", n, kind, snippet(text, at, min(n, 24)))}, true
}

func mixed(s string) bool {
	var lower, upper, digit bool
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		}
	}
	return lower && upper && digit
}

// readable reports whether b is UTF-8 text made mostly of printable
// characters.
func readable(b []byte) bool {
	if len(b) < 8 || !utf8.Valid(b) {
		return false
	}
	printable := 0
	total := 0
	for _, r := range string(b) {
		total++
		if unicode.IsPrint(r) || r == '\n' || r == '\t' {
			printable++
		}
	}
	return printable*10 >= total*9
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// Quote wraps s in double quotes with invisible and control characters
// written as \u{XXXX}, so a terminal shows what is there.
func Quote(s string) string { return quote(s) }
