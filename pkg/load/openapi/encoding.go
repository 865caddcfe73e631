package openapi

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Text encodings. YAML allows UTF-8, UTF-16 and UTF-32, JSON UTF-8 only
// (RFC 8259), yet editors on Windows save both in UTF-16 with a byte order
// mark. A UTF-16 file is decoded to UTF-8 before anything reads it, so it is
// sniffed, loaded and located like any other; a UTF-8 byte order mark is
// dropped. Positions are then counted in characters, as they are for UTF-8.

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns data as UTF-8 without a byte order mark. A file in UTF-16
// is recognised by its byte order mark, or, without one, by the zero bytes
// that ASCII text in UTF-16 has in every other place.
func Decode(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return fromUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return fromUTF16(data[2:], true)
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		return fromUTF16(data, false)
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		return fromUTF16(data, true)
	}
	return data
}

func fromUTF16(data []byte, bigEndian bool) []byte {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
