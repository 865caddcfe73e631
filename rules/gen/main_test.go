package main

import (
	"os"
	"testing"
)

// TestRegistryIsCurrent fails when a rule directory was added or removed
// without running go generate ./rules.
func TestRegistryIsCurrent(t *testing.T) {
	want, err := Generate("..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../rules.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("rules/rules.go is stale: run go generate ./rules")
	}
}
