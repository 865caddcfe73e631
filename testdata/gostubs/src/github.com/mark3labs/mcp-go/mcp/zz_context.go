package mcp

func DefaultString(value string) PropertyOption  { return nil }
func DefaultNumber(value float64) PropertyOption { return nil }
func DefaultBool(value bool) PropertyOption      { return nil }
