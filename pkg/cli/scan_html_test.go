package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const htmlSpec = `openapi: 3.0.3
info: {title: T, version: "1"}
security: [{bearer: []}]
paths:
  /pets:
    post:
      x-apiaudit-ignore: [{rule: OAS201, reason: internal network only}]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                name: {type: string}
      responses:
        "200": {description: ok}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
`

// htmlData is the part of the html report's embedded data these tests read.
type htmlData struct {
	Files      []string                  `json:"files"`
	Src        map[string]map[string]any `json:"src"`
	Findings   []struct{ R string }      `json:"findings"`
	Suppressed []struct {
		R   string
		Sup struct{ Reason string }
	} `json:"suppressed"`
}

func readHTMLData(t *testing.T, name string) (string, htmlData) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	const open = `<script type="application/json" id="report-data">`
	i := strings.Index(page, open)
	j := strings.Index(page[i+len(open):], "</script>")
	if i < 0 || j < 0 {
		t.Fatalf("no embedded data in %s", name)
	}
	var d htmlData
	if err := json.Unmarshal([]byte(page[i+len(open):i+len(open)+j]), &d); err != nil {
		t.Fatal(err)
	}
	return page, d
}

// TestScanOutputHTML checks --output-html beside another format: the page
// lists suppressed findings with their reasons although the JSON report
// (without --include-suppressed) does not, carries the lines of the
// scanned file for its snippets, and lists the run's settings.
func TestScanOutputHTML(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(htmlSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, stderr := run(t, false, nil, "scan", "--no-config", "--format", "json", "--output-html", "r.html", "--fail-on", "none", "api.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, `"suppressed"`) {
		t.Error("the JSON report lists suppressed findings without --include-suppressed")
	}
	page, d := readHTMLData(t, "r.html")
	if len(d.Suppressed) != 1 || d.Suppressed[0].R != "OAS201" || d.Suppressed[0].Sup.Reason != "internal network only" {
		t.Errorf("suppressed = %+v, want the OAS201 ignore with its reason", d.Suppressed)
	}
	if len(d.Findings) == 0 || len(d.Files) == 0 || d.Files[0] != "api.yaml" || len(d.Src["0"]) == 0 {
		t.Errorf("findings %d, files %q, lines %v: want findings with snippets of api.yaml", len(d.Findings), d.Files, d.Src)
	}
	for _, want := range []string{"<dt>fail on</dt><dd>none</dd>", "<dt>paths</dt><dd>api.yaml</dd>", "<dt>apiaudit</dt><dd>v1.2.3</dd>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	// A path outside the working directory: files are named relative to
	// it, and the snippets are still found.
	t.Chdir(t.TempDir())
	if code, _, stderr := run(t, false, nil, "scan", "--no-config", "--format", "html", "--output", "r.html", "--fail-on", "none", dir); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, d := readHTMLData(t, "r.html"); len(d.Files) == 0 || d.Files[0] != "api.yaml" || len(d.Src["0"]) == 0 {
		t.Errorf("outside the working directory: files %q, lines %v", d.Files, d.Src)
	}
}

func TestSourceReader(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "o.yaml"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	cwd := t.TempDir()
	if err := os.WriteFile(filepath.Join(cwd, "c.yaml"), []byte("inside"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(cwd)
	read := sourceReader([]string{".", outside})
	for name, want := range map[string]string{"c.yaml": "inside", "o.yaml": "outside"} {
		if b, err := read(name); err != nil || string(b) != want {
			t.Errorf("read(%s) = %q, %v; want %q", name, b, err, want)
		}
	}
	for _, name := range []string{"../" + filepath.Base(outside) + "/o.yaml", filepath.Join(outside, "o.yaml"), "missing.yaml"} {
		if b, err := read(name); err == nil {
			t.Errorf("read(%s) = %q, want an error (not a local name, or missing)", name, b)
		}
	}
}
