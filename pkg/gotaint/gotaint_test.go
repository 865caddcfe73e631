package gotaint_test

import (
	"fmt"
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
			pass.Reportf(f.Pos, "%s from %s", f.Sink, f.Origin(pass.Fset, f.Sources))
		}
		for fn, s := range res.Summaries {
			pass.Reportf(fn.Pos(), "%s: %s", fn.Name(), s)
		}
		return nil, nil
	},
}

func TestFlows(t *testing.T) {
	ruletest.RunGo(t, flows, "example.com/wrap", "engine")
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
