package oas401

import (
	"testing"

	"github.com/apiaudit/apiaudit/pkg/ruletest"
)

func TestRule(t *testing.T) {
	if err := Rule.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.Run(t, Rule)
}

func TestNeedsSchema(t *testing.T) {
	for mt, want := range map[string]bool{
		"application/json": true, "application/json; charset=utf-8": true, "application/problem+json": true,
		"application/vnd.api+json": true, "application/x-ndjson": true, "application/xml": true, "text/xml": true,
		"application/yaml": true, "application/jsonl": true, "application/x-yaml": true, "text/plain": true, "text/csv": true,
		"application/x-www-form-urlencoded": true, "multipart/form-data": true, "APPLICATION/JSON": true,

		"application/octet-stream": false, "image/png": false, "image/*": false, "*/*": false,
		"application/pdf": false, "application/zip": false, "audio/mpeg": false, "video/mp4": false,
		"application/jsonpath-not-really": false,
	} {
		if got := needsSchema(mt); got != want {
			t.Errorf("needsSchema(%q) = %v, want %v", mt, got, want)
		}
	}
}
