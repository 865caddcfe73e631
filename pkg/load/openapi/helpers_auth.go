package openapi

import "strings"

// privilegedSegments are path segments that mark an operation as meant for
// operators rather than ordinary clients. "root" and "system" are left out:
// /folders/root and /system/status are ordinary resources in many APIs.
var privilegedSegments = map[string]bool{
	"admin": true, "admins": true, "administration": true, "administrator": true,
	"backoffice": true, "debug": true, "internal": true, "manage": true,
	"management": true, "ops": true, "sudo": true, "superuser": true,
}

// PrivilegedSegment returns the first segment of an operation's path that
// marks it as administrative or internal, such as "admin" in
// /v1/admin/users or "_debug" in /_debug/vars, or "" when there is none. A
// segment must be the word itself: /internal-transfers and /managed-keys are
// ordinary resources.
func PrivilegedSegment(path string) string {
	for seg := range strings.SplitSeq(path, "/") {
		if privilegedSegments[strings.ToLower(strings.TrimLeft(seg, "_.-~"))] {
			return seg
		}
	}
	return ""
}
