// Stub of google.golang.org/api/drive/v3, checked against google.golang.org/api v0.313.0.
package drive

const (
	DriveScope         = "https://www.googleapis.com/auth/drive"
	DriveFileScope     = "https://www.googleapis.com/auth/drive.file"
	DriveReadonlyScope = "https://www.googleapis.com/auth/drive.readonly"
)
