// Package oas404 defines rule OAS404: server-owned properties that clients
// can send.
package oas404

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/load/openapi"
)

// Options are the settings of OAS404.
type Options struct {
	// Fields are the property names that only the server should set, compared
	// in snake case ("isAdmin" and "is-admin" match "is_admin").
	Fields []string `yaml:"fields"`
}

var options = Options{Fields: []string{
	// privilege
	"role", "roles", "user_role", "is_admin", "admin", "is_superuser", "superuser", "is_staff",
	"permissions", "privileges", "access_level",
	// ownership
	"owner", "owner_id", "created_by", "tenant_id", "organization_id", "org_id",
	// money and trust
	"balance", "account_balance", "credit_balance", "credits", "paid", "is_paid", "payment_status",
	"verified", "is_verified", "email_verified", "phone_verified", "approved", "is_approved", "kyc_status",
}}

var Rule = &lint.Rule{
	ID:   "OAS404",
	Name: "readonly-in-request",
	Doc: lint.Doc{
		Title: "Request lets clients set a server-owned property",
		Summary: "An operation where clients act on their own account (sign-up, registration, /me, " +
			"/profile) accepts a property named like a privilege, an owner or a balance (role, is_admin, " +
			"owner_id, balance...) that is not readOnly; or, in OpenAPI 3.1, a request schema requires a " +
			"readOnly property.",
		Why: `Mass assignment (OWASP API3:2023) is the bug where a client sets a field it
was never meant to control, because the server binds the request body onto
its model: a new user signs up with ` + "`role: admin`" + `, a customer edits their
profile with ` + "`balance: 1000000`" + ` or ` + "`owner_id`" + ` of someone else. The contract is
where this starts. When a schema that clients send lists a server-owned
property without ` + "`readOnly: true`" + `, generated clients offer it, validators and
gateways accept it, and the server code written from the contract stores it.

AI agents send what the schema offers. An agent asked to "update my
profile" may well include ` + "`role`" + ` because the schema lists it, and a prompt
injection only has to ask for it by name.

Whether a client may set a property depends on who the client is: an
administrator assigning roles through ` + "`PATCH /users/{id}`" + ` is doing their job. So
the rule looks where the answer is clear, at operations in which a client
acts on its own account: POST, PUT and PATCH operations whose path ends in
a segment such as ` + "`me`" + `, ` + "`self`" + `, ` + "`current`" + `, ` + "`account`" + `, ` + "`signup`" + ` or ` + "`register`" + `
(possibly followed by ` + "`profile`" + `, ` + "`settings`" + ` or ` + "`preferences`" + `: ` + "`/users/me/profile`" + `),
and whose operationId says ` + "`register`" + ` or ` + "`signUp`" + `, or ends in ` + "`Me`" + `,
` + "`MyProfile`" + ` or ` + "`CurrentUser`" + `. ` + "`/me/calendars`" + ` acts on a resource the caller
owns, not on the account, and is left alone. There, a property on the list (option
` + "`fields`" + `: privileges, ownership, balances and verification flags) that is not
` + "`readOnly`" + ` is reported as a warning: in the body object, the parts of its
composition, and the object a body only wraps (` + "`{\"user\": {...}}`" + `). Other
nested objects and array items are the resources the body refers to, and
are not looked at.

OpenAPI 3.1 adds a second, exact signal: a ` + "`readOnly`" + ` property listed in
` + "`required`" + ` of a schema that clients send. OpenAPI 3.0 said such a requirement
applies to responses only; 3.1 dropped that exception, so validators make
clients send the very field they must not set.

Identifiers and timestamps (` + "`id`" + `, ` + "`created_at`" + `) are not on the default list:
setting them is rarely an escalation. Neither are ` + "`status`" + ` and ` + "`price`" + `, which
are ordinary inputs in many APIs; add them to ` + "`fields`" + ` where they are not.`,
		Fix: "mark the property `readOnly: true`, or give the request its own schema without it",
		Bad: `paths:
  /v1/me:
    patch:
      operationId: updateMe
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Traveller"}
components:
  schemas:
    Traveller:
      type: object
      properties:
        display_name: {type: string, maxLength: 100}
        loyalty_balance: {type: integer}
        role: {type: string, enum: [member, agent, admin]}`,
		Good: `components:
  schemas:
    Traveller:
      type: object
      properties:
        display_name: {type: string, maxLength: 100}
        loyalty_balance: {type: integer, readOnly: true}
        role: {type: string, enum: [member, agent, admin], readOnly: true}`,
		Lang:      "yaml",
		Severity:  lint.SeverityWarning,
		Precision: "low",
		Grades: `- **warning**: a privilege, ownership, balance or verification field (option ` + "`fields`" + `) that a self-service operation accepts, and a readOnly property a 3.1 request schema requires.
- **note**: ` + "`created_by`" + ` in a self-service operation on the caller's own account: it records who created the account and grants nothing (Microsoft Graph's ` + "`createdBy`" + ` on ` + "`patch /education/me`" + `, judged noise, 0 of 1 at warning).`,
		CWE:   []int{915, 269},
		OWASP: []string{"API3:2023", "API5:2023"},
		Since: "v0.1.0",
	},
	Options: &options,
	Spec:    run,
}

// audit are the fields of the list that record history rather than grant
// anything on the caller's own account: a note there.
var audit = map[string]bool{"created_by": true}

func run(pass *lint.SpecPass) error {
	owned := map[string]bool{}
	for _, f := range options.Fields {
		owned[openapi.SnakeName(f)] = true
	}
	schemas := openapi.Schemas(pass.Doc)
	defs := map[*openapi3.Schema]*openapi.Schema{}
	for _, s := range schemas {
		defs[s.S] = s
	}
	reported := map[string]bool{}

	// Server-owned properties in the bodies of self-service operations.
	for _, b := range openapi.RequestBodies(pass.Doc) {
		i := slices.IndexFunc(b.Users, selfService)
		if i < 0 {
			continue
		}
		op := b.Users[i]
		w := &walker{seen: map[*openapi3.Schema]bool{}, visit: func(parent *openapi3.Schema, name string, prop *openapi3.SchemaRef) {
			if prop.Value.ReadOnly || !owned[openapi.SnakeName(name)] {
				return
			}
			d := defs[parent]
			if d == nil {
				return
			}
			ptr := openapi.Join(d.Pointer, "properties", name)
			if reported[ptr] {
				return
			}
			reported[ptr] = true
			sev, grade := lint.SeverityDefault, ""
			if audit[openapi.SnakeName(name)] {
				// Who created the account is its history: setting it
				// on one's own account grants nothing.
				sev, grade = lint.SeverityNote, " (a note: on the caller's own account it records who created the account, which grants nothing; mark it readOnly all the same)"
			}
			pass.ReportSeverityf(sev, ptr, origin(prop), "",
				"%s %s acts on the caller's own account and accepts %q (%s), which looks server-owned and is not readOnly: clients can set it for themselves%s",
				op.Method, op.Path, name, openapi.Describe(ptr), grade)
		}}
		for _, mt := range slices.Sorted(maps.Keys(b.B.Content)) {
			if m := b.B.Content[mt]; m != nil {
				w.walk(m.Schema, false)
			}
		}
	}
	for _, p := range openapi.Parameters(pass.Doc) {
		i := slices.IndexFunc(p.Users, selfService)
		if i < 0 || p.P.In == "path" || p.P.In == "header" || !owned[openapi.SnakeName(p.P.Name)] {
			continue
		}
		op := p.Users[i]
		pass.Reportf(p.Pointer, p.Origin, "name",
			"%s %s acts on the caller's own account and accepts %s parameter %q, which looks server-owned: clients can set it for themselves",
			op.Method, op.Path, p.P.In, p.P.Name)
	}

	// OpenAPI 3.1: readOnly properties that requests must carry.
	if pass.Version != "3.1" {
		return nil
	}
	for _, s := range schemas {
		if s.Uses&openapi.Request == 0 || s.S.ReadOnly {
			continue
		}
		for _, name := range s.S.Required {
			prop := s.S.Properties[name]
			if prop == nil || prop.Value == nil || !prop.Value.ReadOnly {
				continue
			}
			ptr := openapi.Join(s.Pointer, "properties", name)
			pass.Reportf(ptr, origin(prop), "",
				"%s requires readOnly property %q in requests: OpenAPI 3.1 validators make clients send it", openapi.Describe(s.Pointer), name)
		}
	}
	return nil
}

// walker visits the properties of a request body's schema: those of the
// body object and of its compositions, and, when the body only wraps an
// object (the Rails-style {"user": {...}}), those of the wrapped object.
// Other nested objects and array items are the resources a body refers to,
// not the caller's account, and are left alone.
type walker struct {
	seen  map[*openapi3.Schema]bool
	visit func(parent *openapi3.Schema, name string, prop *openapi3.SchemaRef)
}

func (w *walker) walk(ref *openapi3.SchemaRef, wrapped bool) {
	if ref == nil || ref.Value == nil || w.seen[ref.Value] {
		return
	}
	s := ref.Value
	w.seen[s] = true
	if s.ReadOnly {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if prop := s.Properties[name]; prop != nil && prop.Value != nil {
			w.visit(s, name, prop)
			if len(s.Properties) == 1 && !wrapped {
				w.walk(prop, true)
			}
		}
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, part := range list {
			w.walk(part, wrapped)
		}
	}
}

// selfSegments are path segments of operations where the caller acts on
// its own account.
var selfSegments = map[string]bool{
	"me": true, "self": true, "my": true, "myself": true, "current": true, "account": true,
	"signup": true, "sign-up": true, "sign_up": true, "register": true, "registration": true,
	"registrations": true, "onboarding": true,
}

// selfService reports whether an operation lets the caller create or change
// its own account: by its path, whose last segment (or the one before a
// last "profile", "settings" or "account") is such as "me", "current" or
// "signup", as in /me, /users/current/profile and /auth/signup; or by its
// operationId (registerUser, signUp, updateMyProfile, updateAuthenticatedUser).
// /me/calendars/{id} acts on a resource the caller owns, not on the account.
func selfService(op openapi.Operation) bool {
	if !op.IsWrite() || op.Method == "delete" {
		return false
	}
	segs := strings.Split(strings.Trim(op.Path, "/"), "/")
	last := len(segs) - 1
	if last > 0 && accountPages[strings.ToLower(segs[last])] {
		last--
	}
	if last >= 0 && selfSegments[strings.ToLower(segs[last])] || accountPages[strings.ToLower(segs[len(segs)-1])] && len(segs) == 1 {
		return true
	}
	w := openapi.Words(op.Op.OperationID)
	n := len(w)
	for i, word := range w {
		switch word {
		case "register", "signup", "registration":
			return true
		case "sign":
			if i+1 < n && w[i+1] == "up" {
				return true
			}
		}
	}
	// The object of the verb is the account: updateMe, updateMyProfile,
	// updateAuthenticatedUser; not me.CreateChats.
	switch {
	case n >= 2 && (w[n-1] == "me" || w[n-1] == "myself"):
		return true
	case n >= 2 && w[n-2] == "my" && accountPages[w[n-1]]:
		return true
	case n >= 2 && w[n-1] == "user" && (w[n-2] == "current" || w[n-2] == "authenticated"):
		return true
	}
	return false
}

// accountPages are the last segments of paths about the caller's account.
var accountPages = map[string]bool{"profile": true, "settings": true, "account": true, "preferences": true}

// origin is where a property is written: its $ref when it has one, else
// its inline schema.
func origin(prop *openapi3.SchemaRef) *openapi3.Origin {
	if prop.Ref != "" && prop.Origin != nil && prop.Origin.Key != nil {
		return prop.Origin
	}
	return prop.Value.Origin
}
