package config

import (
	"slices"

	"github.com/apiaudit/apiaudit/pkg/engine"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// apply folds one block of settings into a rule's state: disable turns it
// off unless enable of the same block names it too, enable turns it on,
// and the last matching severity entry sets its severity.
func (rs *RuleSettings) apply(r *lint.Rule, on *bool, sev *lint.Severity) {
	enabled := slices.ContainsFunc(rs.Enable, func(p string) bool { return matchRule(p, r) })
	disabled := slices.ContainsFunc(rs.Disable, func(p string) bool { return matchRule(p, r) })
	switch {
	case enabled:
		*on = true
	case disabled:
		*on = false
	}
	for _, s := range rs.Severity {
		if matchRule(s.Pattern, r) {
			*sev = s.Severity
		}
	}
}

// state is whether a rule reports in a file (file "" = the rules: block
// alone), and the severity its findings get (SeverityDefault = their own).
func (c *Config) state(r *lint.Rule, file string) (on bool, sev lint.Severity) {
	on = !r.Doc.Optional
	c.Rules.apply(r, &on, &sev)
	if file != "" {
		for i := range c.Overrides {
			if o := &c.Overrides[i]; engine.MatchPath(o.Paths, file) {
				o.RuleSettings.apply(r, &on, &sev)
			}
		}
	}
	return on, sev
}

// Select returns the rules that run: those the rules: block leaves on, and
// those an override turns on for some paths.
func (c *Config) Select(all []*lint.Rule) []*lint.Rule {
	if c == nil {
		c = &Config{}
	}
	var out []*lint.Rule
	for _, r := range all {
		on, _ := c.state(r, "")
		for _, o := range c.Overrides {
			on = on || slices.ContainsFunc(o.Enable, func(p string) bool { return matchRule(p, r) })
		}
		if on {
			out = append(out, r)
		}
	}
	return out
}

// Adjust applies the rules: block and the overrides that match a finding's
// file: it sets the finding's severity, and returns false when the rule is
// off for that file. It has the signature of engine.Options.Adjust and is
// safe for concurrent use.
func (c *Config) Adjust(f *lint.Finding) bool {
	if c == nil {
		return true
	}
	r := c.ruleByID(f.RuleID)
	if r == nil {
		return true
	}
	on, sev := c.state(r, f.Location.File)
	if sev != lint.SeverityDefault {
		f.Severity = sev
	}
	return on
}

func (c *Config) ruleByID(id string) *lint.Rule {
	for _, r := range c.known {
		if r.ID == id {
			return r
		}
	}
	return nil
}
