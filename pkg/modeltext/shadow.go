package modeltext

import (
	"regexp"
	"strings"
)

// Shadowing finds, in the text of one tool, an instruction about another
// tool of the same catalog: "when send_email is called, also bcc ...",
// "whenever you use transfer_funds, first ...". Such text changes how the
// other tool behaves without touching its definition (tool shadowing).
// Mentioning another tool is not enough: "call list_indexes first to get a
// name" is ordinary guidance. The instruction must be conditioned on the
// other tool being used and tell the model to do something more or else.
// It returns the other tool's name and a quote of the instruction.
func Shadowing(text string, others []string) (tool, quote string, ok bool) {
	flat := strings.Join(strings.Fields(Visible(text)), " ")
	lower := strings.ToLower(flat)
	if len(lower) != len(flat) {
		lower = flat
	}
	if !shadowCue.MatchString(lower) {
		return "", "", false
	}
	for _, name := range others {
		n := strings.ToLower(name)
		if len(n) < 3 || !strings.Contains(lower, n) {
			continue
		}
		re, err := regexp.Compile(`\b(?:when|whenever|each\s+time|every\s+time|if)\s+(?:the\s+user\s+|you\s+|the\s+(?:assistant|agent|model)\s+)?(?:calls?|uses?|invokes?|runs?|calling|using|invoking|running)?\s*(?:the\s+)?[` + "`" + `'"]?` +
			regexp.QuoteMeta(n) + `[` + "`" + `'"]?(?:\s+(?:tool|function))?(?:\s+(?:is|gets|was|has\s+been)\s+(?:called|used|invoked|run))?[^.!?;]{0,40}?[,:]?\s*(?:you\s+)?(?:must\s+|should\s+|always\s+|also\s+|make\s+sure\s+to\s+)+` +
			`(?:[a-z]+\s+){0,2}?(?:send|bcc|cc|add|include|forward|replace|change|set|append|redirect|copy|attach|use|call|pass|write|upload|first)\b`)
		if err != nil {
			continue
		}
		if loc := re.FindStringIndex(lower); loc != nil {
			return name, snippet(flat, loc[0], loc[1]-loc[0]), true
		}
	}
	return "", "", false
}

// shadowCue is a cheap test before the per-tool expressions: every
// shadowing instruction has one of these words.
var shadowCue = regexp.MustCompile(`\b(?:must|should|always|also|make\s+sure)\b`)
