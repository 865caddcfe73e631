package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestREADMERuleCounts keeps README's "It has N OpenAPI rules" and "It has
// N Go rules" equal to the registry, engine-made rules included.
func TestREADMERuleCounts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("no README.md:", err)
	}
	count := map[string]int{}
	for _, r := range Registry() {
		switch {
		case strings.HasPrefix(r.ID, "OAS"):
			count["OpenAPI"]++
		case strings.HasPrefix(r.ID, "GO"):
			count["Go"]++
		case strings.HasPrefix(r.ID, "MCP"):
			count["MCP"]++
		}
	}
	said := regexp.MustCompile(`It has (\d+) (OpenAPI|Go|MCP) rules`).FindAllStringSubmatch(string(data), -1)
	if len(said) == 0 {
		t.Fatal(`README.md says nowhere "It has N OpenAPI rules"`)
	}
	for _, m := range said {
		if n, _ := strconv.Atoi(m[1]); n != count[m[2]] {
			t.Errorf("README.md says %s %s rules, the registry has %d", m[1], m[2], count[m[2]])
		}
	}
}
