package oas504

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

func TestIDName(t *testing.T) {
	for name, want := range map[string]bool{
		"id": true, "ID": true, "user_id": true, "userId": true, "userID": true, "user-id": true,
		"X-Request-Id": true, "accountId": true,
		"paid": false, "valid": false, "uuid": false, "guid": false, "idx": false, "identity": false,
		"userid": false, "ids": false,
	} {
		if got := idName(name); got != want {
			t.Errorf("idName(%q) = %v, want %v", name, got, want)
		}
	}
}
