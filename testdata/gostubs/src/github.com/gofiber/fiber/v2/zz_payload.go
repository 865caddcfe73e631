// Stub of github.com/gofiber/fiber/v2, checked against v2.52.15 (payload rules: body parser).
package fiber

func (c *Ctx) Body() []byte                                 { return nil }
func (c *Ctx) BodyParser(out interface{}) error             { return nil }
func (c *Ctx) JSON(data interface{}, ctype ...string) error { return nil }
