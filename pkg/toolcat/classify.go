package toolcat

import (
	"slices"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/ident"
)

// Words splits a tool or parameter name into lowercase words
// ("sendEmail" -> send, email; "HTTPRequest" -> http, request): ident.Words.
func Words(name string) []string { return ident.Words(name) }

// Effect is something a tool does that its annotations should own up to.
type Effect string

const (
	Deletes Effect = "deletes" // destroys data: delete, drop, purge, wipe
	Removes Effect = "removes" // takes something away, often reversibly: remove, unlink, uninstall
	Sends   Effect = "sends"   // sends a message or publishes outside the system
	Pays    Effect = "pays"    // moves money
)

var (
	deleteVerbs = []string{"delete", "drop", "destroy", "purge", "wipe", "erase", "truncate"}
	removeVerbs = []string{"remove", "rm", "unlink", "uninstall"}
	sendVerbs   = []string{"send", "email", "mail", "publish", "tweet", "notify", "reply", "forward", "post", "broadcast", "dm", "sms"}
	payVerbs    = []string{"pay", "transfer", "charge", "refund", "purchase", "buy", "checkout", "withdraw", "payout", "donate"}
	payNouns    = []string{"payment", "payments", "payout", "payouts", "transfer", "transfers", "charge", "charges", "refund", "refunds"}
	makeVerbs   = []string{"create", "make", "initiate", "execute", "submit", "process", "capture", "send", "issue"}
	// sendNouns: "post" and "send" are verbs of sending only with one of
	// these after them ("post_message", not "post_install").
	sendObjects = []string{"message", "messages", "email", "emails", "mail", "comment", "reply", "tweet", "status", "notification", "sms", "text", "dm", "chat", "slack", "webhook", "invite", "invitation"}
)

// Effects guesses what a tool does from the verb that starts its name
// ("delete_file", "sendEmail", "create_payment") or its description
// ("Deletes a file", "Send an email"). Names whose verb reads (get, list,
// search) have no effect even when a noun matches ("get_payment").
func (t *Tool) Effects() []Effect {
	var out []Effect
	add := func(e Effect) {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	check := func(words []string) {
		if len(words) == 0 {
			return
		}
		verb := stem(words[0])
		switch {
		case slices.Contains(deleteVerbs, verb):
			add(Deletes)
		case slices.Contains(removeVerbs, verb):
			add(Removes)
		case slices.Contains(payVerbs, verb):
			add(Pays)
		case slices.Contains(makeVerbs, verb) && len(words) > 1 && slices.Contains(payNouns, words[1]):
			add(Pays)
		case slices.Contains(sendVerbs, verb):
			next := ""
			if len(words) > 1 {
				next = words[1]
			}
			switch verb {
			case "post", "forward":
				if !slices.Contains(sendObjects, next) {
					return // post_install, forward_port
				}
			case "email", "mail", "sms", "dm", "tweet":
				if slices.Contains(readVerbs, stem(next)) || len(words) > 2 {
					return // email_search, mail_list_folders
				}
			}
			add(Sends)
		}
	}
	check(Words(t.Name.Value))
	if first := firstWords(t.Description.Value, 3); len(first) > 0 {
		check(first)
	}
	return out
}

// stem turns a third-person or -ing verb into its base form, for the
// verbs of the lists above: "deletes" -> "delete", "sending" -> "send".
func stem(w string) string {
	for _, suf := range []string{"ing", "es", "s"} {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 2 {
			for _, cand := range []string{base, base + "e"} {
				if known(cand) {
					return cand
				}
			}
		}
	}
	if w == "pays" {
		return "pay"
	}
	return w
}

func known(w string) bool {
	return slices.Contains(deleteVerbs, w) || slices.Contains(removeVerbs, w) || slices.Contains(sendVerbs, w) || slices.Contains(payVerbs, w) || slices.Contains(makeVerbs, w)
}

// firstWords are the first n words of a text's first sentence, lowercased,
// skipping a leading "This tool" or "Tool to" and "permanently".
func firstWords(text string, n int) []string {
	text, _, _ = strings.Cut(strings.TrimSpace(text), ".")
	ws := slices.DeleteFunc(Words(text), func(w string) bool { return slices.Contains([]string{"a", "an", "the", "new", "one", "or", "more"}, w) })
	for len(ws) > 0 && slices.Contains([]string{"this", "tool", "to", "will", "permanently", "irreversibly", "immediately", "use", "used", "can", "you"}, ws[0]) {
		ws = ws[1:]
	}
	if len(ws) > n {
		ws = ws[:n]
	}
	return ws
}

// Roles a tool plays in a toxic flow: what an injected instruction can make
// it do.
type Role string

const (
	ReadsUntrusted Role = "reads content that others control"
	ReadsPrivate   Role = "reads private data"
	SendsOut       Role = "sends data out"
)

var (
	readVerbs      = []string{"get", "list", "read", "fetch", "search", "find", "query", "view", "show", "retrieve", "download", "open", "load", "browse", "scrape", "crawl", "navigate", "lookup", "look", "cat", "tail", "describe", "inspect", "count"}
	untrustedNouns = []string{"email", "emails", "mail", "mails", "inbox", "message", "messages", "issue", "issues", "comment", "comments",
		"discussion", "discussions", "review", "reviews", "ticket", "tickets", "post", "posts", "tweet", "tweets", "feed", "rss",
		"page", "pages", "webpage", "website", "url", "web", "html", "notification", "notifications", "pr", "prs", "pull", "chat",
		"channel", "thread", "threads", "conversation", "conversations", "transcript", "forum"}
	privateNouns = []string{"file", "files", "directory", "dir", "folder", "secret", "secrets", "credential", "credentials",
		"password", "passwords", "key", "keys", "token", "tokens", "env", "environment", "database", "databases", "db", "sql",
		"table", "tables", "row", "rows", "record", "records", "contact", "contacts", "calendar", "drive", "document", "documents",
		"doc", "docs", "note", "notes", "repo", "repos", "repository", "repositories", "code", "customer", "customers", "account",
		"accounts", "balance", "balances", "transaction", "transactions", "invoice", "invoices", "order", "orders", "profile",
		"memory", "memories", "vault", "keychain", "history", "clipboard", "screenshot"}
	webVerbs    = []string{"fetch", "browse", "scrape", "crawl", "navigate", "curl", "http", "request"}
	publicPosts = []string{"issue", "comment", "gist", "post", "page", "pr", "pull", "discussion", "review", "tweet", "status", "message", "reply"}
)

// Roles guesses what parts of a toxic flow a tool can play, from the words
// of its name: a reader of untrusted content (fetch_url, get_issue,
// read_email), a reader of private data (read_file, query_database,
// list_contacts) and a sender (send_email, create_issue_comment, and
// fetch-like tools that take a URL, which can carry data out in the URL).
func (t *Tool) Roles() []Role {
	words := Words(t.Name.Value)
	if len(words) == 0 {
		return nil
	}
	var out []Role
	add := func(r Role) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	verb := stem(words[0])
	rest := words[1:]
	if last := stem(words[len(words)-1]); len(words) > 1 && !slices.Contains(readVerbs, verb) && slices.Contains(readVerbs, last) {
		verb, rest = last, words[:len(words)-1] // issue_read, pull_request_list
	}
	hasAny := func(list []string) bool {
		return slices.ContainsFunc(rest, func(w string) bool { return slices.Contains(list, w) })
	}
	takesURL := slices.ContainsFunc(t.Params(), func(p Param) bool {
		n := strings.ToLower(p.Name)
		return n == "url" || n == "uri" || n == "urls" || n == "endpoint" || n == "link"
	})
	web := slices.Contains(webVerbs, verb) || slices.Contains(readVerbs, verb) && hasAny([]string{"url", "urls", "web", "webpage", "website"})
	switch {
	case web && (takesURL || slices.Contains(words, "url") || slices.Contains(words, "web")):
		add(ReadsUntrusted)
		if takesURL {
			add(SendsOut)
		}
	case slices.Contains(readVerbs, verb) && hasAny(untrustedNouns):
		add(ReadsUntrusted)
	}
	if slices.Contains(readVerbs, verb) && hasAny(privateNouns) {
		add(ReadsPrivate)
	}
	if (verb == "query" || verb == "execute" || verb == "run") && hasAny([]string{"sql", "database", "db", "query"}) || verb == "sql" {
		add(ReadsPrivate)
	}
	if slices.Contains(t.Effects(), Sends) {
		add(SendsOut)
	}
	if (verb == "create" || verb == "add" || verb == "write" || verb == "update" || verb == "publish") && hasAny(publicPosts) {
		add(SendsOut)
	}
	if verb == "upload" || slices.Contains(words, "webhook") {
		add(SendsOut)
	}
	return out
}
