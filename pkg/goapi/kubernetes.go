package goapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The Kubernetes API, as the Go clients reach it. A program that holds a
// kubeconfig or a service account acts on the cluster with those
// credentials: a tool or a route that creates, changes or deletes objects
// through it is a mutating cluster request (ClusterWrite), and one that
// reads Secrets, or reads a resource its caller names (which may be
// Secrets), hands out credentials (SecretRead). Three clients are
// modelled:
//
//   - client-go's typed clientset (k8s.io/client-go/kubernetes/typed/...):
//     the write verbs of every resource interface, and the read verbs of
//     SecretInterface;
//   - client-go's dynamic client (k8s.io/client-go/dynamic): the write
//     verbs of ResourceInterface, and its read verbs unless the resource
//     passed to Resource is known and is not secrets;
//   - controller-runtime's client (sigs.k8s.io/controller-runtime/pkg/client):
//     the Writer and SubResourceWriter verbs, and Get, List and Watch of an
//     object whose type is a Secret or is decided at run time
//     (unstructured, an interface).
//
// Running a command in a pod (remotecommand's executors) and forwarding
// its ports are mutating requests too, as are the write verbs of a raw
// REST request (RESTClient().Post()...).
const (
	k8sTyped      = "k8s.io/client-go/kubernetes/typed/"
	k8sCoreV1     = "k8s.io/client-go/kubernetes/typed/core/v1"
	k8sDynamic    = "k8s.io/client-go/dynamic"
	k8sCtrlClient = "sigs.k8s.io/controller-runtime/pkg/client"
	k8sAPICoreV1  = "k8s.io/api/core/v1"
	k8sSchema     = "k8s.io/apimachinery/pkg/runtime/schema"
)

// KubernetesClient reports whether an import path is one of the
// Kubernetes clients whose calls the capability tables model: what a call
// through one of their interfaces does is known.
func KubernetesClient(path string) bool {
	path = CanonPath(path)
	return strings.HasPrefix(path, "k8s.io/client-go/") || path == k8sCtrlClient
}

// kubeTable are the Kubernetes calls whose capability does not depend on
// their arguments or receiver.
var kubeTable = Set(ClusterWrite,
	"(k8s.io/client-go/tools/remotecommand.Executor).Stream",
	"(k8s.io/client-go/tools/remotecommand.Executor).StreamWithContext",
	"(*k8s.io/client-go/tools/portforward.PortForwarder).ForwardPorts",
	"(k8s.io/client-go/rest.Interface).Post", "(k8s.io/client-go/rest.Interface).Put",
	"(k8s.io/client-go/rest.Interface).Patch", "(k8s.io/client-go/rest.Interface).Delete",
	"(*k8s.io/client-go/rest.RESTClient).Post", "(*k8s.io/client-go/rest.RESTClient).Put",
	"(*k8s.io/client-go/rest.RESTClient).Patch", "(*k8s.io/client-go/rest.RESTClient).Delete")

// kubeWriteVerb reports whether a client method is a write verb of the
// Kubernetes API: Create, Update, Patch, Delete, DeleteCollection (and
// controller-runtime's DeleteAllOf), Apply, their status, scale and
// subresource forms (UpdateStatus, ApplyScale, CreateToken), and the
// verbs of the typed expansions (a pod's Evict and Bind, a namespace's
// Finalize).
func kubeWriteVerb(name string) bool {
	switch name {
	case "Create", "Update", "Patch", "Delete", "DeleteCollection", "DeleteAllOf", "Apply", "Bind", "Finalize":
		return true
	}
	for _, p := range []string{"Create", "Update", "Apply", "Evict"} {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

// kubeReadVerb reports whether a client method reads objects.
func kubeReadVerb(name string) bool {
	return name == "Get" || name == "List" || name == "Watch"
}

// kube is what a call of the Kubernetes clients does (see above); ok is
// false for calls that are not of those clients. A read whose resource
// comes from a parameter of sc is a condition on that parameter.
func (j *Judge) kube(call *ast.CallExpr, name Func, sc *Scope) (c Capability, conds []Cond, ok bool) {
	if c, ok := kubeTable[name]; ok {
		return c, nil, true
	}
	if name.Recv == "" {
		return 0, nil, false
	}
	judge := func(e ast.Expr) (Capability, []Cond, bool) {
		switch v := j.Arg(ResourceArg, e, sc); {
		case v == Benign:
			return 0, nil, true
		case v >= 0:
			return 0, []Cond{{Cap: SecretRead, Kind: ResourceArg, Arg: int(v)}}, true
		}
		return SecretRead, nil, true
	}
	switch {
	case strings.HasPrefix(name.Pkg, k8sTyped):
		switch {
		case kubeWriteVerb(name.Name):
			return ClusterWrite, nil, true
		case name.Pkg == k8sCoreV1 && name.Recv == "SecretInterface" && kubeReadVerb(name.Name):
			return SecretRead, nil, true
		}
	case name.Pkg == k8sDynamic && (name.Recv == "ResourceInterface" || name.Recv == "NamespaceableResourceInterface"):
		switch {
		case kubeWriteVerb(name.Name):
			return ClusterWrite, nil, true
		case kubeReadVerb(name.Name):
			sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !isSel {
				return SecretRead, nil, true
			}
			gvr := j.dynamicResource(sel.X, sc, 0)
			if gvr == nil {
				return SecretRead, nil, true
			}
			return judge(gvr)
		}
	case name.Pkg == k8sCtrlClient:
		switch name.Recv {
		case "Writer", "Client", "WithWatch", "SubResourceWriter", "StatusWriter":
			if kubeWriteVerb(name.Name) {
				return ClusterWrite, nil, true
			}
		}
		switch name.Recv {
		case "Reader", "Client", "WithWatch":
			// Get(ctx, key, obj), List(ctx, list), Watch(ctx, list)
			i := 1
			if name.Name == "Get" {
				i = 2
			}
			if kubeReadVerb(name.Name) {
				if i >= len(call.Args) {
					return SecretRead, nil, true
				}
				return judge(call.Args[i])
			}
		}
	}
	return 0, nil, false
}

// dynamicResource is the GroupVersionResource that the dynamic client
// receiver recv was made for: the argument of Resource, through
// Namespace and local variables; nil when it cannot be told.
func (j *Judge) dynamicResource(recv ast.Expr, sc *Scope, depth int) ast.Expr {
	if depth > maxJudgeDepth {
		return nil
	}
	switch x := ast.Unparen(recv).(type) {
	case *ast.CallExpr:
		fn := Callee(j.info, x)
		if fn == nil {
			return nil
		}
		name := Of(fn)
		if name.Pkg != k8sDynamic {
			return nil
		}
		switch name.Name {
		case "Resource":
			if len(x.Args) == 1 {
				return x.Args[0]
			}
		case "Namespace":
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return j.dynamicResource(sel.X, sc, depth+1)
			}
		}
	case *ast.Ident:
		v, ok := j.info.Uses[x].(*types.Var)
		if !ok || sc == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		if _, param := sc.Params[v]; param {
			return nil
		}
		if values := assignments(j.info, sc.Body, v); len(values) == 1 {
			return j.dynamicResource(values[0], sc, depth+1)
		}
	}
	return nil
}

// kubeObject judges an expression that names what a Kubernetes read
// returns (ResourceArg) by its type: a Secret is one; a resource chosen by
// name (a GroupVersionResource) by its Resource; another typed object
// (a Pod, a ConfigMap) is not. ok is false when the type does not decide
// (a string, an unstructured object, an interface): the value then does.
func (j *Judge) kubeObject(e ast.Expr, sc *Scope, depth int) (Verdict, bool) {
	t := j.info.TypeOf(e)
	if t == nil {
		return Risky, false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Risky, false
	}
	path, tname := CanonPath(n.Obj().Pkg().Path()), n.Obj().Name()
	switch {
	case path == k8sAPICoreV1 && (tname == "Secret" || tname == "SecretList"):
		return Risky, true
	case path == k8sSchema && tname == "GroupVersionResource":
		return j.gvrResource(e, sc, depth)
	case path == "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured",
		path == "k8s.io/apimachinery/pkg/apis/meta/v1" && strings.HasPrefix(tname, "PartialObjectMetadata"):
		return Risky, false // the kind is data
	}
	if _, isStruct := n.Underlying().(*types.Struct); isStruct {
		return Benign, true // a typed object of another kind
	}
	return Risky, false
}

// gvrResource judges a GroupVersionResource expression by the resource it
// names: a literal's Resource field, the argument of WithResource; other
// expressions (a variable, a parameter) are judged by their values.
func (j *Judge) gvrResource(e ast.Expr, sc *Scope, depth int) (Verdict, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if len(x.Elts) > 0 {
			if _, keyed := x.Elts[0].(*ast.KeyValueExpr); !keyed {
				if len(x.Elts) == 3 { // Group, Version, Resource
					return j.arg(ResourceArg, x.Elts[2], sc, depth+1), true
				}
				return Risky, true
			}
		}
		if r := Keyed(x, "Resource"); r != nil {
			return j.arg(ResourceArg, r, sc, depth+1), true
		}
		return Benign, true // no resource: names nothing
	case *ast.CallExpr:
		if fn := Callee(j.info, x); fn != nil && fn.Name() == "WithResource" && len(x.Args) == 1 {
			return j.arg(ResourceArg, x.Args[0], sc, depth+1), true
		}
		return Risky, true
	case *ast.Ident:
		// A package-level variable declared with a value that nothing
		// assigns again (var secretsGVR = schema.GroupVersionResource{...}).
		if v, ok := j.info.Uses[x].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			if val := j.pkgVarValue(v); val != nil {
				return j.gvrResource(val, sc, depth+1)
			}
			return Risky, true
		}
	}
	return Risky, false
}

// pkgVarValue is the value a package-level variable is declared with,
// when the package's files declare it with one and assign it nowhere
// else; nil otherwise.
func (j *Judge) pkgVarValue(v *types.Var) ast.Expr {
	var val ast.Expr
	bad := false
	for _, f := range j.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if j.info.Defs[name] == v && len(n.Values) == len(n.Names) {
						val = n.Values[i]
					}
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && j.info.Uses[id] == v {
						bad = true
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && j.info.Uses[id] == v {
					bad = true
				}
			}
			return !bad
		})
	}
	if bad {
		return nil
	}
	return val
}

// kubeSecretName reports whether a constant names the Secret resource or
// kind.
func kubeSecretName(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "secret", "secrets", "secretlist":
		return true
	}
	return false
}
