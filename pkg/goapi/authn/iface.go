package authn

import (
	"go/types"
	"strings"

	"github.com/apiaudit/apiaudit/pkg/goapi"
)

// Authentication through an interface: a middleware that calls
// a.Authenticate(r), where a is an interface value, does what the
// implementations of that method do. The package's dispatcher
// (goapi.Dispatcher, as the taint and reach analyses use) lists those it
// can see; the call counts as what every one of them does (for function
// values too, authentication is a must: one implementation that reads no
// credential and the call reads none for sure). A middleware that calls
// a method that reads a credential and rejects the request when it fails
// checks credentials, as it does with a plain function; one that hands
// the request on when the method fails is optional authentication
// (optional.go), since the method's result is a credential value there.
//
// With no implementation in sight (it is declared in a package that only
// main imports, and handed over at run time), the method's name and
// signature decide, the weaker fallback: a method named to authenticate
// (Authenticate..., VerifyToken, ValidateAPIKey) that is handed the
// request and returns a result reads a credential.

// isInterfaceMethod reports whether fn is an abstract method of an
// interface.
func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// localKind is the kind of fn, a function of the package or an interface
// method, during run's fixed points.
func (r *Result) localKind(fn *types.Func) Kind {
	if isInterfaceMethod(fn) {
		return r.Func(fn) // a table's, or its implementations'
	}
	return r.local[fn]
}

// ifaceKind is what a call of the interface method m does about
// credentials (see above).
func (r *Result) ifaceKind(m *types.Func) Kind {
	r.dmu.Lock()
	if r.disp == nil {
		r.disp = goapi.NewDispatcher(r.pass.Fset, r.pass.Pkg, nil)
	}
	impls := r.disp.Implementations(m)
	r.dmu.Unlock()
	var k Kind
	n := 0
	for _, fn := range impls {
		if isInterfaceMethod(fn) {
			continue // a struct that embeds the interface: another implementation runs
		}
		fk := r.Func(fn)
		if n == 0 {
			k = fk
		} else {
			k &= fk
		}
		n++
	}
	if n > 0 {
		return k
	}
	if authMethodName(m.Name()) && takesRequest(m) {
		return Reads
	}
	return 0
}

// authMethodName: the name says the method authenticates the caller.
func authMethodName(name string) bool {
	l := strings.ToLower(name)
	if strings.HasPrefix(l, "authenticate") || l == "auth" {
		return true
	}
	if !strings.HasPrefix(l, "verify") && !strings.HasPrefix(l, "validate") && !strings.HasPrefix(l, "check") {
		return false
	}
	for _, w := range []string{"token", "jwt", "apikey", "key", "credential", "session", "bearer", "auth"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// takesRequest: m is handed the request (or its headers, or a framework
// context) and returns a result a caller can act on.
func takesRequest(m *types.Func) bool {
	sig := m.Signature()
	if sig.Results().Len() == 0 {
		return false
	}
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if goapi.IsType(t, "net/http", "Request") || goapi.IsType(t, "net/http", "Header") ||
			goapi.IsType(t, "github.com/gin-gonic/gin", "Context") || goapi.IsType(t, "github.com/labstack/echo", "Context") ||
			goapi.IsType(t, "github.com/gofiber/fiber", "Ctx") {
			return true
		}
	}
	return false
}
