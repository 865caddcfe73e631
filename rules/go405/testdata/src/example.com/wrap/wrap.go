// Package wrap holds a database helper used by another package.
package wrap

import "database/sql"

// Find looks rows up by a filter written into the query.
func Find(db *sql.DB, filter string) (*sql.Rows, error) {
	return db.Query("SELECT * FROM items WHERE " + filter)
}

// FindSafe passes the value as a parameter.
func FindSafe(db *sql.DB, name string) (*sql.Rows, error) {
	return db.Query("SELECT * FROM items WHERE name = ?", name)
}
