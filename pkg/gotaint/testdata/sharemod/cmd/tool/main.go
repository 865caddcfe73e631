// Command tool removes the file named on its command line: nothing here
// reads a request, a tool argument or a model's output.
package main

import (
	"os"

	"example.com/sharemod/lib"
)

func main() { _ = lib.Remove(os.Args[1]) }
