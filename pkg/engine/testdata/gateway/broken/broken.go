// Package broken does not type-check.
package broken

func Count() int {
	return "three"
}
