package openapi

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Who pays for the model work a request asks for decides whether a missing
// cap is the API owner's risk. The cost and prompt rules (OAS207, OAS405)
// and the stored-text rule (OAS406) read the same context:
//
//   - a model vendor's own API (ModelVendor) bills the caller and caps
//     each model itself;
//   - a gateway that bills its callers (BillingGateway: an API that serves
//     model calls and keeps accounts of what each caller spends, with
//     quotas, balances or billing) passes the cost on to the caller who
//     asked for it;
//   - otherwise, what only authenticated callers send is spent by an
//     accountable caller under the service's own quotas (Exposure), and
//     only what anyone may send by the document's word is the owner's bill.

// PayerNote is the reason, as a message suffix, that the model work a
// request of t asks for is billed to the caller rather than to the API's
// owner: " (a note: api.openai.com is the model vendor's own API…)", or ""
// when nothing in the document says so.
func PayerNote(t *openapi3.T) string {
	if host := ModelVendor(t); host != "" {
		return VendorNote(host)
	}
	if at := BillingGateway(t); at != "" {
		return " (a note: the document describes a gateway that bills its callers for the model calls it serves, at " + at + ": the caller pays for what it asks)"
	}
	return ""
}

// accountingWords are path words of an API that keeps accounts of what its
// callers spend (/v1/dashboard/billing/quota, /api/groups/consumption_ranking,
// /credits/balance), the most telling first: the path named in messages
// has the first of them that any path has.
var accountingWords = []string{
	"billing", "quota", "quotas", "credits", "consumption", "spend", "spending", "invoice", "invoices",
	"topup", "recharge", "pricing", "balance", "balances",
}

// modelCallPaths are the last path words of an OpenAI- or
// Anthropic-compatible model call.
var modelCallPaths = [][]string{
	{"chat", "completions"}, {"completions"}, {"messages"}, {"responses"}, {"embeddings"},
	{"images", "generations"}, {"generate", "content"},
}

// BillingGateway returns a path of t that keeps accounts of what callers
// spend (a path with a word such as billing, quota, balance, consumption
// or credits), when t also serves model calls (a request body shaped like
// one, with model and messages, prompt, input or contents, or an OpenAI-
// compatible path such as /v1/chat/completions); "" otherwise. Such a
// gateway bills each caller (a key, a group, an account) for the tokens it
// asks for, as the vendor does: the cost of an uncapped request falls on
// the caller who sent it. The first accounting path in sorted order is
// returned.
func BillingGateway(t *openapi3.T) string {
	return cached(t, "billing-gateway", func() string { return billingGateway(t) })
}

func billingGateway(t *openapi3.T) string {
	if t == nil || t.Paths == nil {
		return ""
	}
	paths := slices.Sorted(maps.Keys(t.Paths.Map()))
	serves := false
	for _, p := range paths {
		if modelCallPath(p) {
			serves = true
			break
		}
	}
	if !serves {
		for _, op := range Operations(t) {
			if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
				for _, m := range rb.Value.Content {
					if m != nil && m.Schema != nil && modelCall(m.Schema.Value) {
						serves = true
					}
				}
			}
			if serves {
				break
			}
		}
	}
	if !serves {
		return ""
	}
	words := make([][]string, len(paths))
	for i, p := range paths {
		for _, seg := range strings.Split(p, "/") {
			if !strings.HasPrefix(seg, "{") {
				words[i] = append(words[i], Words(seg)...)
			}
		}
	}
	for _, w := range accountingWords {
		for i, p := range paths {
			if slices.Contains(words[i], w) {
				return p
			}
		}
	}
	return ""
}

// modelCallPath reports whether a path ends like an OpenAI- or
// Anthropic-compatible model call: /v1/chat/completions, /v1/messages.
func modelCallPath(p string) bool {
	var words []string
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if strings.HasPrefix(seg, "{") {
			words = nil
			continue
		}
		words = append(words, Words(seg)...)
	}
	for _, tail := range modelCallPaths {
		if len(words) > len(tail) && slices.Equal(words[len(words)-len(tail):], tail) && slices.Contains(words[:len(words)-len(tail)], "v1") {
			return true
		}
	}
	return false
}
