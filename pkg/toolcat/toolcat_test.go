package toolcat

import (
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"send_email":        "send email",
		"sendEmail":         "send email",
		"HTTPRequest":       "http request",
		"get-library-docs":  "get library docs",
		"github.repos/list": "github repos list",
		"":                  "",
	} {
		if got := strings.Join(Words(in), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func tool(name, desc string, params ...string) *Tool {
	s := &Schema{Types: []string{"object"}}
	for _, p := range params {
		s.Properties = append(s.Properties, Property{Name: p, Schema: &Schema{Types: []string{"string"}}})
	}
	return &Tool{Name: Text{Value: name, Set: true}, Description: Text{Value: desc, Set: desc != ""}, InputSchema: s}
}

func TestEffects(t *testing.T) {
	for _, tc := range []struct {
		name, desc string
		want       []Effect
	}{
		{"delete_file", "", []Effect{Deletes}},
		{"remove_label", "", []Effect{Removes}},
		{"cleanup", "Permanently deletes stale branches.", []Effect{Deletes}},
		{"sendEmail", "", []Effect{Sends}},
		{"post_message", "", []Effect{Sends}},
		{"post_install", "", nil},
		{"email_search", "", nil},
		{"create_payment", "", []Effect{Pays}},
		{"get_payment", "Shows one payment.", nil},
		{"checkout", "", []Effect{Pays}},
		{"list_deleted_items", "Lists items deleted in the last 30 days.", nil},
		{"notify", "Use this tool to send a message to the team.", []Effect{Sends}},
	} {
		if got := tool(tc.name, tc.desc).Effects(); !slices.Equal(got, tc.want) {
			t.Errorf("Effects(%s, %q) = %v, want %v", tc.name, tc.desc, got, tc.want)
		}
	}
}

func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		tool *Tool
		want []Role
	}{
		{tool("fetch", "", "url"), []Role{ReadsUntrusted, SendsOut}},
		{tool("fetch_url", ""), []Role{ReadsUntrusted}},
		{tool("get_issue", ""), []Role{ReadsUntrusted}},
		{tool("issue_read", ""), []Role{ReadsUntrusted}},
		{tool("read_file", ""), []Role{ReadsPrivate}},
		{tool("gitlab_file_get", ""), []Role{ReadsPrivate}},
		{tool("query_database", ""), []Role{ReadsPrivate}},
		{tool("send_email", ""), []Role{SendsOut}},
		{tool("add_issue_comment", ""), []Role{SendsOut}},
		{tool("project_hook_delete_url_variable", ""), nil},
		{tool("write_file", ""), nil},
	} {
		if got := tc.tool.Roles(); !slices.Equal(got, tc.want) {
			t.Errorf("Roles(%s) = %v, want %v", tc.tool.Name.Value, got, tc.want)
		}
	}
}

func TestParams(t *testing.T) {
	s := &Schema{Types: []string{"object"}, Required: []string{"q"}, Properties: []Property{
		{Name: "q", Schema: &Schema{Types: []string{"string"}}},
		{Name: "filter", Schema: &Schema{Types: []string{"object"}, Properties: []Property{{Name: "owner", Schema: &Schema{}}}}},
		{Name: "items", Schema: &Schema{Types: []string{"array"}, Items: &Schema{Properties: []Property{{Name: "note", Schema: &Schema{}}}}}},
	}}
	var got []string
	for _, p := range (&Tool{InputSchema: s}).Params() {
		got = append(got, p.Path+map[bool]string{true: "*", false: ""}[p.Required])
	}
	if want := []string{"q*", "filter", "filter.owner", "items", "items[].note"}; !slices.Equal(got, want) {
		t.Errorf("Params = %v, want %v", got, want)
	}
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"Adds two numbers.", "Adds three numbers.", "Adds [-two-]{+three+} numbers."},
		{"same", "same", "same"},
		{"", "new text", "{+new text+}"},
		{"line one\nline two", "line one\nline 2", "line one⏎line [-two-]{+2+}"},
		{strings.Repeat("word ", 20) + "end", strings.Repeat("word ", 20) + "finish", "…word word word word word [-end-]{+finish+}"},
	} {
		if got := WordDiff(tc.a, tc.b); got != tc.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestLockRoundTrip(t *testing.T) {
	cat := &Catalog{Name: "m.json", Source: SourceManifest, Tools: []*Tool{tool("a", "A."), tool("b", "B.")}}
	cat.Tools[0].Annotations = &Annotations{ReadOnly: Hint{State: True}}
	data, err := NewLock([]*Catalog{cat}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	l, err := DecodeLock(data)
	if err != nil {
		t.Fatal(err)
	}
	lt := l.Catalog("m.json").Tool("a")
	if lt == nil || lt.Annotations != "readOnlyHint=true" || lt.Hash != Locked(cat.Tools[0]).Hash {
		t.Fatalf("locked a = %+v", lt)
	}
	cat.Tools[0].Annotations.ReadOnly.State = False
	if Locked(cat.Tools[0]).Hash == lt.Hash {
		t.Error("flipping readOnlyHint kept the hash")
	}
	if _, err := DecodeLock([]byte(`{"version": 9, "catalogs": []}`)); err == nil {
		t.Error("version 9 accepted")
	}
}
