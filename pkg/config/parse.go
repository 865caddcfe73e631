package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	yaml "go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// FailOnValues are the values of fail-on (and --fail-on).
var FailOnValues = []string{"error", "warning", "note", "none"}

// Parse decodes a configuration file's content. file names it in errors.
func Parse(data []byte, file string, known []*lint.Rule) (*Config, error) {
	p := &parser{file: file, known: known}
	c := &Config{File: file, known: known}
	var docs []yaml.Node
	if err := yaml.Load(data, &docs, yaml.WithAllDocuments()); err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			return nil, &Error{File: file, Line: le.Mark.Line, Msg: "not valid YAML: " + le.Message}
		}
		return nil, &Error{File: file, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(docs) > 1 {
		return nil, p.errorf(&docs[1], "more than one YAML document: a configuration file holds one")
	}
	if len(docs) == 0 || len(docs[0].Content) == 0 {
		return c, nil // empty, or only comments
	}
	root := docs[0].Content[0]
	if isNull(root) {
		return c, nil
	}
	err := p.mapping(root, "", map[string]func(k, v *yaml.Node) error{
		"fail-on": func(k, v *yaml.Node) error {
			s, err := p.oneOf(v, "fail-on", FailOnValues)
			c.FailOn = s
			return err
		},
		"format": func(k, v *yaml.Node) error {
			s, err := p.oneOf(v, "format", report.Formats)
			c.Format = s
			return err
		},
		"exclude": func(k, v *yaml.Node) error {
			globs, err := p.globs(v, "exclude")
			c.Exclude = globs
			return err
		},
		"include-generated": func(k, v *yaml.Node) error {
			b, err := p.boolean(v, "include-generated")
			c.IncludeGenerated = b
			return err
		},
		"rules": func(k, v *yaml.Node) error {
			return p.ruleSettings(v, "rules", &c.Rules, nil)
		},
		"overrides": func(k, v *yaml.Node) error {
			return p.overrides(v, c)
		},
		"options": func(k, v *yaml.Node) error {
			return p.options(v, c)
		},
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

type parser struct {
	file  string
	known []*lint.Rule
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) error {
	return &Error{File: p.file, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

// resolve refuses aliases (which could make a small file expand without
// bound) and returns the node itself otherwise.
func (p *parser) resolve(n *yaml.Node, where string) (*yaml.Node, error) {
	if n.Kind == yaml.AliasNode {
		return nil, p.errorf(n, "%s: YAML aliases (*%s) are not supported here", where, n.Value)
	}
	return n, nil
}

// mapping walks a mapping, calling the handler of each key, in the order
// written. Keys must be strings, known and not repeated. where is the key
// path of the mapping for messages ("" at the top level).
func (p *parser) mapping(n *yaml.Node, where string, handlers map[string]func(k, v *yaml.Node) error) error {
	n, err := p.resolve(n, where)
	if err != nil {
		return err
	}
	if n.Kind != yaml.MappingNode {
		if where == "" {
			return p.errorf(n, "want a mapping of settings (fail-on: error, rules: ...), got %s", describe(n))
		}
		return p.errorf(n, "%s: want a mapping, got %s", where, describe(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return p.errorf(k, "%s: keys must be strings, got %s", orTop(where), describe(k))
		}
		h, ok := handlers[k.Value]
		if !ok {
			in := ""
			if where != "" {
				in = " in " + where
			}
			names := make([]string, 0, len(handlers))
			for name := range handlers {
				names = append(names, name)
			}
			slices.Sort(names)
			return p.errorf(k, "unknown key %q%s%s", k.Value, in, suggest(k.Value, names))
		}
		if seen[k.Value] {
			return p.errorf(k, "%s is set twice", join(where, k.Value))
		}
		seen[k.Value] = true
		if isNull(v) {
			continue // "key:" with nothing after it (or only comments) leaves the default
		}
		v, err := p.resolve(v, join(where, k.Value))
		if err != nil {
			return err
		}
		if err := h(k, v); err != nil {
			return err
		}
	}
	return nil
}

// str reads a string scalar.
func (p *parser) str(n *yaml.Node, where string) (string, error) {
	n, err := p.resolve(n, where)
	if err != nil {
		return "", err
	}
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return "", p.errorf(n, "%s: want a string, got %s", where, describe(n))
	}
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float":
		return n.Value, nil
	}
	return "", p.errorf(n, "%s: want a string, got %s", where, describe(n))
}

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, where string) (bool, error) {
	n, err := p.resolve(n, where)
	if err != nil {
		return false, err
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, nil
		}
	}
	return false, p.errorf(n, "%s: want true or false, got %s", where, describe(n))
}

// oneOf reads a string that must be one of values (compared without case).
func (p *parser) oneOf(n *yaml.Node, where string, values []string) (string, error) {
	s, err := p.str(n, where)
	if err != nil {
		return "", err
	}
	for _, v := range values {
		if strings.EqualFold(s, v) {
			return v, nil
		}
	}
	return "", p.errorf(n, "%s: %q is not %s", where, s, orList(values))
}

// list calls each for every element of a sequence.
func (p *parser) list(n *yaml.Node, where, example string, each func(i int, n *yaml.Node) error) error {
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "%s: want a list such as %s, got %s", where, example, describe(n))
	}
	for i, e := range n.Content {
		e, err := p.resolve(e, fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return err
		}
		if err := each(i, e); err != nil {
			return err
		}
	}
	return nil
}

// globs reads a list of path globs.
func (p *parser) globs(n *yaml.Node, where string) ([]string, error) {
	var out []string
	err := p.list(n, where, `["testdata/**"]`, func(i int, e *yaml.Node) error {
		at := fmt.Sprintf("%s[%d]", where, i)
		s, err := p.str(e, at)
		if err != nil {
			return err
		}
		if !doublestar.ValidatePattern(s) {
			return p.errorf(e, "%s: %q is not a valid glob", at, s)
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// rulePatterns reads a list of rule IDs, globs of IDs or names; each must
// match at least one rule.
func (p *parser) rulePatterns(n *yaml.Node, where string) ([]string, error) {
	var out []string
	err := p.list(n, where, `["OAS2*", operation-without-auth]`, func(i int, e *yaml.Node) error {
		s, err := p.rulePattern(e, fmt.Sprintf("%s[%d]", where, i))
		out = append(out, s)
		return err
	})
	return out, err
}

func (p *parser) rulePattern(n *yaml.Node, where string) (string, error) {
	s, err := p.str(n, where)
	if err != nil {
		return "", err
	}
	if !doublestar.ValidatePattern(strings.ToUpper(s)) {
		return "", p.errorf(n, "%s: %q is not a valid glob", where, s)
	}
	if !slices.ContainsFunc(p.known, func(r *lint.Rule) bool { return matchRule(s, r) }) {
		return "", p.errorf(n, "%s: %q matches no rule (apiaudit rules lists them)%s", where, s, suggest(s, p.ruleKeys()))
	}
	return s, nil
}

// ruleSettings reads enable, disable and severity; more adds keys that an
// override has besides them.
func (p *parser) ruleSettings(n *yaml.Node, where string, rs *RuleSettings, more map[string]func(k, v *yaml.Node) error) error {
	handlers := map[string]func(k, v *yaml.Node) error{
		"enable": func(k, v *yaml.Node) error {
			var err error
			rs.Enable, err = p.rulePatterns(v, join(where, "enable"))
			return err
		},
		"disable": func(k, v *yaml.Node) error {
			var err error
			rs.Disable, err = p.rulePatterns(v, join(where, "disable"))
			return err
		},
		"severity": func(k, v *yaml.Node) error {
			at := join(where, "severity")
			if v.Kind != yaml.MappingNode {
				return p.errorf(v, "%s: want a mapping such as {OAS101: warning}, got %s", at, describe(v))
			}
			seen := map[string]bool{}
			for i := 0; i+1 < len(v.Content); i += 2 {
				kn, vn := v.Content[i], v.Content[i+1]
				pat, err := p.rulePattern(kn, at)
				if err != nil {
					return err
				}
				if seen[strings.ToUpper(pat)] {
					return p.errorf(kn, "%s: %s is set twice", at, pat)
				}
				seen[strings.ToUpper(pat)] = true
				s, err := p.oneOf(vn, join(at, pat), []string{"error", "warning", "note"})
				if err != nil {
					return err
				}
				sev, _ := lint.ParseSeverity(s)
				rs.Severity = append(rs.Severity, SeverityRule{Pattern: pat, Severity: sev})
			}
			return nil
		},
	}
	for k, h := range more {
		handlers[k] = h
	}
	return p.mapping(n, where, handlers)
}

func (p *parser) overrides(n *yaml.Node, c *Config) error {
	return p.list(n, "overrides", `[{paths: ["legacy/**"], disable: ["OAS2*"]}]`, func(i int, e *yaml.Node) error {
		where := fmt.Sprintf("overrides[%d]", i)
		var o Override
		hasPaths := false
		err := p.ruleSettings(e, where, &o.RuleSettings, map[string]func(k, v *yaml.Node) error{
			"paths": func(k, v *yaml.Node) error {
				var err error
				o.Paths, err = p.globs(v, where+".paths")
				hasPaths = len(o.Paths) > 0
				return err
			},
		})
		if err != nil {
			return err
		}
		if !hasPaths {
			return p.errorf(e, "%s: no paths: say which files it applies to (paths: [\"legacy/**\"])", where)
		}
		c.Overrides = append(c.Overrides, o)
		return nil
	})
}

func (p *parser) options(n *yaml.Node, c *Config) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "options: want a mapping of rule names to their options, got %s", describe(n))
	}
	set := map[*lint.Rule]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key, err := p.str(k, "options")
		if err != nil {
			return err
		}
		rule := p.rule(key)
		if rule == nil {
			return p.errorf(k, "options: %q is not a rule name or ID (apiaudit rules lists them)%s", key, suggest(key, p.ruleKeys()))
		}
		if prev, ok := set[rule]; ok {
			return p.errorf(k, "options: %s is set twice (as %s and as %s)", rule.ID, prev, key)
		}
		set[rule] = key
		if rule.Options == nil {
			return p.errorf(k, "options: rule %s (%s) has no options", rule.ID, rule.Name)
		}
		if isNull(v) {
			continue
		}
		where := "options." + key
		v, err = p.resolve(v, where)
		if err != nil {
			return err
		}
		value, err := decodeOptions(p, v, where, rule.Options)
		if err != nil {
			return err
		}
		// Options that hold more than types can say (function names in
		// table notation, globs) check themselves.
		if c, ok := value.(interface{ Check() error }); ok {
			if err := c.Check(); err != nil {
				return p.errorf(v, "%s: %v", where, err)
			}
		}
		c.Options = append(c.Options, RuleOptions{Rule: rule, Value: value})
	}
	return nil
}

// rule finds a rule by exact name or ID (without regard to case).
func (p *parser) rule(key string) *lint.Rule {
	for _, r := range p.known {
		if strings.EqualFold(key, r.ID) || strings.EqualFold(key, r.Name) {
			return r
		}
	}
	return nil
}

func (p *parser) ruleKeys() []string {
	var keys []string
	for _, r := range p.known {
		keys = append(keys, r.ID, r.Name)
	}
	return keys
}

// matchRule reports whether a pattern of the configuration names a rule:
// its ID or a glob of IDs, or its name or a glob of names, without regard to
// case.
func matchRule(pattern string, r *lint.Rule) bool {
	if ok, _ := doublestar.Match(strings.ToUpper(pattern), r.ID); ok {
		return true
	}
	ok, _ := doublestar.Match(strings.ToLower(pattern), r.Name)
	return ok && r.Name != ""
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of a node for messages: "a string", "a list".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!bool":
			return "a boolean (" + n.Value + ")"
		case "!!int":
			return "a number (" + n.Value + ")"
		case "!!float":
			return "a number (" + n.Value + ")"
		}
		return fmt.Sprintf("a string (%q)", n.Value)
	}
	return "something else"
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

func orTop(where string) string {
	if where == "" {
		return "top level"
	}
	return where
}

// orList writes "a, b or c".
func orList(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// suggest proposes the closest candidate to a misspelt key, if one is close.
func suggest(got string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := distance(strings.ToLower(got), strings.ToLower(c)); d < bestDist && d < len(c)/2+1 {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between two short strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
