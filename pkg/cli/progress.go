package cli

import (
	"fmt"
	"sync"
	"time"

	"github.com/apiaudit/apiaudit/pkg/report"
)

// progressDelay is how long a scan runs before it shows a progress line:
// quick scans stay silent.
var progressDelay = 500 * time.Millisecond

// progressTick is how often the line is redrawn once shown.
const progressTick = 200 * time.Millisecond

// progress writes a one-line status ("scanning 3/10 OpenAPI documents:
// api/big.yaml") to standard error while a long scan runs, when standard
// error is a terminal and --quiet is off. It is drawn by a ticker, so it
// appears once the scan has run for progressDelay, even while the first
// document is still loading, and it names the input being read. The line
// is rewritten in place and erased when the scan ends, so it never mixes
// with the report.
type progress struct {
	mu      sync.Mutex
	app     *App
	done    int
	total   int
	current string
	shown   bool
	enabled bool
	quit    chan struct{}
	wg      sync.WaitGroup
}

func newProgress(app *App, quiet bool) *progress {
	p := &progress{app: app, enabled: !quiet && app.IsTTY(app.Err), quit: make(chan struct{})}
	if p.enabled {
		p.wg.Add(1)
		go p.loop()
	}
	return p
}

func (p *progress) loop() {
	defer p.wg.Done()
	select {
	case <-time.After(progressDelay):
	case <-p.quit:
		return
	}
	t := time.NewTicker(progressTick)
	defer t.Stop()
	for {
		p.render()
		select {
		case <-t.C:
		case <-p.quit:
			return
		}
	}
}

// render draws the line.
func (p *progress) render() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.enabled {
		return
	}
	p.shown = true
	line := "\r\x1b[Kapiaudit: scanning"
	if p.total > 0 {
		line += fmt.Sprintf(" %d/%d OpenAPI documents", p.done, p.total)
	}
	if p.current != "" {
		line += ": " + report.Safe(p.current)
	}
	fmt.Fprint(p.app.Err, line)
}

// start records that an input (a document or a Go module) is being read.
func (p *progress) start(name string) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = name
}

// update records that done of total documents are scanned.
func (p *progress) update(done, total int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = max(p.done, done), total
}

// stop ends the ticker and erases the line if one was shown.
func (p *progress) stop() {
	if p.enabled {
		close(p.quit)
		p.wg.Wait()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.app.Err, "\r\x1b[K")
		p.shown = false
	}
	p.enabled = false
}
