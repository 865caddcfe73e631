// Package openapi is apiaudit's only door to kin-openapi: it finds OpenAPI
// documents, loads them (Swagger 2.0 converted to the OpenAPI 3 model) with
// origin tracking, guards the $refs they follow, and turns JSON pointers and
// origins into file positions.
package openapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apiaudit/apiaudit/internal/regfile"
	"github.com/apiaudit/apiaudit/pkg/lint"
)

// Options controls how documents are loaded.
type Options struct {
	// Root is the scan root. Files are reported relative to it, and a $ref
	// that resolves outside it is refused.
	Root string
	// AllowRemoteRefs lets http and https $refs be fetched. Off by default:
	// a scan makes no network call the user did not ask for.
	AllowRemoteRefs bool
	// HTTPClient fetches remote $refs; nil means a client with a timeout.
	HTTPClient *http.Client
	// MaxFileSize bounds what one file a $ref leads to may weigh, in bytes;
	// 0 means 100 MB.
	MaxFileSize int64
}

// maxRefFileSize caps what one file a $ref leads to may weigh, whatever
// --max-file-size says: a loaded document takes about 40 times its size in
// memory, and a 2 GB target would end the scan in out-of-memory with
// nothing reported.
const maxRefFileSize = 256 << 20

// readLimit is the size limit for referenced files.
func (o Options) readLimit() int64 {
	if o.MaxFileSize > 0 {
		return min(o.MaxFileSize, maxRefFileSize)
	}
	return 100 << 20
}

// readCapped reads at most limit bytes, and fails rather than truncating a
// remote file that is larger.
func readCapped(r io.Reader, limit int64, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &refError{fmt.Sprintf("$ref to %s: the file is over the %s limit (raise it with --max-file-size)", name, regfile.Size(limit)), name, true}
	}
	return data, nil
}

// refFileError is the refError for a file a $ref leads to that
// regfile.ReadFile refused or could not read.
func refFileError(root, abs string, err error) error {
	name := relOrAbs(root, abs)
	var tl *regfile.TooLargeError
	switch {
	case errors.As(err, &tl):
		return &refError{fmt.Sprintf("$ref to %s: %v for a referenced file", name, err), abs, true}
	case regfile.IsRefused(err):
		return &refError{fmt.Sprintf("$ref to %s: %v", name, err), abs, true}
	}
	if u := errors.Unwrap(err); u != nil {
		err = u
	}
	return &refError{fmt.Sprintf("$ref to %s cannot be read: %v", name, err), abs, false}
}

// readRoot reads the document's own file again (for positions, for
// Swagger 2.0), with the checks of every other read: discovery read it as
// a regular file, but the name may lead elsewhere by now.
func (d *Document) readRoot() ([]byte, error) {
	return regfile.ReadFile(d.abs, maxRefFileSize, 0)
}

// Document is one loaded OpenAPI document.
type Document struct {
	T       *openapi3.T
	File    string // root file, slash-separated, relative to the scan root
	Version string // as written: "2.0", "3.0" or "3.1"

	abs   string
	root  string
	mu    sync.Mutex
	trees map[string]*tree // parsed YAML of files, for positions origins lack
	v2    *v2Index
	// blocks maps the JSON files given to kin-openapi as block YAML (see
	// toBlock) to the line maps that turn positions back; by clean
	// absolute path.
	blocks map[string]lineMap
	// top holds where the root file's top-level keys are written, so that
	// a finding on one of them needs no YAML tree of the whole file.
	top map[string]srcPos
	// rep repairs what kin-openapi refuses, while Load runs.
	rep *repairer
	// dups are the keys written twice in an object of a JSON file, by
	// clean absolute path.
	dups map[string][]dupKey
}

// Load reads the document at path, whose version Sniff has told. A document
// that cannot be read or resolved yields a *lint.Problem naming the file and,
// where it is known, the line.
func Load(ctx context.Context, path, version string, opts Options) (*Document, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	d := &Document{abs: abs, root: root, Version: version, trees: map[string]*tree{}, blocks: map[string]lineMap{}}
	d.File = d.rel(abs)

	d.rep = &repairer{d: d, sources: map[string]*source{}, fixers: map[string]*fixer{}, refs: map[string][]textRef{}}
	for round := 0; ; round++ {
		loader := &openapi3.Loader{
			Context:               ctx,
			IncludeOrigin:         true,
			IsExternalRefsAllowed: true,
			ReadFromURIFunc:       openapi3.URIMapCache(opts.reader(root, d.feed)),
		}
		if version == "2.0" {
			d.T, err = d.loadV2(loader)
		} else {
			d.T, err = loader.LoadFromFile(abs)
		}
		if err == nil {
			break
		}
		// A document that does not parse at all, or a round that repairs
		// nothing more, is a problem; the error is the first load's when
		// the repairs did not help.
		if ctx.Err() != nil || round >= maxRepairRounds || !d.rep.round(err) {
			return nil, d.problem(err)
		}
	}
	for _, file := range slices.Sorted(maps.Keys(d.dups)) {
		for _, k := range d.dups[file] {
			tok := Split(k.pointer)
			d.rep.list = append(d.rep.list, Repair{
				Message: fmt.Sprintf("key %q is written twice in the same object (also at line %d, column %d): JSON parsers disagree on which one counts; the last is read, as most parsers do, and the earlier one is not analysed",
					tok[len(tok)-1], k.first.line, k.first.col),
				Location: lint.Location{File: d.rel(file), Line: int(k.at.line), Column: int(k.at.col), Pointer: k.pointer},
			})
		}
	}
	if src := d.rep.sources[filepath.Clean(abs)]; src != nil {
		if line := secondDocument(src.data); line > 0 {
			d.rep.list = append(d.rep.list, Repair{
				Message:  "the file holds more than one YAML document: only the first is read, and the one that starts here is not analysed",
				Location: lint.Location{File: d.File, Line: line, Column: 1},
			})
		}
	}
	if len(d.rep.list) > 0 {
		repairs.Store(d.T, d.rep.list)
	}
	d.rep = nil
	return d, nil
}

// feed is what the reader hands kin-openapi for a file: the block rewrite
// of a JSON file, with the repairs made so far.
func (d *Document) feed(abs string, data []byte) ([]byte, error) {
	abs = filepath.Clean(abs)
	data = Decode(data)
	d.mu.Lock()
	rep := d.rep
	d.mu.Unlock()
	if rep == nil {
		return d.block(abs, data), nil
	}
	if src, ok := rep.sources[abs]; ok {
		rep.last = src
		return src.data, nil
	}
	src := &source{abs: abs, data: d.block(abs, data)}
	rep.sources[abs] = src
	rep.cutChains(src)
	src = rep.sources[abs]
	rep.last = src
	if start, hops := crossChain(rep.refs); hops > 0 {
		line, _ := d.orig(start.file, start.line, 1)
		return nil, &shapeError{fmt.Sprintf("%s is not loaded: $ref %s at %s:%d starts a chain of %d $refs through files that lead to $refs (kin-openapi resolves each again from every link before it; at most %d are followed)",
			d.File, start.target, d.rel(start.file), line, hops, maxRefChain), start.file, line}
	}
	return src.data, nil
}

func (d *Document) loadV2(loader *openapi3.Loader) (*openapi3.T, error) {
	data, err := d.readRoot()
	if err != nil {
		return nil, err
	}
	if err := checkShape(d.abs, d.File, Decode(data)); err != nil {
		return nil, err
	}
	var doc2 openapi2.T
	fed, err := d.feed(d.abs, data)
	if err != nil {
		return nil, err
	}
	if err := openapi2.UnmarshalFromData(fed, &doc2); err != nil {
		return nil, err
	}
	d.repairV2(&doc2)
	t, err := openapi2conv.ToV3WithLoader(&doc2, loader, &url.URL{Path: filepath.ToSlash(d.abs)})
	if err != nil {
		return nil, err
	}
	recordV2Transport(t, &doc2)
	tr, err := d.tree(d.abs)
	if err != nil {
		return nil, err
	}
	d.v2 = newV2Index(tr)
	return t, nil
}

// rel turns a path into a slash-separated path relative to the scan root.
// Origins of referenced files carry the URL path kin-openapi resolved, which
// is percent-encoded ("my%20specs/api.yaml"); it is decoded when the decoded
// name is the file that exists.
func (d *Document) rel(p string) string {
	p = d.absOf(p)
	if r, err := filepath.Rel(d.root, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

// absOf is the clean absolute path of a file named by a path or by the
// percent-encoded URL path an origin carries.
func (d *Document) absOf(p string) string {
	if strings.Contains(p, "%") {
		if u, err := url.PathUnescape(p); err == nil {
			if _, err := os.Stat(u); err == nil {
				p = u
			}
		}
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
	}
	return filepath.Clean(p)
}

// relToRoot names a file outside root by its path relative to root, which
// reads the same wherever the checkout lives; the absolute path would not.
func relToRoot(root, abs string) string {
	if r, err := filepath.Rel(root, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

// relOrAbs names a file relative to root, so that messages read the same on
// every machine, or absolutely when it lies outside root (a relative name
// would then depend on how deep the root is).
func relOrAbs(root, abs string) string {
	if r, err := filepath.Rel(root, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

// yamlNoise is what kin-openapi and go-yaml put before the message that
// matters: the position is reported separately.
var yamlNoise = regexp.MustCompile(`^(?:failed to unmarshal data: |yaml error: |yaml: |construct errors: |unmarshal errors: |line \d+: |go-yaml load error in constructor at L\d+\.C\d+: )+`)

var (
	yamlAt     = regexp.MustCompile(`\bL(\d+)\.C(\d+)\b`)
	yamlLineNo = regexp.MustCompile(`\bline (\d+)\b`)
)

// problem turns a load error into a one-line Problem with a line number when
// one can be found: in the error, by parsing the file ourselves, or, for a
// $ref that cannot be followed, by finding the $ref in the root file.
func (d *Document) problem(err error) *lint.Problem {
	p := &lint.Problem{File: d.File, Message: oneLine(err.Error())}
	var refErr *refError
	if errors.As(err, &refErr) {
		p.Message = refErr.msg
		p.Line, p.Column = d.refPos(refErr.target)
		return p
	}
	var shapeErr *shapeError
	if errors.As(err, &shapeErr) {
		p.Message = shapeErr.msg
		if shapeErr.abs == filepath.Clean(d.abs) {
			p.Line = shapeErr.line
		} else {
			p.Line, p.Column = d.refPos(shapeErr.abs)
		}
		return p
	}
	if _, terr := d.tree(d.abs); terr != nil {
		var se *syntaxError
		if errors.As(terr, &se) {
			p.Line, p.Column, p.Message = se.line, se.column, se.msg
			return p
		}
	}
	d.mu.Lock()
	_, rewritten := d.blocks[filepath.Clean(d.abs)]
	d.mu.Unlock()
	if rewritten {
		// The JSON was valid (it was rewritten as block YAML): what the
		// JSON decoder then says about the rewrite is noise, and the
		// YAML decoder's positions are in the rewrite.
		if i := strings.Index(p.Message, "yaml error: "); i >= 0 && strings.Contains(p.Message[:i], "json error: ") {
			p.Message = p.Message[i:]
		}
	}
	if m := yamlAt.FindStringSubmatch(p.Message); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Column, _ = strconv.Atoi(m[2])
	} else if m := yamlLineNo.FindStringSubmatch(p.Message); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
	}
	if rewritten && p.Line > 0 {
		p.Line, p.Column = d.orig(d.abs, p.Line, max(p.Column, 1))
	}
	p.Message = yamlNoise.ReplaceAllString(p.Message, "")
	return p
}

// refPos finds where, in the root file, a $ref names target (by its base
// name): the line, and the column of the "$ref" key, which matters in JSON
// written on one line. 0, 0 when it is not there.
func (d *Document) refPos(target string) (line, column int) {
	if target == "" {
		return 0, 0
	}
	data, err := d.readRoot()
	if err != nil {
		return 0, 0
	}
	data = Decode(data)
	base := path.Base(target)
	for i, text := range strings.Split(string(data), "\n") {
		j := strings.Index(text, base)
		if j < 0 {
			continue
		}
		if k := strings.LastIndex(text[:j], "$ref"); k >= 0 {
			return i + 1, utf8.RuneCountInString(text[:k]) + 1
		}
		if strings.Contains(text, "$ref") {
			return i + 1, 0
		}
	}
	return 0, 0
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 400
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}

// refError is a $ref apiaudit refused or failed to follow.
type refError struct {
	msg    string
	target string // the file or URL it leads to
	// policy is set for a $ref refused on purpose (remote, out of the
	// root, too large): the document is not loaded without it, since the
	// user must decide.
	policy bool
}

func (e *refError) Error() string { return e.msg }

// reader follows file $refs that stay inside root and, only when allowed,
// remote ones.
// rewriteJSON turns the block rewrite on; tests turn it off to compare.
var rewriteJSON = true

// block hands kin-openapi a JSON file as block YAML, which go-yaml reads in
// linear time, and remembers how to map positions back. Other files, and
// JSON that cannot be rewritten, are passed through.
func (d *Document) block(abs string, data []byte) []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.blockLocked(abs, data)
}

// blockLocked is block for callers that hold d.mu.
func (d *Document) blockLocked(abs string, data []byte) []byte {
	if !rewriteJSON {
		return data
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return data
	}
	out, lines, top, dups, ok := toBlockTop(data)
	if !ok {
		return data
	}
	d.blocks[filepath.Clean(abs)] = lines
	if len(dups) > 0 {
		if d.dups == nil {
			d.dups = map[string][]dupKey{}
		}
		d.dups[filepath.Clean(abs)] = dups
	}
	if filepath.Clean(abs) == filepath.Clean(d.abs) {
		d.top = top
	}
	return out
}

// orig turns a position that kin-openapi or go-yaml reported in file (a path
// or a file URL path, as origins carry it) into the position in the file as
// written.
func (d *Document) orig(file string, line, col int) (int, int) {
	d.mu.Lock()
	m, ok := d.blocks[d.absOf(file)]
	d.mu.Unlock()
	if !ok {
		return line, col
	}
	return m.orig(line, col)
}

func (o Options) reader(root string, convert func(abs string, data []byte) ([]byte, error)) openapi3.ReadFromURIFunc {
	client := o.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	return func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		switch u.Scheme {
		case "http", "https":
			if !o.AllowRemoteRefs {
				return nil, &refError{fmt.Sprintf("remote $ref %s was not fetched (pass --allow-remote-refs to follow it)", u.Redacted()), u.Path, true}
			}
			resp, err := client.Get(u.String())
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			if resp.StatusCode/100 != 2 {
				return nil, fmt.Errorf("fetch $ref %s: %s", u.Redacted(), resp.Status)
			}
			return readCapped(resp.Body, o.readLimit(), u.Redacted())
		case "", "file":
		default:
			return nil, &refError{fmt.Sprintf("$ref %s uses unsupported scheme %q", u.Redacted(), u.Scheme), u.Path, true}
		}
		p := filepath.FromSlash(u.Path)
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		real := resolveLinks(abs)
		realRoot := root
		if r, err := filepath.EvalSymlinks(root); err == nil {
			realRoot = r
		}
		if rel, err := filepath.Rel(realRoot, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, &refError{fmt.Sprintf("$ref to %s leaves the scan root", relToRoot(root, abs)), abs, true}
		}
		// A FIFO or a device would block or never end: only regular files
		// are read, as the open descriptor says, and one over the limit is
		// refused before it is read. real has no links left, so a link
		// that appears there in between is refused, not followed.
		data, err := regfile.ReadFile(real, o.readLimit(), regfile.NoFollow)
		if err != nil {
			return nil, refFileError(root, abs, err)
		}
		if err := checkShape(abs, relOrAbs(root, abs), Decode(data)); err != nil {
			return nil, err
		}
		return convert(abs, data)
	}
}

// resolveLinks is filepath.EvalSymlinks for a path that may not exist: the
// links of its longest existing prefix are resolved and the rest is kept as
// written. A $ref to a missing file under a root reached through a link
// (a checkout's ../shared) is then a missing file inside the root, not a
// path that leaves it.
func resolveLinks(abs string) string {
	rest := ""
	for dir := abs; ; {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}
