package goapi

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// RouteKind says what a router call does.
type RouteKind uint8

const (
	// RouteNew creates a root router (http.NewServeMux, chi.NewRouter...).
	RouteNew RouteKind = iota + 1
	// RouteRegister adds a route: a method, a path and a handler.
	RouteRegister
	// RouteDerive makes a router that shares its parent's middleware and
	// may add its own: a group, a sub-router, an inline middleware stack.
	RouteDerive
	// RouteUse adds middleware to every route of a router.
	RouteUse
	// RouteServe serves a handler or router on the network.
	RouteServe
	// RoutePass wraps a handler without checking anything (http.StripPrefix,
	// gin.WrapH): the result is protected when the wrapped handler's use is.
	RoutePass
)

// Handlers says how a call lays out its handler arguments.
type Handlers uint8

const (
	// OneHandler: the argument at Handler is the handler.
	OneHandler Handlers = iota
	// ChainLast: the arguments from Handler on are a chain whose last
	// element is the handler and the others are middleware (gin, fiber).
	ChainLast
	// HandlerThenMiddleware: the argument at Handler is the handler and
	// the ones after it are middleware (echo).
	HandlerThenMiddleware
	// AllMiddleware: the arguments from Handler on are all middleware
	// (chi With, echo Group after the prefix, Use).
	AllMiddleware
)

// RouteCall is what a table knows about one router function or method.
// Indexes are argument positions; -1 means none.
type RouteCall struct {
	Kind      RouteKind
	Method    string // fixed HTTP method of a registration ("" = any method)
	MethodArg int    // argument holding the method (chi Method, gin Handle)
	PathArg   int    // argument holding the path pattern or prefix
	Handler   int    // first handler or middleware argument
	Layout    Handlers
	Callback  int  // argument holding a func(r Router) that receives the derived router (chi Group/Route)
	Receiver  bool // RouteServe: the receiver is what is served (gin Run, echo Start)
}

func rc(kind RouteKind, method string, path, handler int, layout Handlers) RouteCall {
	return RouteCall{Kind: kind, Method: method, MethodArg: -1, PathArg: path, Handler: handler, Layout: layout, Callback: -1}
}

var httpVerbs = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"}

// Routers is the table of router APIs: net/http, chi, gin, echo,
// gorilla/mux and fiber.
var Routers = func() Table[RouteCall] {
	t := Table[RouteCall]{}
	add := func(c RouteCall, names ...string) {
		for _, n := range names {
			t[MustFunc(n)] = c
		}
	}
	verbs := func(recvs []string, title bool, c func(method string) RouteCall) {
		for _, r := range recvs {
			for _, v := range httpVerbs {
				name := v
				if title {
					name = v[:1] + strings.ToLower(v[1:])
				}
				add(c(v), r+"."+name)
			}
		}
	}

	// net/http
	add(rc(RouteNew, "", -1, -1, OneHandler), "net/http.NewServeMux")
	add(rc(RouteRegister, "", 0, 1, OneHandler),
		"net/http.Handle", "net/http.HandleFunc", "(*net/http.ServeMux).Handle", "(*net/http.ServeMux).HandleFunc")
	add(rc(RouteServe, "", -1, 1, OneHandler), "net/http.ListenAndServe", "net/http.Serve", "net/http.ServeTLS")
	add(rc(RouteServe, "", -1, 3, OneHandler), "net/http.ListenAndServeTLS")
	add(rc(RoutePass, "", -1, 1, OneHandler), "net/http.StripPrefix")
	add(rc(RoutePass, "", -1, 0, OneHandler), "net/http.TimeoutHandler", "net/http.MaxBytesHandler", "net/http.AllowQuerySemicolons")
	add(rc(RoutePass, "", -1, 0, OneHandler), "(*net/http.CrossOriginProtection).Handler")

	// chi: the concrete *Mux and the Router interface
	chi := []string{"(*github.com/go-chi/chi.Mux)", "(github.com/go-chi/chi.Router)"}
	for _, r := range chi {
		add(rc(RouteRegister, "", 0, 1, OneHandler), r+".Handle", r+".HandleFunc", r+".Mount")
		m := rc(RouteRegister, "", 1, 2, OneHandler)
		m.MethodArg = 0
		add(m, r+".Method", r+".MethodFunc")
		add(rc(RouteUse, "", -1, 0, AllMiddleware), r+".Use")
		add(rc(RouteDerive, "", -1, 0, AllMiddleware), r+".With")
		g := rc(RouteDerive, "", -1, -1, OneHandler)
		g.Callback = 0
		add(g, r+".Group")
		g = rc(RouteDerive, "", 0, -1, OneHandler)
		g.Callback = 1
		add(g, r+".Route")
	}
	verbs(chi, true, func(m string) RouteCall { return rc(RouteRegister, m, 0, 1, OneHandler) })
	add(rc(RouteNew, "", -1, -1, OneHandler), "github.com/go-chi/chi.NewRouter", "github.com/go-chi/chi.NewMux")

	// gin: *RouterGroup (embedded in *Engine), *Engine and IRoutes
	gin := []string{"(*github.com/gin-gonic/gin.RouterGroup)", "(github.com/gin-gonic/gin.IRoutes)", "(github.com/gin-gonic/gin.IRouter)"}
	verbs(gin, false, func(m string) RouteCall { return rc(RouteRegister, m, 0, 1, ChainLast) })
	for _, r := range gin {
		add(rc(RouteRegister, "", 0, 1, ChainLast), r+".Any")
		h := rc(RouteRegister, "", 1, 2, ChainLast)
		h.MethodArg = 0
		add(h, r+".Handle")
		add(h, r+".Match") // Match(methods []string, path, handlers...)
		add(rc(RouteUse, "", -1, 0, AllMiddleware), r+".Use")
		add(rc(RouteDerive, "", 0, 1, AllMiddleware), r+".Group")
	}
	add(rc(RouteUse, "", -1, 0, AllMiddleware), "(*github.com/gin-gonic/gin.Engine).Use")
	add(rc(RouteNew, "", -1, -1, OneHandler), "github.com/gin-gonic/gin.New", "github.com/gin-gonic/gin.Default")
	serve := rc(RouteServe, "", -1, -1, OneHandler)
	serve.Receiver = true
	add(serve, "(*github.com/gin-gonic/gin.Engine).Run", "(*github.com/gin-gonic/gin.Engine).RunTLS",
		"(*github.com/gin-gonic/gin.Engine).RunUnix", "(*github.com/gin-gonic/gin.Engine).RunListener")
	add(rc(RoutePass, "", -1, 0, OneHandler), "github.com/gin-gonic/gin.WrapH", "github.com/gin-gonic/gin.WrapF")

	// echo v4
	echo := []string{"(*github.com/labstack/echo.Echo)", "(*github.com/labstack/echo.Group)"}
	verbs(echo, false, func(m string) RouteCall { return rc(RouteRegister, m, 0, 1, HandlerThenMiddleware) })
	for _, r := range echo {
		add(rc(RouteRegister, "", 0, 1, HandlerThenMiddleware), r+".Any")
		a := rc(RouteRegister, "", 1, 2, HandlerThenMiddleware)
		a.MethodArg = 0
		add(a, r+".Add")
		add(a, r+".Match") // Match(methods []string, path, handler, middleware...)
		add(rc(RouteUse, "", -1, 0, AllMiddleware), r+".Use")
		add(rc(RouteDerive, "", 0, 1, AllMiddleware), r+".Group")
	}
	add(rc(RouteUse, "", -1, 0, AllMiddleware), "(*github.com/labstack/echo.Echo).Pre")
	add(rc(RouteNew, "", -1, -1, OneHandler), "github.com/labstack/echo.New")
	add(serve, "(*github.com/labstack/echo.Echo).Start", "(*github.com/labstack/echo.Echo).StartTLS",
		"(*github.com/labstack/echo.Echo).StartAutoTLS", "(*github.com/labstack/echo.Echo).StartServer")
	// echo v5 serves a handler given to a StartConfig: sc.Start(ctx, e)
	add(rc(RouteServe, "", -1, 1, OneHandler), "(github.com/labstack/echo.StartConfig).Start",
		"(github.com/labstack/echo.StartConfig).StartTLS")
	add(rc(RoutePass, "", -1, 0, OneHandler), "github.com/labstack/echo.WrapHandler")

	// gorilla/mux: Router.Handle/HandleFunc register; Route.Handler and
	// HandlerFunc register a route built by Path/Methods...
	add(rc(RouteNew, "", -1, -1, OneHandler), "github.com/gorilla/mux.NewRouter")
	add(rc(RouteRegister, "", 0, 1, OneHandler), "(*github.com/gorilla/mux.Router).Handle", "(*github.com/gorilla/mux.Router).HandleFunc")
	add(rc(RouteRegister, "", -1, 0, OneHandler), "(*github.com/gorilla/mux.Route).Handler", "(*github.com/gorilla/mux.Route).HandlerFunc")
	add(rc(RouteUse, "", -1, 0, AllMiddleware), "(*github.com/gorilla/mux.Router).Use")
	for _, r := range []string{"(*github.com/gorilla/mux.Router)", "(*github.com/gorilla/mux.Route)"} {
		add(rc(RouteDerive, "", 0, -1, OneHandler), r+".Path", r+".PathPrefix")
		add(rc(RouteDerive, "", -1, -1, OneHandler), r+".Methods", r+".Host", r+".Headers", r+".Queries", r+".Schemes", r+".NewRoute", r+".Name")
	}
	add(rc(RouteDerive, "", -1, -1, OneHandler), "(*github.com/gorilla/mux.Route).Subrouter")

	// fiber v2 (and v3, whose paths are the same once canonical)
	fiber := []string{"(*github.com/gofiber/fiber.App)", "(*github.com/gofiber/fiber.Group)", "(github.com/gofiber/fiber.Router)"}
	verbs(fiber, true, func(m string) RouteCall { return rc(RouteRegister, m, 0, 1, ChainLast) })
	for _, r := range fiber {
		add(rc(RouteRegister, "", 0, 1, ChainLast), r+".All")
		a := rc(RouteRegister, "", 1, 2, ChainLast)
		a.MethodArg = 0
		add(a, r+".Add")
		add(rc(RouteUse, "", -1, 0, AllMiddleware), r+".Use")
		add(rc(RouteDerive, "", 0, 1, AllMiddleware), r+".Group")
		g := rc(RouteDerive, "", 0, -1, OneHandler)
		g.Callback = 1
		add(g, r+".Route")
	}
	add(rc(RouteNew, "", -1, -1, OneHandler), "github.com/gofiber/fiber.New")
	add(serve, "(*github.com/gofiber/fiber.App).Listen", "(*github.com/gofiber/fiber.App).ListenTLS", "(*github.com/gofiber/fiber.App).Listener")
	add(rc(RoutePass, "", -1, 0, OneHandler), "github.com/gofiber/fiber/middleware/adaptor.HTTPHandler",
		"github.com/gofiber/fiber/middleware/adaptor.HTTPHandlerFunc")

	// MCP servers that serve themselves
	add(serve, "(*github.com/mark3labs/mcp-go/server.StreamableHTTPServer).Start",
		"(*github.com/mark3labs/mcp-go/server.SSEServer).Start")
	return t
}()

// MCPHTTPHandlers are the constructors of MCP servers served over HTTP,
// with a short name for messages.
var MCPHTTPHandlers = Table[string]{}.Merge(
	Set("streamable HTTP", "github.com/modelcontextprotocol/go-sdk/mcp.NewStreamableHTTPHandler",
		"github.com/mark3labs/mcp-go/server.NewStreamableHTTPServer"),
	Set("SSE", "github.com/modelcontextprotocol/go-sdk/mcp.NewSSEHandler",
		"github.com/mark3labs/mcp-go/server.NewSSEServer"),
)

// mcpHandlerTypes are the types of the MCP SDKs' HTTP handlers, with the
// short name of their transport.
var mcpHandlerTypes = [][3]string{
	{"github.com/modelcontextprotocol/go-sdk/mcp", "StreamableHTTPHandler", "streamable HTTP"},
	{"github.com/modelcontextprotocol/go-sdk/mcp", "SSEHandler", "SSE"},
	{"github.com/mark3labs/mcp-go/server", "StreamableHTTPServer", "streamable HTTP"},
	{"github.com/mark3labs/mcp-go/server", "SSEServer", "SSE"},
}

// MCPHandlerOf reports whether call builds an MCP server's HTTP handler:
// an MCPHTTPHandlers constructor, or a function of the program's own, in
// another package, whose only result is one of the SDKs' handler types,
// or whose results are one and an error (a method that wraps the
// constructor, as kubernetes-mcp-server's (*mcp.Server).ServeHTTP does, or
// mkp's CreateStreamableHTTPServer). The transport names the transport
// for messages.
func MCPHandlerOf(info *types.Info, call *ast.CallExpr, pkg *types.Package) (transport string, fn *types.Func, ok bool) {
	if t, fn, ok := MCPHTTPHandlers.Call(info, call); ok {
		return t, fn, true
	}
	fn = Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == pkg {
		return "", nil, false
	}
	switch res := fn.Signature().Results(); res.Len() {
	case 1:
	case 2:
		if !types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type()) {
			return "", nil, false
		}
	default:
		return "", nil, false
	}
	for _, h := range mcpHandlerTypes {
		if CanonPath(fn.Pkg().Path()) == CanonPath(h[0]) {
			return "", nil, false // the SDK's own functions: the table says which build servers
		}
	}
	rt := fn.Signature().Results().At(0).Type()
	for _, h := range mcpHandlerTypes {
		if IsType(rt, h[0], h[1]) {
			return h[2], fn, true
		}
	}
	return "", nil, false
}

// AuthMiddleware are library functions whose result checks credentials
// and rejects requests without them: middleware constructors, and the
// middleware functions themselves.
var AuthMiddleware = Set(true,
	"github.com/gin-gonic/gin.BasicAuth", "github.com/gin-gonic/gin.BasicAuthForRealm",
	"github.com/gin-gonic/gin.BasicAuthForProxy",
	"(*github.com/appleboy/gin-jwt.GinJWTMiddleware).MiddlewareFunc",
	"github.com/labstack/echo/middleware.BasicAuth", "github.com/labstack/echo/middleware.BasicAuthWithConfig",
	"github.com/labstack/echo/middleware.KeyAuth", "github.com/labstack/echo/middleware.KeyAuthWithConfig",
	"github.com/labstack/echo-jwt.JWT", "github.com/labstack/echo-jwt.WithConfig",
	"(github.com/labstack/echo-jwt.Config).ToMiddleware",
	"github.com/go-chi/chi/middleware.BasicAuth",
	"github.com/go-chi/jwtauth.Verifier", "github.com/go-chi/jwtauth.Verify", "github.com/go-chi/jwtauth.Authenticator",
	"github.com/gofiber/fiber/middleware/basicauth.New", "github.com/gofiber/fiber/middleware/keyauth.New",
	"github.com/gofiber/contrib/jwt.New",
	"github.com/modelcontextprotocol/go-sdk/auth.RequireBearerToken",
)

// CredentialArg says which argument of a credential-reading call names
// what is read (-1: the call reads a credential whatever its arguments).
type CredentialArg struct {
	Arg    int
	Cookie bool // the argument is a cookie name, not a header name
}

// CredentialReads are calls that read or verify a credential.
var CredentialReads = Table[CredentialArg]{}.Merge(
	Set(CredentialArg{Arg: -1},
		"(*net/http.Request).BasicAuth",
		"github.com/golang-jwt/jwt.Parse", "github.com/golang-jwt/jwt.ParseWithClaims",
		"(*github.com/golang-jwt/jwt.Parser).Parse", "(*github.com/golang-jwt/jwt.Parser).ParseWithClaims",
		"github.com/lestrrat-go/jwx/jwt.Parse", "github.com/lestrrat-go/jwx/jwt.ParseRequest",
		"(*github.com/coreos/go-oidc/oidc.IDTokenVerifier).Verify",
		"github.com/go-chi/jwtauth.VerifyRequest", "github.com/go-chi/jwtauth.VerifyToken",
		"github.com/go-chi/jwtauth.FromContext",
		"github.com/modelcontextprotocol/go-sdk/auth.TokenInfoFromContext"),
	Set(CredentialArg{Arg: 0},
		"(net/http.Header).Get", "(net/http.Header).Values",
		"(*github.com/gin-gonic/gin.Context).GetHeader",
		"(*github.com/gofiber/fiber.Ctx).Get"),
	// gorilla/sessions: the session cookie, signed by the server, whatever
	// the session is called; what a handler then finds in its Values says
	// who is signed in.
	Set(CredentialArg{Arg: -1},
		"(*github.com/gorilla/sessions.CookieStore).Get", "(*github.com/gorilla/sessions.FilesystemStore).Get",
		"(github.com/gorilla/sessions.Store).Get"),
	Set(CredentialArg{Arg: 0, Cookie: true},
		// gin-contrib/sessions: a value of the session its middleware
		// loaded from the signed cookie, under a key that names a
		// credential as a cookie's name would ("token", "session_id");
		// a CAPTCHA's mark ("turnstile") is not one.
		"(github.com/gin-contrib/sessions.Session).Get",
		"(*net/http.Request).Cookie",
		"(*github.com/gin-gonic/gin.Context).Cookie",
		"(github.com/labstack/echo.Context).Cookie",
		"(*github.com/gofiber/fiber.Ctx).Cookies"),
)

// RequestValues are calls that return a value the client sent (a header,
// a query or form parameter, a cookie), with the index of the argument
// that names it (-1: none). Comparing one with a secret is checking a
// credential, whatever its name.
var RequestValues = Table[int]{}.Merge(
	Set(0,
		"(net/http.Header).Get", "(net/http.Header).Values",
		"(*net/http.Request).FormValue", "(*net/http.Request).PostFormValue",
		"(*net/http.Request).Cookie", "(net/url.Values).Get",
		"(*github.com/gin-gonic/gin.Context).GetHeader", "(*github.com/gin-gonic/gin.Context).Query",
		"(*github.com/gin-gonic/gin.Context).DefaultQuery", "(*github.com/gin-gonic/gin.Context).PostForm",
		"(*github.com/gin-gonic/gin.Context).Cookie",
		"(github.com/labstack/echo.Context).QueryParam", "(github.com/labstack/echo.Context).FormValue",
		"(github.com/labstack/echo.Context).Cookie",
		"(*github.com/gofiber/fiber.Ctx).Get", "(*github.com/gofiber/fiber.Ctx).Query",
		"(*github.com/gofiber/fiber.Ctx).Cookies"),
	Set(-1, "(*net/http.Request).BasicAuth"),
	Set(1, "(*github.com/gorilla/sessions.CookieStore).Get", "(*github.com/gorilla/sessions.FilesystemStore).Get",
		"(github.com/gorilla/sessions.Store).Get"),
)

// SecretCompares are the functions that compare a value with a secret in
// constant time: calling one on a request value checks a credential.
var SecretCompares = Set(true, "crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal")

// notCredential are words in header or parameter names that carry
// something other than a credential, which a middleware may compare and
// answer 403 for (an Origin check, CSRF protection, content negotiation).
var notCredential = []string{"origin", "referer", "content-", "accept", "csrf", "xsrf", "forwarded",
	"user-agent", "host", "sec-", "if-", "x-requested-with", "upgrade", "connection", "mcp-session", "mcp-protocol"}

// IsNotCredential reports whether a header or parameter name carries
// something other than a credential.
func IsNotCredential(name string) bool {
	name = strings.ToLower(name)
	for _, w := range notCredential {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// CredentialHeaders are the request headers that carry credentials,
// lowercase.
var CredentialHeaders = []string{
	"authorization", "proxy-authorization", "x-api-key", "api-key", "apikey", "x-apikey",
	"x-auth-token", "x-access-token", "x-session-token", "x-token",
}

// IsCredentialHeader reports whether a header name carries credentials.
func IsCredentialHeader(name string) bool {
	name = strings.ToLower(name)
	for _, h := range CredentialHeaders {
		if name == h {
			return true
		}
	}
	return false
}

// IsCredentialCookie reports whether a cookie name suggests a session or
// a token.
func IsCredentialCookie(name string) bool {
	name = strings.ToLower(name)
	for _, w := range []string{"session", "token", "auth", "jwt", "sid"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Rejections are calls that end a request without running the rest of the
// chain (a framework abort).
var Rejections = Set(true,
	"(*github.com/gin-gonic/gin.Context).Abort",
	"(*github.com/gin-gonic/gin.Context).AbortWithStatus",
	"(*github.com/gin-gonic/gin.Context).AbortWithStatusJSON",
	"(*github.com/gin-gonic/gin.Context).AbortWithStatusPureJSON",
	"(*github.com/gin-gonic/gin.Context).AbortWithError",
)

// RejectionVars are package-level errors that answer 401 or 403.
var RejectionVars = map[[2]string]bool{
	{"github.com/labstack/echo", "ErrUnauthorized"}: true,
	{"github.com/labstack/echo", "ErrForbidden"}:    true,
	{"github.com/gofiber/fiber", "ErrUnauthorized"}: true,
	{"github.com/gofiber/fiber", "ErrForbidden"}:    true,
}

// IsRejectionVar reports whether obj is one of RejectionVars.
func IsRejectionVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	return RejectionVars[[2]string{CanonPath(v.Pkg().Path()), v.Name()}]
}

// IsAuthStatus reports whether e is the constant 401 or 403.
func IsAuthStatus(info *types.Info, e ast.Expr) bool {
	v := constValue(info, e)
	if v == nil {
		return false
	}
	s := v.ExactString()
	return s == "401" || s == "403"
}

// RoutePath is the text of a route path as the code builds it, for
// messages: a constant as it is, and the parts computed at run time shown
// as "…": a concatenation ("/items/" + id is "/items/…"), fmt.Sprintf
// with its verbs replaced by their constant arguments or "…"
// (fmt.Sprintf("/%s/rename", kind) is "/…/rename"), and a variable
// ("…"). "" when the path is not an expression of these kinds.
func RoutePath(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	if v := constValue(info, e); v != nil {
		return ConstString(info, e)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn := Callee(info, x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(x.Args) > 0 {
			if format, ok := constString(info, x.Args[0]); ok {
				return sprintfPath(info, format, x.Args[1:])
			}
			return "…"
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			l, r := RoutePath(info, x.X), RoutePath(info, x.Y)
			if l == "" && r == "" {
				return ""
			}
			if l == "" {
				l = "…"
			}
			if r == "" {
				r = "…"
			}
			return l + r
		}
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		if tv, ok := info.Types[e]; ok && tv.Type != nil {
			if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return "…" // a variable: a loop over paths, a parameter
			}
		}
	}
	return ""
}

// sprintfPath fills a path format's verbs: a constant argument by its
// value, anything else by "…".
func sprintfPath(info *types.Info, format string, args []ast.Expr) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			b.WriteString(format[i:])
			break
		}
		if format[j] == '%' {
			b.WriteByte('%')
		} else {
			s := "…"
			if len(args) > 0 {
				if v := constValue(info, args[0]); v != nil {
					if v.Kind() == constant.String {
						s = constant.StringVal(v)
					} else {
						s = v.ExactString()
					}
				}
				args = args[1:]
			}
			b.WriteString(s)
		}
		i = j
	}
	return b.String()
}
