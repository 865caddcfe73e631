package lint

import (
	"strings"
	"testing"
)

func TestCapped(t *testing.T) {
	capped := &Rule{ID: "OAS999", Doc: Doc{Severity: SeverityWarning, NoteOnly: "none of its 12 findings judged on real projects was worth acting on"}}
	plain := &Rule{ID: "OAS998", Doc: Doc{Severity: SeverityWarning}}
	warn := Finding{Severity: SeverityWarning, Message: "x is unbounded", Fingerprint: "abc"}

	got := Capped(capped, warn)
	if got.Severity != SeverityNote {
		t.Errorf("capped warning: severity %v, want note", got.Severity)
	}
	if want := "x is unbounded (a note: none of its 12 findings"; !strings.HasPrefix(got.Message, want) {
		t.Errorf("capped warning: message %q, want it to start %q", got.Message, want)
	}
	if got.Fingerprint != "abc" {
		t.Errorf("the cap changed the fingerprint to %q", got.Fingerprint)
	}

	err := warn
	err.Severity = SeverityError
	err.Message = "scope repo grants everything (an error, not a warning: a model can use it)"
	want := "scope repo grants everything (a model can use it) (a note: none of its 12"
	if got := Capped(capped, err); got.Severity != SeverityNote || !strings.HasPrefix(got.Message, want) {
		t.Errorf("capped error: %v %q, want a note starting %q", got.Severity, got.Message, want)
	}

	note := Finding{Severity: SeverityNote, Message: "y (a note: it is nested)"}
	if got := Capped(capped, note); got.Severity != note.Severity || got.Message != note.Message {
		t.Errorf("a note was changed: %+v", got)
	}

	definite := Finding{Severity: SeverityWarning, Message: "minLength 5 above maxLength 2", Definite: true}
	if got := Capped(capped, definite); got.Severity != SeverityWarning || got.Message != definite.Message {
		t.Errorf("a contradiction was lowered: %+v", got)
	}

	if got := Capped(plain, warn); got.Severity != SeverityWarning || got.Message != warn.Message {
		t.Errorf("a rule without the cap was changed: %+v", got)
	}
}

func TestDefaultAndSeverityText(t *testing.T) {
	d := Doc{Severity: SeverityError, Grades: "- **warning** on loopback."}
	if d.Default() != SeverityError || d.SeverityText() != d.Grades {
		t.Errorf("an uncapped doc: default %v, text %q", d.Default(), d.SeverityText())
	}
	d.NoteOnly = "none of its 20 findings judged on real projects was worth acting on"
	if d.Default() != SeverityNote {
		t.Errorf("a capped doc: default %v, want note", d.Default())
	}
	text := d.SeverityText()
	for _, want := range []string{"Every finding is a note", d.NoteOnly, "(error by default)", d.Grades} {
		if !strings.Contains(text, want) {
			t.Errorf("severity text %q lacks %q", text, want)
		}
	}
	d.Grades = ""
	if text := d.SeverityText(); !strings.Contains(text, "would be errors") {
		t.Errorf("severity text without grades: %q", text)
	}
}
