package b

import (
	"database/sql"
	"os"
	"os/exec"
)

func Run(name string) error { // want Run:"reaches command execution"
	return exec.Command(name).Run()
}

func Save(db *sql.DB, v string) { // want Save:"reaches database write"
	db.Exec("UPDATE t SET v = ?", v)
}

func Read(db *sql.DB) { // silent: a query that only reads
	db.Query("SELECT v FROM t")
}

func Lookup(db *sql.DB) { // want Lookup:"reaches database write"
	db.Query("delete from t returning v")
}

func Open(p string) { // silent: read-only open
	f, _ := os.OpenFile(p, os.O_RDONLY, 0)
	f.Close()
}

func Append(p string) { // want Append:"reaches file write"
	f, _ := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	f.Close()
}

type Store struct{ db *sql.DB }

func (s *Store) Clear(dir string) { // want Clear:"reaches file removal, database write"
	os.RemoveAll(dir)
	Save(s.db, "")
}

// Cleaner is implemented by Disk, which removes files, and by Memory,
// which does nothing outside the process.
type Cleaner interface{ Clean(dir string) }

type Disk struct{}

func (Disk) Clean(dir string) { os.RemoveAll(dir) } // want Clean:"reaches file removal"

type Memory struct{ m map[string]string }

func (m *Memory) Clean(dir string) { delete(m.m, dir) }

// Namer has no implementation that reaches anything.
type Namer interface{ Name() string }

type Fixed struct{}

func (Fixed) Name() string { return "fixed" }
