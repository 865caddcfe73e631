package gotaint_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apiaudit/apiaudit/pkg/gotaint"
	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

// flows reports every flow the engine finds, so that the engine's tests
// can use want comments.
var flows = &analysis.Analyzer{
	Name:     "flows",
	Doc:      "reports taint flows",
	Requires: []*analysis.Analyzer{gotaint.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[gotaint.Analyzer].(*gotaint.Result)
		for _, f := range res.Flows {
			var related []analysis.RelatedInformation
			for _, st := range f.Trace(f.Sources).Steps() {
				related = append(related, analysis.RelatedInformation{Pos: st.Pos, Message: st.Msg})
			}
			msg := fmt.Sprintf("%s from %s", f.Sink, f.Origin(pass.Fset, f.Sources))
			if f.State && f.Stored != nil {
				msg += " [" + f.Stored.Msg + "]"
			}
			if f.Role {
				msg += " [role]"
			}
			pass.Report(analysis.Diagnostic{Pos: f.Pos, Message: msg, Related: related})
		}
		for fn, s := range res.Summaries {
			pass.Reportf(fn.Pos(), "%s: %s", fn.Name(), s)
		}
		return nil, nil
	},
}

func TestFlows(t *testing.T) {
	results := ruletest.RunGo(t, flows, "example.com/wrap", "engine", "plain", "example.com/fsstore", "dispatch", "example.com/state", "funcvalues", "example.com/objects")
	// The path of the first flow (json.Unmarshal into req, then
	// exec.Command): source first, then the decoding step.
	for _, r := range results {
		if r.Pass.Pkg.Path() != "engine" {
			continue
		}
		d := r.Diagnostics[0]
		var got []string
		for _, rel := range d.Related {
			got = append(got, rel.Message)
		}
		want := "the request body read here|decoded into req by json.Unmarshal"
		if strings.Join(got, "|") != want {
			t.Errorf("related of %q = %q, want %q", d.Message, strings.Join(got, "|"), want)
		}
	}
}

func TestParseField(t *testing.T) {
	f, err := gotaint.ParseField("github.com/openai/openai-go/v3.ChatCompletionMessage.Content")
	if err != nil || fmt.Sprint(f) != "github.com/openai/openai-go.ChatCompletionMessage.Content" {
		t.Fatal(f, err)
	}
	if _, err := gotaint.ParseField("Content"); err == nil {
		t.Fatal("want an error")
	}
}
