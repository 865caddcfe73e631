package gotaint

import "github.com/apiaudit/apiaudit/pkg/goapi"

// Request data in the HTTP frameworks: gin, echo, chi, fiber and gorilla.
// Their binders decode the body into an out-parameter.
func init() {
	const gin = "github.com/gin-gonic/gin"
	const echo = "github.com/labstack/echo"
	const fiber = "github.com/gofiber/fiber"
	req := func(what string, out int) SourceModel { return SourceModel{Kind: Request, What: what, Out: out} }
	methods := func(recv string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, recv+"."+n)
		}
		return out
	}
	library(Models{
		Sources: goapi.Table[SourceModel]{}.Merge(
			goapi.Set(req("request data", Ret), methods("(*"+gin+".Context)", "Query", "DefaultQuery", "QueryArray", "QueryMap",
				"GetQuery", "Param", "PostForm", "DefaultPostForm", "PostFormArray", "PostFormMap", "GetPostForm",
				"GetHeader", "GetRawData", "Cookie", "FormFile")...),
			goapi.Set(req("the request body", 0), methods("(*"+gin+".Context)", "ShouldBindJSON", "ShouldBind", "BindJSON", "Bind",
				"ShouldBindQuery", "ShouldBindUri", "BindQuery", "BindUri", "ShouldBindWith", "ShouldBindBodyWith",
				"ShouldBindXML", "ShouldBindYAML", "BindXML", "BindYAML", "ShouldBindHeader")...),
			goapi.Set(req("request data", Ret), methods("("+echo+".Context)", "Param", "QueryParam", "QueryParams", "QueryString",
				"FormValue", "FormParams", "FormFile", "Cookie", "Cookies", "ParamValues")...),
			goapi.Set(req("the request body", 0), "("+echo+".Context).Bind", "(*"+echo+".DefaultBinder).Bind"),
			goapi.Set(req("request data", Ret), methods("(*"+fiber+".Ctx)", "Params", "Query", "Queries", "FormValue", "Body",
				"BodyRaw", "Get", "Cookies", "FormFile", "GetReqHeaders")...),
			goapi.Set(req("the request body", 0), methods("(*"+fiber+".Ctx)", "BodyParser", "QueryParser", "ParamsParser", "ReqHeaderParser")...),
			goapi.Set(req("a path parameter", Ret), "github.com/go-chi/chi.URLParam", "github.com/go-chi/chi.URLParamFromCtx",
				"github.com/gorilla/mux.Vars"),
		),
	}, gin, echo, fiber, "github.com/go-chi/chi", "github.com/gorilla/mux")
}
