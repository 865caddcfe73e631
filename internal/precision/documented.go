package precision

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// ReadDocumentedPrecision reads each rule's documented precision ("very-high",
// "high", "medium" or "low") and its default severity from the generated rule
// pages in dir (docs/rules/<ID>.md, the "| Precision | ... |" and
// "| Default severity | ... |" rows).
func ReadDocumentedPrecision(dir string) (precision, severity map[string]string, err error) {
	pages, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, nil, err
	}
	precision, severity = map[string]string{}, map[string]string{}
	for _, p := range pages {
		id := strings.TrimSuffix(filepath.Base(p), ".md")
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "| Precision |"); ok {
				precision[id] = cell(v)
			}
			if v, ok := strings.CutPrefix(sc.Text(), "| Default severity |"); ok {
				// "error (context raises or lowers it: ...)"
				severity[id], _, _ = strings.Cut(cell(v), " ")
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, nil, err
		}
	}
	return precision, severity, nil
}

// cell is the text of a markdown table cell: rest is what follows the row's
// first cell, up to and including the closing bar.
func cell(rest string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "|"))
}

// Level names the documented precision a measured one supports, on the
// scale issue 11 sets for acceptance: very-high at 90% true positives (the
// bar for errors), high at 75% (the bar for warnings), medium at 50%, low
// below.
func Level(p float64) string {
	switch {
	case p >= 0.90:
		return "very-high"
	case p >= 0.75:
		return "high"
	case p >= 0.50:
		return "medium"
	}
	return "low"
}

var levelRank = map[string]int{"low": 0, "medium": 1, "high": 2, "very-high": 3}

// Overstated reports whether a rule documented at level doc claims more
// than a measured precision p supports.
func Overstated(doc string, p float64) bool {
	r, ok := levelRank[doc]
	return ok && r > levelRank[Level(p)]
}
