package ctxcred_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apiaudit/apiaudit/pkg/goapi/ctxcred"
)

// TestAcrossPackages follows a caller's Authorization header from the
// function that puts it into the context, through helpers of another
// package that store and read it, to the outgoing request it is set on;
// the facts are checked by the fixtures' want comments. A trace id that
// travels the same way is neither put nor sent as a credential.
func TestAcrossPackages(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), ctxcred.Analyzer, "srv")
	var res *ctxcred.Result
	for _, r := range results {
		if r.Pass.Pkg.Path() == "srv" {
			res, _ = r.Result.(*ctxcred.Result)
		}
	}
	if res == nil {
		t.Fatal("no result for package srv")
	}
	const key = "keys.tokenKey{}"
	if h, by, ok := res.PutKey(key); !ok || h != "authorization" || by != "srv.FromRequest" {
		t.Errorf("PutKey(%q) = %q, %q, %v; want authorization, srv.FromRequest, true", key, h, by, ok)
	}
	s, ok := res.SentKey(key)
	if !ok || s.Header != "authorization" || s.Via != "keys.Token" {
		t.Errorf("SentKey(%q) = %+v, %v; want the Authorization header via keys.Token", key, s, ok)
	}
	if _, _, ok := res.PutKey("keys.traceKey{}"); ok {
		t.Error("the trace id was taken for a credential put into the context")
	}
	if s, ok := res.SentKey("keys.traceKey{}"); ok {
		t.Errorf("the trace id was taken for a credential sent upstream: %+v", s)
	}
	if len(res.Puts) != 1 || len(res.Sends) != 1 {
		t.Errorf("puts %d, sends %d; want 1 and 1", len(res.Puts), len(res.Sends))
	}
}
