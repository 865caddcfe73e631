// Package plain uses nothing the taint tables know: the engine builds no
// SSA for it and computes no summaries, so no diagnostic may appear here.
package plain

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }

func Join(parts []string) string { return strings.Join(parts, ",") }
