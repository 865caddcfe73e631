package main
import ("fmt"; "os"; "github.com/getkin/kin-openapi/openapi3")
func main(){
 l := openapi3.NewLoader(); l.IncludeOrigin = true
 d, err := l.LoadFromFile(os.Args[1]); if err != nil { fmt.Println("ERR", err); return }
 op := d.Paths.Value("/a").Post
 p := op.Parameters[0]
 fmt.Println("paramref", p.Origin, "param", p.Value.Origin.Key)
 fmt.Println("schemaref", p.Value.Schema.Origin, "schema", p.Value.Schema.Value.Origin.Key, p.Value.Schema.Value.Origin.Fields)
 mt := op.RequestBody.Value.Content["application/json"]
 fmt.Println("mt", mt.Origin.Key, "schema", mt.Schema.Value.Origin.Key)
}
