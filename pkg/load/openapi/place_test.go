package openapi

import "testing"

func TestDesignContract(t *testing.T) {
	for file, want := range map[string]string{
		"specs/018-intent/contracts/api.yaml":           "specs/018-intent/contracts/",
		"tools/specs/003-ui/contracts/v1/sessions.yaml": "specs/003-ui/contracts/",
		"specs/contracts/api.yaml":                      "", // no feature directory
		"specs/018-intent/api.yaml":                     "",
		"oas/swagger.yaml":                              "",
		"contracts/specs/x/api.yaml":                    "",
	} {
		if got := DesignContract(file); got != want {
			t.Errorf("DesignContract(%q) = %q, want %q", file, got, want)
		}
	}
}
