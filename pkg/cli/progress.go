package cli

import (
	"fmt"
	"sync"
	"time"
)

// progressDelay is how long a scan runs before it shows a progress line:
// quick scans stay silent.
const progressDelay = 500 * time.Millisecond

// progress writes a one-line "scanned N/M" status to standard error while a
// long scan runs, when standard error is a terminal and --quiet is off. The
// line is rewritten in place and erased when the scan ends, so it never
// mixes with the report.
type progress struct {
	mu      sync.Mutex
	app     *App
	start   time.Time
	done    int
	total   int
	shown   bool
	enabled bool
}

func newProgress(app *App, quiet bool) *progress {
	return &progress{app: app, start: time.Now(), enabled: !quiet && app.IsTTY(app.Err)}
}

// update records that done of total documents are scanned.
func (p *progress) update(done, total int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = max(p.done, done), total
	if time.Since(p.start) < progressDelay {
		return
	}
	p.shown = true
	fmt.Fprintf(p.app.Err, "\r\x1b[Kapiaudit: scanned %d/%d OpenAPI documents", p.done, p.total)
}

// stop erases the line if one was shown.
func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.app.Err, "\r\x1b[K")
		p.shown = false
	}
	p.enabled = false
}
