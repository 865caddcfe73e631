// Package ssh is a stub of golang.org/x/crypto/ssh for the rules' tests.
package ssh

type Client struct{}

func (c *Client) NewSession() (*Session, error) { return nil, nil }

type Session struct{}

func (s *Session) Run(cmd string) error                      { return nil }
func (s *Session) Start(cmd string) error                    { return nil }
func (s *Session) Output(cmd string) ([]byte, error)         { return nil, nil }
func (s *Session) CombinedOutput(cmd string) ([]byte, error) { return nil, nil }
func (s *Session) Close() error                              { return nil }
