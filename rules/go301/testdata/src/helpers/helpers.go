// Package helpers is another package of the module under test: what its
// functions reach crosses the package boundary as facts.
package helpers

import (
	"database/sql"
	"os"
)

func Purge(dir string) error { return os.RemoveAll(dir) }

func Lookup(db *sql.DB, id string) error {
	_, err := db.Query("SELECT name FROM users WHERE id = ?", id)
	return err
}

func Rename(db *sql.DB, id, name string) error {
	_, err := db.Exec("UPDATE users SET name = ? WHERE id = ?", name, id)
	return err
}
