package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/apiaudit/apiaudit/pkg/lint"
	"github.com/apiaudit/apiaudit/pkg/report"
)

// SchemaURL is where editors find the JSON schema of the file.
const SchemaURL = "https://raw.githubusercontent.com/apiaudit/apiaudit/main/docs/config.schema.json"

// DocsURL is the page that describes the file.
const DocsURL = "https://github.com/apiaudit/apiaudit/blob/main/docs/config.md"

// Starter is the commented .apiaudit.yaml that `apiaudit config init`
// writes. Its settings are the defaults, so it changes nothing until
// edited; the options of every rule are listed, commented out, with their
// current values.
func Starter(rules []*lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", SchemaURL)
	fmt.Fprintf(&b, "#\n# apiaudit configuration: %s\n", DocsURL)
	b.WriteString(`# Command-line flags override what is set here.

# Exit 1 when a finding is at or above this severity: error, warning, note or none.
fail-on: error

# Report format when --format is not given: ` + strings.Join(report.Formats, ", ") + `.
format: text

# Files and directories not to scan: doublestar globs relative to the scan
# root; a pattern without a slash matches base names anywhere. --exclude adds
# to this list.
exclude: []

# Analyse Go files marked "// Code generated ... DO NOT EDIT." too; they are
# skipped by default.
include-generated: false

# Which rules run, for every file. A pattern is a rule ID (OAS101), a glob of
# IDs (OAS2*) or a rule name (operation-without-auth); apiaudit rules lists
# them. A rule is off when disable matches it and enable does not.
rules:
  disable: []
  enable: []
  # Severity of a rule's findings: error, warning or note. When several
  # entries match a rule, the last one wins.
  severity: {}

# Settings for some files, applied in order after rules: (paths are globs
# like exclude).
# overrides:
#   - paths: ["legacy/**"]
#     disable: ["OAS2*"]
#     severity: {OAS101: warning}

`)
	opts := optionsYAML(rules)
	if opts == "" {
		b.WriteString("# Rule options: no rule has options in this version.\n")
		return b.String()
	}
	b.WriteString(`# Rule options, keyed by rule name (or ID), with their defaults. A list you
# write replaces the default list; options you leave out keep their defaults.
`)
	for _, line := range strings.SplitAfter(opts, "\n") {
		if line != "" {
			b.WriteString("# " + line)
		}
	}
	return b.String()
}

// optionsYAML is the options: block with every rule's current options, as
// YAML (not commented out): "" when no rule has options.
func optionsYAML(rules []*lint.Rule) string {
	var b strings.Builder
	for _, r := range rules {
		if r.Options == nil || CheckOptions(r.Options) != nil {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("options:\n")
		}
		v := reflect.ValueOf(r.Options).Elem()
		fmt.Fprintf(&b, "  %s: # %s: %s\n", r.Name, r.ID, r.Doc.Title)
		fs, _ := fields(v.Type())
		for _, f := range fs {
			emit(&b, 4, f.Name, v.FieldByIndex(f.Index))
		}
	}
	return b.String()
}

// width is where emit wraps lists.
const width = 96

// emit writes "name: value" at an indentation, as block YAML for structs
// and maps and flow YAML for lists.
func emit(b *strings.Builder, indent int, name string, v reflect.Value) {
	pad := strings.Repeat(" ", indent)
	key := scalarYAML(name)
	switch v.Kind() {
	case reflect.Struct:
		fmt.Fprintf(b, "%s%s:\n", pad, key)
		fs, _ := fields(v.Type())
		for _, f := range fs {
			emit(b, indent+2, f.Name, v.FieldByIndex(f.Index))
		}
	case reflect.Map:
		if v.Len() == 0 {
			fmt.Fprintf(b, "%s%s: {}\n", pad, key)
			return
		}
		fmt.Fprintf(b, "%s%s:\n", pad, key)
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			emit(b, indent+2, k.String(), v.MapIndex(k))
		}
	case reflect.Slice:
		line := pad + key + ": ["
		cont := strings.Repeat(" ", indent+4)
		for i := range v.Len() {
			item := flowItem(v.Index(i).Interface())
			if i < v.Len()-1 {
				item += ","
			}
			switch {
			case i == 0:
				line += item
			case len(line)+1+len(item) > width:
				b.WriteString(line + "\n")
				line = cont + item
			default:
				line += " " + item
			}
		}
		b.WriteString(line + "]\n")
	default:
		fmt.Fprintf(b, "%s%s: %s\n", pad, key, scalarYAML(v.Interface()))
	}
}

// scalarYAML writes one scalar as YAML, quoted when it has to be.
func scalarYAML(v any) string {
	out, err := yaml.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return strings.TrimSuffix(string(out), "\n")
}

// flowItem writes one element of a flow list: quoted where a comma or a
// bracket would otherwise end it.
func flowItem(v any) string {
	var n yaml.Node
	if err := n.Encode([]any{v}); err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	n.Style = yaml.FlowStyle
	out, err := yaml.Marshal(&n)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	s := strings.TrimSpace(string(out))
	return strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
}
